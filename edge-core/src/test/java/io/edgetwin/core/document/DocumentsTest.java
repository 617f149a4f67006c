package io.edgetwin.core.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class DocumentsTest {

    private static final DocumentLimits LIMITS = DocumentLimits.DEFAULT;

    @TempDir
    Path dir;

    /** 9 levels of 9 aliases each (45 aliases, under SnakeYAML's cap of 50): 9^9 nodes once expanded, in 330 bytes. */
    static String aliasBomb() {
        StringBuilder yaml = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char level = 'b'; level <= 'i'; level++) {
            String previous = "*" + (char) (level - 1);
            yaml.append(level).append(": &").append(level).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(9, previous))).append("]\n");
        }
        return yaml.toString();
    }

    @Test
    void aliasBombUnderTheAliasCapIsRefusedInMilliseconds() {
        String bomb = aliasBomb();
        assertTrue(bomb.length() < 1024, "the bomb is " + bomb.length() + " bytes");

        DocumentException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(DocumentException.class, () -> Documents.yaml("bomb.yaml", bomb, LIMITS)));

        assertTrue(e.getMessage().matches("bomb\\.yaml:\\d+:\\d+: expands to more than 100000 nodes .*"), e.getMessage());
    }

    @Test
    void aliasesWithinTheNodeCapShareTheirTarget() {
        Document document = Documents.yaml("ok.yaml", "a: &a {k: v}\nb: *a\n", LIMITS);

        Map<?, ?> root = (Map<?, ?>) document.root();
        assertEquals(Map.of("k", "v"), root.get("b"));
        assertTrue(root.get("a") == root.get("b"));
    }

    @Test
    void selfReferencingAliasIsRefusedWhereItIs() {
        DocumentException e = assertThrows(DocumentException.class,
                () -> Documents.yaml("loop.yaml", "top:\n  r: &r {k: *r}\n", LIMITS));

        assertEquals("loop.yaml:2:13: *r refers to the mapping or list it is inside (a recursive alias); expected a"
                + " tree without cycles", e.getMessage());
    }

    @Test
    void explicitTagsThatDoNotFitTheirValueAreRefused() {
        assertEquals("t.yaml:1:4: 'abc' is tagged !!int but is not one; expected a value that fits its tag, or no tag",
                assertThrows(DocumentException.class, () -> Documents.yaml("t.yaml", "a: !!int abc\n", LIMITS)).getMessage());
        assertEquals("t.yaml:1:4: is a list tagged !!map; expected a value that fits its tag, or no tag",
                assertThrows(DocumentException.class, () -> Documents.yaml("t.yaml", "a: !!map [1]\n", LIMITS)).getMessage());
        assertTrue(assertThrows(DocumentException.class, () -> Documents.yaml("t.yaml", "a: !!binary \"!!!\"\n", LIMITS))
                .getMessage().startsWith("t.yaml:1:4: has the YAML tag !!binary; expected text, numbers"));
        assertTrue(assertThrows(DocumentException.class, () -> Documents.yaml("t.yaml", "a: !custom x\n", LIMITS))
                .getMessage().startsWith("t.yaml:1:4: has the YAML tag !custom;"));
    }

    @Test
    void anEscapeWithoutItsHexDigitsIsRefusedAsYamlNotAParserCrash() {
        DocumentException e = assertThrows(DocumentException.class,
                () -> Documents.yaml("esc.yaml", "a: 1\nb: \"\\u", LIMITS));

        assertTrue(e.getMessage().startsWith("esc.yaml:"), e.getMessage());
        assertTrue(e.getMessage().contains("not well-formed YAML: an escape sequence"), e.getMessage());
    }

    @Test
    void explicitTagsThatFitAreRead() {
        Map<?, ?> root = (Map<?, ?>) Documents.yaml("t.yaml", "a: !!int '7'\nb: !!str 7\nc: !!float 1\nd: !!map {}\n", LIMITS).root();

        assertEquals(7, root.get("a"));
        assertEquals("7", root.get("b"));
        assertEquals(1.0, root.get("c"));
        assertEquals(Map.of(), root.get("d"));
    }

    @Test
    void nestingDeeperThanTheLimitIsRefusedAtTheDeepCollection() {
        String yaml = "[".repeat(60) + "]".repeat(60);
        String json = "{\"a\":".repeat(60) + "1" + "}".repeat(60);

        assertEquals("deep.yaml:1:51: nests mappings and lists more than 50 deep; expected at most 50 levels",
                assertThrows(DocumentException.class, () -> Documents.yaml("deep.yaml", yaml, LIMITS)).getMessage());
        assertTrue(assertThrows(DocumentException.class, () -> Documents.json("deep.json", json, LIMITS)).getMessage()
                .startsWith("deep.json:1:"));
    }

    @Test
    void fieldPositionsAreKeptAndMatchedWithoutCase() {
        Document document = Documents.yaml("p.yaml", "Top:\n  List:\n    - Name: x\n", LIMITS);

        assertEquals(new Position(3, 13), document.at("top.list[0].name"));
        assertEquals(new Position(3, 7), document.at("top.list[0].missing"));
    }

    @Test
    void jsonErrorsCarryNoParserAdvice() {
        DocumentException e = assertThrows(DocumentException.class, () -> Documents.json("n.json", "{\"a\": NaN}", LIMITS));

        assertTrue(e.getMessage().startsWith("n.json:1:10: not well-formed JSON: "), e.getMessage());
        assertFalse(e.getMessage().contains("enable"), e.getMessage());
        assertFalse(e.getMessage().contains("ALLOW_NON_NUMERIC_NUMBERS"), e.getMessage());
        assertFalse(e.getMessage().contains("`"), e.getMessage());
    }

    @Test
    void longValuesAreCutInMessages() {
        String value = "x".repeat(1_000_000);

        DocumentException e = assertThrows(DocumentException.class,
                () -> Documents.yaml("long.yaml", "a: !!int " + value + "\n", LIMITS));

        assertTrue(e.getMessage().length() < 400, e.getMessage().length() + " characters");
        assertTrue(e.getMessage().contains("…(1000000 chars)"), e.getMessage());
    }

    @Test
    void moreThanOneYamlDocumentIsRefused() {
        assertTrue(assertThrows(DocumentException.class, () -> Documents.yaml("two.yaml", "a: 1\n---\nb: 2\n", LIMITS))
                .getMessage().startsWith("two.yaml:2:1: holds a second YAML document"));
    }

    @Test
    void controlCharactersAreRefusedWithTheirPosition() {
        assertTrue(assertThrows(DocumentException.class, () -> Documents.yaml("c.yaml", "a: 1\nb: x\u0001y\n", LIMITS))
                .getMessage().startsWith("c.yaml:2:5: not well-formed YAML: the character U+0001"));
    }

    @Test
    void aFileLargerThanTheCapIsRefusedSayingWhereTheCapFalls() throws IOException {
        Path big = Files.writeString(dir.resolve("big.yaml"), "k: v\n".repeat(250_000));

        DocumentException e = assertThrows(DocumentException.class, () -> DocumentFile.read(big, "recipe", LIMITS));

        assertTrue(e.getMessage().startsWith(big + ":209716:"), e.getMessage());
        assertTrue(e.getMessage().contains("larger than 1048576 bytes"), e.getMessage());
    }

    @Test
    void nonUtf8TextIsRefusedAtTheBadByte() throws IOException {
        Path latin1 = Files.write(dir.resolve("latin1.yaml"), new byte[] {'a', ':', ' ', '1', '\n', 'b', ':', ' ', (byte) 0xE9, '\n'});

        assertEquals(latin1 + ":2:4: is not UTF-8 text: byte 0xE9 at offset 8 is not part of a UTF-8 character;"
                + " expected the recipe in UTF-8", assertThrows(DocumentException.class,
                        () -> DocumentFile.read(latin1, "recipe", LIMITS)).getMessage());
    }

    @Test
    void aDirectoryIsRefused() {
        assertEquals(dir + ": is a directory; expected a file (use DIR/* for the files in it)",
                assertThrows(DocumentException.class, () -> DocumentFile.read(dir, "recipe", LIMITS)).getMessage());
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void devZeroIsRefusedWithoutReadingIt() {
        DocumentException e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(DocumentException.class,
                () -> DocumentFile.read(Path.of("/dev/zero"), "recipe", LIMITS)));

        assertEquals("/dev/zero: is not a regular file (a device, named pipe or socket); expected a recipe file",
                e.getMessage());
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aNamedPipeIsRefusedWithoutBlocking() throws Exception {
        Path fifo = dir.resolve("pipe.yaml");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertEquals(0, mkfifo.waitFor());

        DocumentException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(DocumentException.class, () -> DocumentFile.read(fifo, "recipe", LIMITS)));

        assertTrue(e.getMessage().contains("is not a regular file"), e.getMessage());
    }

    @Test
    void jsonKeysGivenTwiceAreRefusedAtTheSecond() {
        assertEquals("d.json:1:10: not well-formed JSON: found duplicate key 'a'",
                assertThrows(DocumentException.class, () -> Documents.json("d.json", "{\"a\": 1, \"a\": 2}", LIMITS))
                        .getMessage());
    }

    @Test
    void plainTreeHoldsTextNumbersBooleansAndNull() {
        Map<?, ?> root = (Map<?, ?>) Documents.yaml("v.yaml", "a: 1\nb: 1.5\nc: true\nd: ~\ne: [x]\nf: 2020-01-25\n", LIMITS).root();

        assertEquals(1, root.get("a"));
        assertEquals(1.5, root.get("b"));
        assertEquals(true, root.get("c"));
        assertTrue(root.containsKey("d") && root.get("d") == null);
        assertEquals(List.of("x"), root.get("e"));
        assertEquals("2020-01-25", root.get("f"));
    }
}
