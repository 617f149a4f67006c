package io.edgetwin.simulator.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A user's file as text, read only when it is a regular file (a directory, device, named pipe or socket
 * is refused before it is opened, so {@code /dev/zero} cannot fill memory and a pipe cannot block), up
 * to a byte limit (never more is read), as strict UTF-8; refusals name {@code file:line:column}.
 */
final class ScenarioFile {

    private ScenarioFile() {
    }

    /** The file's text: a regular file of at most {@code maxBytes} bytes of UTF-8. */
    static String text(Path file, int maxBytes) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new ScenarioException(file + ": no such scenario file");
        } catch (IOException e) {
            throw new ScenarioException(file + ": cannot read: " + e.getMessage());
        }
        if (!attributes.isRegularFile()) {
            throw new ScenarioException(file + ": is " + (attributes.isDirectory() ? "a directory" : "not a regular file"
                    + " (a device, named pipe or socket)") + "; expected a scenario file");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw new ScenarioException(file + ": cannot read: " + e.getMessage());
        }
        return decode(file, bytes, maxBytes);
    }

    private static String decode(Path file, byte[] bytes, int maxBytes) {
        if (bytes.length > maxBytes) {
            String head = new String(bytes, 0, maxBytes, StandardCharsets.UTF_8);
            throw new ScenarioException(file + ":" + lineColumn(head, head.length()) + ": the scenario is larger than "
                    + maxBytes + " bytes, the most a scenario may be; it reaches the limit here");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        out.flip();
        if (result.isError()) {
            throw new ScenarioException(file + ":" + lineColumn(out, out.length()) + ": is not UTF-8 text: byte 0x"
                    + String.format("%02X", bytes[in.position()] & 0xFF) + " is not part of a UTF-8 character;"
                    + " expected the scenario in UTF-8");
        }
        return out.toString();
    }

    static String lineColumn(CharSequence text, int offset) {
        int line = 1;
        int start = 0;
        for (int i = 0; i < Math.min(offset, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                start = i + 1;
            }
        }
        return line + ":" + (Math.min(offset, text.length()) - start + 1);
    }
}
