package io.edgetwin.core.ipc.greengrass;

import java.time.Duration;
import java.util.Objects;

/**
 * What one connection may take from the core: the largest message it may send, how long it may stay
 * without a CONNECT, how many streams (operations in flight plus open subscriptions) it may hold, and
 * how many frames may wait for it to read.
 */
public record IpcLimits(int maxFrameBytes, Duration connectTimeout, int maxStreams, int outboxFrames) {

    /** 1 MiB messages, 10 s to CONNECT, 1,024 streams and 4,096 waiting frames per connection. */
    public static final IpcLimits DEFAULT = new IpcLimits(1 << 20, Duration.ofSeconds(10), 1024, 4096);

    public IpcLimits {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        if (maxFrameBytes < 1024) {
            throw new IllegalArgumentException("maxFrameBytes is " + maxFrameBytes + "; expected at least 1024");
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout is " + connectTimeout + "; expected a positive duration");
        }
        if (maxStreams < 1 || outboxFrames < 1) {
            throw new IllegalArgumentException("maxStreams is " + maxStreams + " and outboxFrames " + outboxFrames
                    + "; expected both at least 1");
        }
    }

    public IpcLimits withConnectTimeout(Duration timeout) {
        return new IpcLimits(maxFrameBytes, timeout, maxStreams, outboxFrames);
    }

    public IpcLimits withMaxStreams(int streams) {
        return new IpcLimits(maxFrameBytes, connectTimeout, streams, outboxFrames);
    }

    public IpcLimits withMaxFrameBytes(int bytes) {
        return new IpcLimits(bytes, connectTimeout, maxStreams, outboxFrames);
    }
}
