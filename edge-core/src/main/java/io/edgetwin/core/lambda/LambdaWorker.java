package io.edgetwin.core.lambda;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * One instance of a Lambda function: a JVM the core starts in the function's cgroup. It loads the handler
 * (class name in {@code AWS_GREENGRASS_LAMBDA_FUNCTION_HANDLER}), says READY, then runs one invocation
 * at a time as the core sends them ({@link WorkerFrames}) until its input ends. The protocol owns
 * standard output: {@code System.out} of the handler goes to standard error. A handler that throws is an
 * ERROR reply with the exception's text; the worker carries on. The core ends a worker by closing its
 * input, or kills it at an invocation's timeout.
 */
public final class LambdaWorker {

    private LambdaWorker() {
    }

    public static void main(String[] args) throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
        System.setOut(System.err);
        DataInputStream in = new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in)));
        String handlerName = System.getenv("AWS_GREENGRASS_LAMBDA_FUNCTION_HANDLER");
        Handler handler;
        try {
            handler = Handler.load(handlerName.split("::")[0], LambdaWorker.class.getClassLoader());
        } catch (Exception | LinkageError e) {
            String why = "handler '" + handlerName + "' cannot be loaded: " + e;
            out.writeByte(WorkerFrames.INIT_FAILED);
            out.writeUTF(why.substring(0, Math.min(2000, why.length())));
            out.flush();
            System.exit(1);
            return;
        }
        out.writeByte(WorkerFrames.READY);
        out.flush();
        serve(handler, in, out);
    }

    private static void serve(Handler handler, DataInputStream in, DataOutputStream out) throws IOException {
        String function = System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_NAME", "");
        String version = System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_VERSION", "");
        String arn = System.getenv().getOrDefault("AWS_GREENGRASS_LAMBDA_ARN", "");
        int memoryMb = Integer.parseInt(System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "0"));
        while (true) {
            long timeoutMillis;
            byte[] event;
            try {
                timeoutMillis = in.readLong();
                event = WorkerFrames.readBytes(in);
            } catch (EOFException e) {
                return;
            }
            long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
            LambdaContext context = new LambdaContext(UUID.randomUUID().toString(), function, version, arn, memoryMb,
                    deadline, System::nanoTime);
            byte[] result;
            byte kind = WorkerFrames.OK;
            try {
                result = handler.invoke(event, context);
            } catch (Exception | StackOverflowError e) {
                kind = WorkerFrames.ERROR;
                result = describe(e).getBytes(StandardCharsets.UTF_8);
            }
            WorkerFrames.writeReply(out, kind, result);
        }
    }

    private static String describe(Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        System.err.print(trace);
        return String.valueOf(e);
    }
}
