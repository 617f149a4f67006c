package io.edgetwin.core.ipc.greengrass;

import io.edgetwin.core.ipc.ComponentEvents;
import java.util.Map;
import software.amazon.awssdk.aws.greengrass.GreengrassCoreIPCServiceModel;
import software.amazon.awssdk.aws.greengrass.model.ComponentUpdatePolicyEvents;
import software.amazon.awssdk.aws.greengrass.model.DeferComponentUpdateRequest;
import software.amazon.awssdk.aws.greengrass.model.DeferComponentUpdateResponse;
import software.amazon.awssdk.aws.greengrass.model.InvalidTokenError;
import software.amazon.awssdk.aws.greengrass.model.PostComponentUpdateEvent;
import software.amazon.awssdk.aws.greengrass.model.PreComponentUpdateEvent;
import software.amazon.awssdk.aws.greengrass.model.SubscribeToComponentUpdatesResponse;
import software.amazon.awssdk.aws.greengrass.model.UpdateStateRequest;
import software.amazon.awssdk.aws.greengrass.model.UpdateStateResponse;
import software.amazon.awssdk.aws.greengrass.model.ValidateAuthorizationTokenRequest;
import software.amazon.awssdk.aws.greengrass.model.ValidateAuthorizationTokenResponse;

/**
 * A component's life as IPC sees it: {@code UpdateState} (RUNNING marks it ready in the core's status),
 * {@code SubscribeToComponentUpdates} and {@code DeferComponentUpdate} ({@link ComponentUpdates}), and
 * {@code ValidateAuthorizationToken}, which the nucleus allows only to {@code aws.greengrass.StreamManager}.
 */
final class LifecycleOperations {

    static final String UPDATE_STATE = "aws.greengrass#UpdateState";
    static final String SUBSCRIBE_UPDATES = "aws.greengrass#SubscribeToComponentUpdates";
    static final String DEFER = "aws.greengrass#DeferComponentUpdate";
    static final String VALIDATE_TOKEN = "aws.greengrass#ValidateAuthorizationToken";
    static final String UPDATE_EVENT_TYPE = "aws.greengrass#ComponentUpdatePolicyEvents";
    static final String STREAM_MANAGER = "aws.greengrass.StreamManager";


    private final ComponentEvents events;
    private final ComponentUpdates updates;
    private final AccessRegistry access;

    LifecycleOperations(ComponentEvents events, ComponentUpdates updates, AccessRegistry access) {
        this.events = events;
        this.updates = updates;
        this.access = access;
    }

    Map<String, Operation> operations() {
        return Map.of(UPDATE_STATE, this::updateState, SUBSCRIBE_UPDATES, this::subscribeUpdates, DEFER, this::defer,
                VALIDATE_TOKEN, this::validateToken);
    }

    private Reply updateState(Caller caller, byte[] request, OperationStream stream) {
        UpdateStateRequest update = model().fromJson(UpdateStateRequest.class, request);
        String state = update.getStateAsString();
        if (state == null || update.getState() == null) {
            throw Errors.invalid("state is " + state + "; expected RUNNING or ERRORED");
        }
        events.reportedState(caller.component(), state);
        return Reply.of(new UpdateStateResponse());
    }

    private Reply subscribeUpdates(Caller caller, byte[] request, OperationStream stream) {
        stream.onClose(updates.subscribe(caller.component(), event -> stream.send(UPDATE_EVENT_TYPE,
                model().toJson(event.before()
                        ? new ComponentUpdatePolicyEvents().withPreUpdateEvent(new PreComponentUpdateEvent()
                                .withDeploymentId(event.deploymentId()).withIsGgcRestarting(event.coreRestarting()))
                        : new ComponentUpdatePolicyEvents().withPostUpdateEvent(new PostComponentUpdateEvent()
                                .withDeploymentId(event.deploymentId()))))));
        return Reply.of(new SubscribeToComponentUpdatesResponse());
    }

    private Reply defer(Caller caller, byte[] request, OperationStream stream) {
        DeferComponentUpdateRequest defer = model().fromJson(DeferComponentUpdateRequest.class, request);
        String deploymentId = defer.getDeploymentId();
        long recheckAfterMs = defer.getRecheckAfterMs() == null ? 0 : defer.getRecheckAfterMs();
        if (deploymentId == null || recheckAfterMs < 0) {
            throw Errors.invalid("deploymentId is " + deploymentId + " and recheckAfterMs " + recheckAfterMs
                    + "; expected the id of an announced deployment and 0 or more milliseconds");
        }
        if (!updates.defer(deploymentId, new ComponentUpdates.Deferral(caller.component(), recheckAfterMs,
                defer.getMessage()))) {
            throw Errors.notFound("no update with deployment id '" + deploymentId + "' is waiting for components",
                    "deployment", deploymentId);
        }
        return Reply.of(new DeferComponentUpdateResponse());
    }

    private Reply validateToken(Caller caller, byte[] request, OperationStream stream) {
        if (!STREAM_MANAGER.equals(caller.component())) {
            throw Errors.unauthorized(caller.component() + " is not authorized to perform " + VALIDATE_TOKEN);
        }
        String token = model().fromJson(ValidateAuthorizationTokenRequest.class, request).getToken();
        if (token == null || access.component(token).isEmpty()) {
            throw new InvalidTokenError("Invalid authentication token");
        }
        return Reply.of(new ValidateAuthorizationTokenResponse().withIsValid(true));
    }

    /** Looked up at use: the model and Gson load only once a component calls an operation (~6.6 MB). */
    private static GreengrassCoreIPCServiceModel model() {
        return GreengrassCoreIPCServiceModel.getInstance();
    }
}
