package io.edgetwin.core.deployment;

import io.edgetwin.core.document.Document;
import io.edgetwin.core.document.DocumentException;
import io.edgetwin.core.document.DocumentFile;
import io.edgetwin.core.document.DocumentLimits;
import io.edgetwin.core.document.Documents;
import java.nio.file.Path;

/**
 * Reads the cloud deployment document of REFERENCE §2 (JSON). Field names are matched without regard
 * to case, as the nucleus does ({@code MERGE} and {@code merge} are the same). What the core applies:
 * {@code deploymentId}, {@code components.*.version}, {@code configurationUpdate} ({@code reset},
 * {@code merge}), {@code runWith.systemResourceLimits} ({@code memory}, {@code cpus}, and our
 * {@code pids}) and {@code failureHandlingPolicy}. Everything else ({@code requiredCapabilities},
 * {@code componentUpdatePolicy}, {@code configurationValidationPolicy}, {@code posixUser}, ...) is
 * accepted and ignored. A document is a regular file or message of at most 1 MiB of UTF-8 within
 * {@link DocumentLimits#DEFAULT}; every error is a {@link DeploymentException} starting with
 * {@code source:line:column} and naming the field.
 */
public final class DeploymentReader {

    public Deployment read(Path file) {
        String text;
        try {
            text = DocumentFile.read(file, "deployment", DocumentLimits.DEFAULT);
        } catch (DocumentException e) {
            throw new DeploymentException(e.getMessage());
        }
        return parse(file.toString(), text);
    }

    public Deployment parse(String source, byte[] document) {
        String text;
        try {
            text = DocumentFile.decode(source, document, "deployment", DocumentLimits.DEFAULT);
        } catch (DocumentException e) {
            throw new DeploymentException(e.getMessage());
        }
        return parse(source, text);
    }

    private Deployment parse(String source, String text) {
        Document document;
        try {
            document = Documents.json(source, text, DocumentLimits.DEFAULT);
        } catch (DocumentException e) {
            throw new DeploymentException(e.getMessage().replace(": not well-formed JSON: ",
                    ": not a JSON deployment document: "));
        }
        return read(document);
    }

    /** A document already read into its tree (e.g. the {@code jobDocument} of a job message). */
    public Deployment read(Document document) {
        return new DeploymentFields(document).deployment();
    }
}
