package io.edgetwin.core.lambda;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The frames between the core and a Lambda worker, over the worker's standard input and output.
 * Core → worker: an invocation {@code [long timeoutMillis][int length][payload]}. Worker → core: once,
 * after loading the handler, a status {@code [byte READY]} or {@code [byte INIT_FAILED][UTF message]};
 * then per invocation {@code [byte OK or ERROR][int length][result or error message]}.
 */
final class WorkerFrames {

    static final byte READY = 0;
    static final byte INIT_FAILED = 1;
    static final byte OK = 2;
    static final byte ERROR = 3;
    /** Larger frames are refused: a payload bigger than the core's own MQTT limit is a broken stream. */
    static final int MAX_PAYLOAD = 16 * 1024 * 1024;

    private WorkerFrames() {
    }

    static void writeInvocation(DataOutputStream out, long timeoutMillis, byte[] payload) throws IOException {
        out.writeLong(timeoutMillis);
        writeBytes(out, payload);
        out.flush();
    }

    static void writeReply(DataOutputStream out, byte kind, byte[] body) throws IOException {
        out.writeByte(kind);
        writeBytes(out, body);
        out.flush();
    }

    static byte[] readBytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_PAYLOAD) {
            throw new IOException("frame of " + length + " bytes; expected 0 to " + MAX_PAYLOAD);
        }
        return in.readNBytes(length);
    }

    private static void writeBytes(DataOutputStream out, byte[] body) throws IOException {
        out.writeInt(body.length);
        out.write(body);
    }
}
