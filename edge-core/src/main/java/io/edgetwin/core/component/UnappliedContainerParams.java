package io.edgetwin.core.component;

import io.edgetwin.core.recipe.LambdaParameters.ContainerMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The parts of a {@code GreengrassContainer} function's {@code containerParams} the core reads but does
 * not apply: {@code mountROSysfs: true}, {@code volumes} and {@code devices}. Its instances are processes
 * of the twin in the function's cgroup, without a mount namespace of their own (making one needs root
 * and {@code CAP_SYS_ADMIN}, which the twin's core does not take), so they see the twin's whole file
 * system as the core does: {@code /sys} is readable whatever {@code mountROSysfs} says, a volume is at
 * its {@code sourcePath} and not at its {@code destinationPath}, a device is there when the twin has it.
 * {@code NoContainer} functions get none of these in Greengrass either, so nothing is said about them.
 */
final class UnappliedContainerParams {

    private UnappliedContainerParams() {
    }

    /** One sentence per field that is not applied, naming the component; empty when everything given is applied. */
    static List<String> of(String component, ContainerMode mode, Map<String, Object> configuration) {
        List<String> notApplied = new ArrayList<>();
        if (mode != ContainerMode.GREENGRASS_CONTAINER || !(configuration.get("containerParams") instanceof Map<?, ?> params)) {
            return notApplied;
        }
        if (Boolean.TRUE.equals(params.get("mountROSysfs")) || "true".equalsIgnoreCase(String.valueOf(params.get("mountROSysfs")))) {
            notApplied.add("containerParams.mountROSysfs is not applied: the function reads the twin's /sys as the core does");
        }
        int volumes = entries(params.get("volumes"));
        if (volumes > 0) {
            notApplied.add("containerParams.volumes (" + volumes + ") are not mounted: the function sees each volume at its"
                    + " sourcePath, not at its destinationPath");
        }
        int devices = entries(params.get("devices"));
        if (devices > 0) {
            notApplied.add("containerParams.devices (" + devices + ") are not applied: the function sees the twin's /dev as the core does");
        }
        return notApplied.stream().map(s -> "Lambda component '" + component + "': " + s).toList();
    }

    private static int entries(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map.size();
        }
        return value instanceof List<?> list ? list.size() : 0;
    }
}
