package io.edgetwin.core.ipc.greengrass;

import java.util.Objects;

/** The component a connection authenticated as (by its {@code SVCUID}), as operations see it. */
public record Caller(String component) {

    public Caller {
        Objects.requireNonNull(component, "component");
    }
}
