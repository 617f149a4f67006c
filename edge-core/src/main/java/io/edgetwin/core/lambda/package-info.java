/**
 * The Lambda launcher: runs Lambda components ({@code aws.greengrass.lambda}) whose handlers are Java
 * classes written against {@code com.amazonaws:aws-lambda-java-core}.
 * <p>{@link io.edgetwin.core.lambda.LambdaLauncher} is the entry point the core uses: it starts a
 * {@link io.edgetwin.core.lambda.LambdaFunction} when a Lambda component becomes RUNNING and stops it
 * when the component stops. A function turns the messages of its event sources (local bus and IoT
 * Core) into invocations on a bounded queue and runs them on instances: each instance is a JVM of its
 * own ({@link io.edgetwin.core.lambda.LambdaWorker}) inside the component's cgroup, so a
 * {@code GreengrassContainer} function's memory size limits all its instances together and an OOM kill
 * there ends only that function's instances. {@link io.edgetwin.core.lambda.Instance} speaks to one
 * worker over its standard input and output ({@link io.edgetwin.core.lambda.WorkerFrames}).
 */
package io.edgetwin.core.lambda;
