package io.edgetwin.core.recipe;

import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a manifest's {@code Artifacts}: where the file comes from, how to check it, whether to
 * unpack it and who may read or execute it once it is on the device.
 */
public record Artifact(String uri, Optional<String> digest, Optional<String> algorithm, Unarchive unarchive,
                       Permission permission) {

    public enum Unarchive { NONE, ZIP }

    /** Who may read or execute the file: nobody but the core, the component's user, or everyone. */
    public enum Access { NONE, OWNER, ALL }

    /** Greengrass's defaults: the owner may read, nobody may execute. */
    public record Permission(Access read, Access execute) {
        public static final Permission DEFAULT = new Permission(Access.OWNER, Access.NONE);

        public Permission {
            Objects.requireNonNull(read, "Read");
            Objects.requireNonNull(execute, "Execute");
        }
    }

    public Artifact {
        Objects.requireNonNull(uri, "URI");
        Objects.requireNonNull(digest, "Digest");
        Objects.requireNonNull(algorithm, "Algorithm");
        Objects.requireNonNull(unarchive, "Unarchive");
        Objects.requireNonNull(permission, "Permission");
    }
}
