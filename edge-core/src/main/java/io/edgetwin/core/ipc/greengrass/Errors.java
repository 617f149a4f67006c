package io.edgetwin.core.ipc.greengrass;

import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.aws.greengrass.GreengrassCoreIPCServiceModel;
import software.amazon.awssdk.aws.greengrass.model.InvalidArgumentsError;
import software.amazon.awssdk.aws.greengrass.model.ResourceNotFoundError;
import software.amazon.awssdk.aws.greengrass.model.ServiceError;
import software.amazon.awssdk.aws.greengrass.model.UnauthorizedError;
import software.amazon.awssdk.eventstreamrpc.model.EventStreamOperationError;

/** The service model's errors as the operations throw them, and as they go on the wire. */
final class Errors {

    private Errors() {
    }

    static InvalidArgumentsError invalid(String message) {
        return new InvalidArgumentsError(message);
    }

    static UnauthorizedError unauthorized(String message) {
        return new UnauthorizedError(message);
    }

    static ServiceError service(String message) {
        return new ServiceError(message);
    }

    static ResourceNotFoundError notFound(String message, String resourceType, String resourceName) {
        ResourceNotFoundError error = new ResourceNotFoundError(message);
        error.setResourceType(resourceType);
        error.setResourceName(resourceName);
        return error;
    }

    /** An APPLICATION_ERROR the official client raises as the error's own exception class. */
    static OperationCatalog.Outcome reply(EventStreamOperationError error) {
        return new OperationCatalog.Outcome(MessageType.APPLICATION_ERROR, error.getApplicationModelType(),
                GreengrassCoreIPCServiceModel.getInstance().toJson(error));
    }

    /** The nucleus's answer to an operation it does not serve: an unmodelled APPLICATION_ERROR. */
    static OperationCatalog.Outcome unsupported(String operation) {
        String json = "{\"error\":\"Unsupported Operation\",\"message\":"
                + JsonText.quote(operation + " is an unsupported operation.") + "}";
        return new OperationCatalog.Outcome(MessageType.APPLICATION_ERROR, null, json.getBytes(StandardCharsets.UTF_8));
    }
}
