package io.edgetwin.core.document;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads a document's text: only a regular file (a directory, device, named pipe or socket is refused
 * before it is opened, so {@code /dev/zero} cannot fill memory and a pipe cannot block), at most
 * {@link DocumentLimits#maxBytes()} bytes (never more is read), strict UTF-8 (a UTF-8 byte-order mark is
 * skipped; UTF-16 and UTF-32 are named as such).
 */
public final class DocumentFile {

    private DocumentFile() {
    }

    /** The file's text; {@code what} names the document in messages ("recipe", "deployment"). */
    public static String read(Path file, String what, DocumentLimits limits) {
        String source = file.toString();
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new DocumentException(source + ": cannot read " + what + ": no such file");
        } catch (AccessDeniedException e) {
            throw new DocumentException(source + ": cannot read " + what + ": permission denied");
        } catch (IOException e) {
            throw new DocumentException(source + ": cannot read " + what + ": " + e.getMessage());
        }
        if (attributes.isDirectory()) {
            throw new DocumentException(source + ": is a directory; expected a file (use DIR/* for the files in it)");
        }
        if (!attributes.isRegularFile()) {
            throw new DocumentException(source + ": is not a regular file (a device, named pipe or socket);"
                    + " expected a " + what + " file");
        }
        return decode(source, readAtMost(file, what, limits.maxBytes() + 1), what, limits);
    }

    /**
     * Bytes (a message payload, a file's content) as text: at most {@link DocumentLimits#maxBytes()},
     * strict UTF-8.
     */
    public static String decode(String source, byte[] bytes, String what, DocumentLimits limits) {
        if (bytes.length > limits.maxBytes()) {
            String head = new String(bytes, 0, limits.maxBytes(), StandardCharsets.UTF_8);
            throw new DocumentException(Position.of(head, head.length()).in(source) + ": the " + what
                    + " is larger than " + limits.maxBytes() + " bytes, the most a " + what + " may be; it reaches"
                    + " the limit here");
        }
        int start = 0;
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            start = 3;
        } else if (startsWith(bytes, 0xFE, 0xFF) || startsWith(bytes, 0xFF, 0xFE) || startsWith(bytes, 0, 0, 0xFE, 0xFF)) {
            throw new DocumentException(Position.START.in(source) + ": is UTF-16 or UTF-32 text (it starts with a"
                    + " byte-order mark); expected UTF-8");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            out.flip();
            throw new DocumentException(Position.of(out, out.length()).in(source) + ": is not UTF-8 text: byte 0x"
                    + String.format("%02X", bytes[in.position()] & 0xFF) + " at offset " + in.position()
                    + " is not part of a UTF-8 character; expected the " + what + " in UTF-8");
        }
        decoder.flush(out);
        out.flip();
        return out.toString();
    }

    private static byte[] readAtMost(Path file, String what, int max) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(max);
        } catch (AccessDeniedException e) {
            throw new DocumentException(file + ": cannot read " + what + ": permission denied");
        } catch (IOException e) {
            throw new DocumentException(file + ": cannot read " + what + ": " + e.getMessage());
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
