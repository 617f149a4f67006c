package io.edgetwin.simulator.scenario;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Mutants of a document's text, as a hostile or careless user would make them: characters flipped to
 * YAML and JSON syntax, explicit tags, anchors and aliases (self-referencing ones too), Unicode line
 * separators, control characters, deep nesting, truncation, a slice duplicated, and raw bytes flipped
 * after encoding (so the result need not be UTF-8). The same random source gives the same mutant.
 * (A copy of edge-core's test class of the same name: the modules share no code.)
 */
final class Mutations {

    private static final String SYNTAX = "{}[]:,-&*!|>'\"\n\t #?%@`\\=~<";
    private static final List<String> INSERTS = List.of("!!int ", "!!map ", "!!binary ", "!!str ", "!!set ", "!custom ",
            "!!float ", "!!null ", "!!seq ", "&a ", "*a", "&r {k: *r}", "*nowhere", "&x [*x]", "\u2028", "\u2029",
            "\u0085", "\u0000", "\uFEFF", "\uD83D\uDE00", "1e400", "NaN", "-0x1F", "999999999999999999999",
            "[".repeat(80), "{\"a\":".repeat(60), "<<: *a\n", "---\n", "\"\\u", "'", "~", "null", "\n  - \n");

    private Mutations() {
    }

    static byte[] mutate(String text, Random random, int edits) {
        String mutant = text;
        for (int i = 0; i < edits; i++) {
            mutant = edit(mutant, random);
        }
        byte[] bytes = mutant.getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(5) == 0 && bytes.length > 0) {
            bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return bytes;
    }

    private static String edit(String text, Random random) {
        int at = text.isEmpty() ? 0 : random.nextInt(text.length() + 1);
        return switch (random.nextInt(6)) {
            case 0 -> at < text.length()
                    ? text.substring(0, at) + SYNTAX.charAt(random.nextInt(SYNTAX.length())) + text.substring(at + 1) : text;
            case 1 -> text.substring(0, at) + INSERTS.get(random.nextInt(INSERTS.size())) + text.substring(at);
            case 2 -> text.substring(0, at);
            case 3 -> duplicate(text, at, random);
            case 4 -> at < text.length() ? text.substring(0, at) + text.substring(Math.min(text.length(), at + 1 + random.nextInt(8))) : text;
            default -> text.substring(0, at) + (char) random.nextInt(0x3000) + text.substring(at);
        };
    }

    private static String duplicate(String text, int at, Random random) {
        if (text.isEmpty()) {
            return text;
        }
        int from = random.nextInt(text.length());
        int to = Math.min(text.length(), from + 1 + random.nextInt(200));
        return text.substring(0, at) + text.substring(from, to) + text.substring(at);
    }

    static String describe(byte[] bytes) {
        ByteArrayOutputStream shown = new ByteArrayOutputStream();
        shown.writeBytes(bytes);
        String text = shown.toString(StandardCharsets.UTF_8);
        return text.length() > 2000 ? text.substring(0, 2000) + "…" : text;
    }
}
