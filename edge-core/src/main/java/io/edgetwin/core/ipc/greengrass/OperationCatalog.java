package io.edgetwin.core.ipc.greengrass;

import com.google.gson.JsonParseException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.aws.greengrass.GreengrassCoreIPCServiceModel;
import software.amazon.awssdk.eventstreamrpc.OperationModelContext;
import software.amazon.awssdk.eventstreamrpc.model.EventStreamOperationError;

/**
 * The operations the core serves, by their model name ({@code aws.greengrass#PublishToTopic}). Runs one
 * and turns its outcome into the stream's answer: the response (ending the stream unless the operation
 * streams), a modelled error, or — for a name it does not serve — the nucleus's "unsupported
 * operation" error. Never leaves a request unanswered.
 */
final class OperationCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(OperationCatalog.class);

    private final Map<String, Operation> operations;

    OperationCatalog(Map<String, Operation> operations) {
        this.operations = Map.copyOf(operations);
    }

    /** What goes back on a stream: a message type, the model type header (null for none) and the body. */
    record Outcome(MessageType type, String modelType, byte[] json) {
    }

    /** Sends an outcome on a stream; {@code last} ends the stream with it. */
    interface Replier {
        void reply(OperationStream stream, Outcome outcome, boolean last);
    }

    void invoke(Caller caller, byte[] request, OperationStream stream, Replier replier) {
        Operation operation = operations.get(stream.operation());
        if (operation == null) {
            replier.reply(stream, Errors.unsupported(stream.operation()), true);
            return;
        }
        boolean streaming = streaming(stream.operation());
        try {
            Reply reply = operation.handle(caller, request, stream);
            replier.reply(stream, new Outcome(MessageType.APPLICATION_MESSAGE, reply.modelType(), reply.json()), !streaming);
        } catch (EventStreamOperationError e) {
            replier.reply(stream, Errors.reply(e), true);
        } catch (JsonParseException | IllegalStateException | ClassCastException e) {
            replier.reply(stream, Errors.reply(Errors.invalid("request of " + stream.operation()
                    + " is not valid JSON of its model type: " + e.getMessage())), true);
        } catch (RuntimeException e) {
            LOG.warn("ipc-operation-failed component={} operation={} error={}", caller.component(), stream.operation(),
                    e.toString());
            replier.reply(stream, Errors.reply(Errors.service(stream.operation() + " failed in the core: " + e)), true);
        }
    }

    private static boolean streaming(String operation) {
        OperationModelContext<?, ?, ?, ?> context =
                GreengrassCoreIPCServiceModel.getInstance().getOperationModelContext(operation);
        return context != null && context.isStreamingOperation();
    }
}
