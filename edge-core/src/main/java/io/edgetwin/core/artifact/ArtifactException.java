package io.edgetwin.core.artifact;

import io.edgetwin.core.deployment.PreparationException;

/** An artifact or recipe could not be fetched or failed its check; the deployment changes nothing. */
public final class ArtifactException extends PreparationException {

    /** Why; the name is the code in the deployment outcome's reason. */
    public enum Code {
        ARTIFACT_DIGEST_MISMATCH, ARTIFACT_NOT_FOUND, ARTIFACT_DOWNLOAD_FAILED, ARTIFACT_URI_UNSUPPORTED,
        ARTIFACT_STORE_NOT_CONFIGURED, ARTIFACT_ALGORITHM_UNSUPPORTED, RECIPE_DOWNLOAD_FAILED,
        RECIPE_INVALID
    }

    public ArtifactException(Code code, String detail) {
        super(code.name(), detail);
    }
}
