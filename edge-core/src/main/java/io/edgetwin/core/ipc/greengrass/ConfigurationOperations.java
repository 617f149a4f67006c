package io.edgetwin.core.ipc.greengrass;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.aws.greengrass.GreengrassCoreIPCServiceModel;
import software.amazon.awssdk.aws.greengrass.model.ConfigurationUpdateEvent;
import software.amazon.awssdk.aws.greengrass.model.ConfigurationUpdateEvents;
import software.amazon.awssdk.aws.greengrass.model.GetConfigurationRequest;
import software.amazon.awssdk.aws.greengrass.model.GetConfigurationResponse;
import software.amazon.awssdk.aws.greengrass.model.SubscribeToConfigurationUpdateRequest;
import software.amazon.awssdk.aws.greengrass.model.SubscribeToConfigurationUpdateResponse;
import software.amazon.awssdk.aws.greengrass.model.UpdateConfigurationRequest;
import software.amazon.awssdk.aws.greengrass.model.UpdateConfigurationResponse;

/**
 * {@code GetConfiguration} (any component's, as in the nucleus), {@code UpdateConfiguration} (the
 * caller's own, never its {@code accessControl}) and {@code SubscribeToConfigurationUpdate} on
 * {@link ComponentConfigurations}. No authorization policy applies to these, as in the nucleus.
 */
final class ConfigurationOperations {

    static final String GET = "aws.greengrass#GetConfiguration";
    static final String UPDATE = "aws.greengrass#UpdateConfiguration";
    static final String SUBSCRIBE = "aws.greengrass#SubscribeToConfigurationUpdate";
    static final String EVENT_TYPE = "aws.greengrass#ConfigurationUpdateEvents";


    private final ComponentConfigurations configurations;

    ConfigurationOperations(ComponentConfigurations configurations) {
        this.configurations = configurations;
    }

    Map<String, Operation> operations() {
        return Map.of(GET, this::get, UPDATE, this::update, SUBSCRIBE, this::subscribe);
    }

    private Reply get(Caller caller, byte[] request, OperationStream stream) {
        GetConfigurationRequest get = model().fromJson(GetConfigurationRequest.class, request);
        String component = get.getComponentName() == null ? caller.component() : get.getComponentName();
        List<String> keyPath = get.getKeyPath() == null ? List.of() : get.getKeyPath();
        Object value = configurations.get(component, keyPath).orElseThrow(() -> Errors.notFound(
                "Key not found: component '" + component + "' has no configuration at " + keyPath,
                "configuration", component + ":" + String.join("/", keyPath)));
        Map<String, Object> map;
        if (value instanceof Map<?, ?> node) {
            map = new LinkedHashMap<>();
            node.forEach((k, v) -> map.put(String.valueOf(k), v));
        } else {
            map = new LinkedHashMap<>();
            map.put(keyPath.get(keyPath.size() - 1), value);
        }
        return Reply.of(new GetConfigurationResponse().withComponentName(component).withValue(map));
    }

    private Reply update(Caller caller, byte[] request, OperationStream stream) {
        UpdateConfigurationRequest update = model().fromJson(UpdateConfigurationRequest.class, request);
        List<String> keyPath = update.getKeyPath() == null ? List.of() : update.getKeyPath();
        Map<String, Object> value = update.getValueToMerge();
        if (value == null) {
            throw Errors.invalid("valueToMerge is missing; expected a mapping to merge at keyPath " + keyPath);
        }
        boolean touchesAccessControl = keyPath.isEmpty() ? value.containsKey("accessControl")
                : keyPath.get(0).equals("accessControl");
        if (touchesAccessControl) {
            throw Errors.invalid("Config update is not allowed for following fields [accessControl]");
        }
        configurations.merge(caller.component(), keyPath, value);
        return Reply.of(new UpdateConfigurationResponse());
    }

    private Reply subscribe(Caller caller, byte[] request, OperationStream stream) {
        SubscribeToConfigurationUpdateRequest subscribe = model().fromJson(SubscribeToConfigurationUpdateRequest.class, request);
        String component = subscribe.getComponentName() == null ? caller.component() : subscribe.getComponentName();
        List<String> keyPath = subscribe.getKeyPath() == null ? List.of() : subscribe.getKeyPath();
        stream.onClose(configurations.subscribe(component, keyPath, (name, changed) -> stream.send(EVENT_TYPE,
                model().toJson(new ConfigurationUpdateEvents().withConfigurationUpdateEvent(
                        new ConfigurationUpdateEvent().withComponentName(name).withKeyPath(changed))))));
        return Reply.of(new SubscribeToConfigurationUpdateResponse());
    }

    /** Looked up at use: the model and Gson load only once a component calls an operation (~6.6 MB). */
    private static GreengrassCoreIPCServiceModel model() {
        return GreengrassCoreIPCServiceModel.getInstance();
    }
}
