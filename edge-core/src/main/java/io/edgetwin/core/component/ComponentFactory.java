package io.edgetwin.core.component;

import io.edgetwin.core.ipc.AccessControl;
import io.edgetwin.core.ipc.greengrass.GreengrassIpcServer;
import io.edgetwin.core.lambda.LambdaLauncher;
import io.edgetwin.core.recipe.ComponentType;
import io.edgetwin.core.recipe.LambdaParameters;
import io.edgetwin.core.recipe.Recipe;
import io.edgetwin.core.recipe.RecipeStore;
import io.edgetwin.core.resources.ComponentCgroup;
import io.edgetwin.core.resources.ComponentCgroups;
import io.edgetwin.core.resources.EnforcementException;
import io.edgetwin.core.resources.ResourceLimits;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Turns a deployment entry into a runnable {@link Component}: finds its recipe, merges the
 * configuration over the recipe's defaults, interpolates the recipe variables, gives it an IPC
 * identity and a cgroup of its own.
 */
public final class ComponentFactory {

    private final RecipeStore recipes;
    private final Path rootPath;
    private final String thingName;
    private final Path ipcSocket;
    private final GreengrassIpcServer ipc;
    private final Supplier<ComponentCgroups> cgroups;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final int maxErrors;
    private final Duration errorWindow;
    private final Consumer<Component> onChange;
    private final LambdaLauncher lambdas;

    /**
     * @param ipcSocket where the core's Greengrass IPC server {@code ipc} listens; every component gets it as
     *                  {@code AWS_GG_NUCLEUS_DOMAIN_SOCKET_FILEPATH_FOR_COMPONENT} and is admitted to
     *                  {@code ipc} with its own {@code SVCUID}, as the nucleus does
     * @param cgroups   gives the device's component cgroups, or null when the device has none; asked
     *                  only when a component is created
     */
    public ComponentFactory(RecipeStore recipes, Path rootPath, String thingName, Path ipcSocket, GreengrassIpcServer ipc,
                            Supplier<ComponentCgroups> cgroups, ScheduledExecutorService scheduler, Clock clock,
                            int maxErrors, Duration errorWindow, Consumer<Component> onChange) {
        this.recipes = recipes;
        this.rootPath = rootPath;
        this.thingName = thingName;
        this.ipcSocket = ipcSocket;
        this.ipc = ipc;
        this.cgroups = cgroups;
        this.scheduler = scheduler;
        this.clock = clock;
        this.maxErrors = maxErrors;
        this.errorWindow = errorWindow;
        this.onChange = onChange;
        this.lambdas = null;
    }

    private ComponentFactory(ComponentFactory base, LambdaLauncher lambdas) {
        this.recipes = base.recipes;
        this.rootPath = base.rootPath;
        this.thingName = base.thingName;
        this.ipcSocket = base.ipcSocket;
        this.ipc = base.ipc;
        this.cgroups = base.cgroups;
        this.scheduler = base.scheduler;
        this.clock = base.clock;
        this.maxErrors = base.maxErrors;
        this.errorWindow = base.errorWindow;
        this.onChange = base.onChange;
        this.lambdas = lambdas;
    }

    /**
     * The same factory, running Lambda components ({@code aws.greengrass.lambda}) with {@code launcher};
     * without it a deployment that names one is REJECTED.
     */
    public ComponentFactory withLambdas(LambdaLauncher launcher) {
        return new ComponentFactory(this, launcher);
    }

    /** The recipe's default configuration; throws naming the component when there is no such recipe. */
    public Map<String, Object> defaults(String name, String version) {
        return recipes.find(name, version).defaultConfiguration();
    }

    /**
     * Resolves a component with its effective configuration to what would run. Throws naming the
     * component when its recipe, a lifecycle for this device or a variable is missing, or when its
     * {@code accessControl} is malformed.
     */
    public ComponentSpec resolve(String name, String version, Map<String, Object> configuration, ResourceLimits limits) {
        Recipe recipe = recipes.find(name, version);
        AccessControl.of(name, configuration);
        AccessControl.mqttProxyOf(name, configuration);
        if (recipe.type() == ComponentType.LAMBDA) {
            recipe.requireLifecycle();
            ComponentSpec spec = LambdaSpecs.resolve(recipe, configuration, limits, lambdas);
            if (!spec.limits().isEmpty() && cgroups.get() == null) {
                throw new EnforcementException("Lambda component '" + name + "' needs a cgroup for its limits "
                        + spec.limits() + " (containerMode GreengrassContainer) but this device cannot create "
                        + "component cgroups; use containerMode NoContainer to run it without a limit");
            }
            return spec;
        }
        RecipeVariables variables = new RecipeVariables(name, version, configuration, rootPath, thingName);
        return new ComponentSpec(name, version, configuration, variables.interpolate(recipe.requireLifecycle()), limits,
                recipe.dependencies());
    }

    /**
     * Throws {@link EnforcementException} when the component has limits and the device has no component
     * cgroups; lets a deployment be REJECTED before anything changes.
     */
    public void requireEnforceable(String component, ResourceLimits limits) {
        if (!limits.isEmpty() && cgroups.get() == null) {
            throw new EnforcementException("component '" + component + "' has systemResourceLimits but this device "
                    + "cannot create component cgroups (see the core's log: component-cgroups-unavailable)");
        }
    }

    /**
     * Creates the component (not started). Throws {@link EnforcementException} when it has limits and
     * the device cannot enforce them: never runs it unlimited.
     */
    public Component create(ComponentSpec spec) {
        ComponentCgroups device = cgroups.get();
        if (device == null && !spec.limits().isEmpty()) {
            throw new EnforcementException("component '" + spec.name() + "' has systemResourceLimits but this device "
                    + "has no component cgroups");
        }
        ComponentCgroup cgroup = device == null ? null : device.create(spec.name(), spec.limits());
        String token = UUID.randomUUID().toString();
        ipc.authorize(spec.name(), token, spec.configuration());
        Consumer<Component> changes = spec.lambda().isPresent() ? lambdaLifecycle(spec.lambda().get(), cgroup) : onChange;
        return new Component(spec, environment(spec, token), scheduler, clock, maxErrors, errorWindow, changes, cgroup);
    }

    /**
     * A Lambda component's function runs while the component is RUNNING: it starts when the component
     * gets there (the component is ready once the function can serve) and stops when it leaves.
     */
    private Consumer<Component> lambdaLifecycle(LambdaParameters parameters, ComponentCgroup cgroup) {
        AtomicBoolean up = new AtomicBoolean();
        return component -> {
            boolean running = component.state() == ComponentState.RUNNING;
            if (running && up.compareAndSet(false, true)) {
                lambdas.start(component.name(), component.spec().version(), parameters, cgroup, component::markReady);
            } else if (!running && up.compareAndSet(true, false)) {
                lambdas.stop(component.name());
            }
            onChange.accept(component);
        };
    }

    /**
     * Gives a running component the policies of its new configuration; it also reads the new
     * configuration and hears of the keys that changed.
     */
    public void updateAccess(ComponentSpec spec) {
        ipc.reconfigure(spec.name(), spec.configuration());
    }

    private Map<String, String> environment(ComponentSpec spec, String token) {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_GG_NUCLEUS_DOMAIN_SOCKET_FILEPATH_FOR_COMPONENT", ipcSocket.toString());
        env.put("EDGETWIN_COMPONENT", spec.name());
        env.put("SVCUID", token);
        env.put("AWS_IOT_THING_NAME", thingName);
        env.put("EDGETWIN_HOME", rootPath.toString());
        return env;
    }
}
