package io.edgetwin.core.ipc.greengrass;

import java.util.Objects;
import software.amazon.awssdk.aws.greengrass.GreengrassCoreIPCServiceModel;
import software.amazon.awssdk.eventstreamrpc.model.EventStreamJsonMessage;

/** An operation's response: its model type ({@code aws.greengrass#PublishToTopicResponse}) and JSON body. */
public record Reply(String modelType, byte[] json) {

    public Reply {
        Objects.requireNonNull(modelType, "modelType");
        Objects.requireNonNull(json, "json");
    }

    /** Serialised the way the official client reads it (the service model's own Gson). */
    public static Reply of(EventStreamJsonMessage message) {
        return new Reply(message.getApplicationModelType(), GreengrassCoreIPCServiceModel.getInstance().toJson(message));
    }
}
