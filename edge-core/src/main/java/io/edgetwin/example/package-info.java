/**
 * Components written only against the AWS IoT Device SDK, as users write them for the Greengrass
 * nucleus: {@link io.edgetwin.example.GreengrassIpcExample} (recipe {@code com.edgetwin.GreengrassIpcExample}),
 * which runs unmodified on a twin's Greengrass IPC; and Lambda handlers written only against
 * {@code aws-lambda-java-core}, {@link io.edgetwin.example.BusyHandler} and
 * {@link io.edgetwin.example.LeakyHandler} (recipes {@code com.edgetwin.lambda.Busy} and
 * {@code com.edgetwin.lambda.Leaky}). Nothing here imports edgetwin code.
 */
package io.edgetwin.example;
