package io.edgetwin.core.ipc.greengrass;

/**
 * The core's side of one Greengrass IPC operation. It reads the request JSON, acts for the caller and
 * returns the response; a refusal is thrown as the service model's error
 * ({@code UnauthorizedError}, {@code InvalidArgumentsError}, {@code ResourceNotFoundError},
 * {@code ServiceError}...), which the client raises as that exception. A streaming operation sends
 * its events through {@code stream} after returning, and registers what it holds with
 * {@link OperationStream#onClose}.
 */
@FunctionalInterface
public interface Operation {

    Reply handle(Caller caller, byte[] request, OperationStream stream);
}
