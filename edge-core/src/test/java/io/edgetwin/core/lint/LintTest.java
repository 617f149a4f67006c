package io.edgetwin.core.lint;

import io.edgetwin.core.recipe.RecipeReaderTest;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Lint lint = new Lint(new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8));

    @Test
    void validRecipesPrintOkAndExitZero() throws IOException {
        Path a = write("a.yaml", RecipeReaderTest.recipe("Manifests: [{Lifecycle: {run: echo}}]\n"));
        Path b = write("b.json", "{\"RecipeFormatVersion\": \"2020-01-25\", \"ComponentName\": \"b\","
                + " \"ComponentVersion\": \"1.0.0\", \"Manifests\": [{}]}");

        int code = lint.run(new String[] {"recipe", a.toString(), b.toString()});

        assertEquals(0, code);
        assertEquals(a + ": OK\n" + b + ": OK\n", out.toString(UTF_8));
    }

    @Test
    void oneInvalidRecipePrintsItsErrorAndExitsOne() throws IOException {
        Path good = write("good.yaml", RecipeReaderTest.recipe("Manifests: [{}]\n"));
        Path bad = write("bad.yaml", RecipeReaderTest.recipe("Manifests:\n  - Artifacts: [{Digest: abc}]\n"));

        int code = lint.run(new String[] {"recipe", good.toString(), bad.toString()});

        assertEquals(1, code);
        assertEquals(good + ": OK\n" + bad + ":5:17: Manifests[0].Artifacts[0].URI is missing; expected the artifact's"
                + " location, e.g. s3://bucket/key or greengrass:file\n", out.toString(UTF_8));
    }

    @Test
    void warningsGoToStandardErrorAndDoNotFailTheFile() throws IOException {
        Path file = write("extra.yaml", RecipeReaderTest.recipe("Flavour: mint\nManifests: [{}]\n"));

        int code = lint.run(new String[] {"recipe", file.toString()});

        assertEquals(0, code);
        assertEquals(file + ": OK\n", out.toString(UTF_8));
        assertEquals(file + ": warning: Flavour is not a recipe field; ignored\n", err.toString(UTF_8));
    }

    @Test
    void missingFilesAndDirectoriesAreInvalid() {
        Path missing = dir.resolve("missing.yaml");

        int code = lint.run(new String[] {"recipe", missing.toString(), dir.toString()});

        assertEquals(1, code);
        assertEquals(missing + ": cannot read recipe: no such file\n" + dir
                + ": is a directory; expected a file (use DIR/* for the files in it)\n", out.toString(UTF_8));
    }

    @Test
    void deploymentsAreCheckedWithTheDeploymentReader() throws IOException {
        Path good = write("good.json", "{\"components\": {\"a\": {\"version\": \"1.0.0\"}}}");
        Path bad = write("bad.json", "{\"components\": {\"a\": {\"version\": \"1.0.0\","
                + " \"runWith\": {\"systemResourceLimits\": {\"memory\": \"lots\"}}}}}");

        int code = lint.run(new String[] {"deployment", good.toString(), bad.toString()});

        assertEquals(1, code);
        assertEquals(good + ": OK\n" + bad + ":1:90: components.a.runWith.systemResourceLimits.memory is \"lots\";"
                + " expected kilobytes as a whole number\n", out.toString(UTF_8));
    }

    @Test
    void helpPrintsTheUsageOnStandardOutputAndExitsZero() {
        assertEquals(0, lint.run(new String[] {"recipe", "--help"}));

        assertTrue(out.toString(UTF_8).contains("usage: edgetwin recipe lint FILE..."), out.toString(UTF_8));
    }

    @Test
    void badArgumentsPrintUsageAndExitTwo() {
        assertEquals(2, lint.run(new String[] {}));
        assertEquals(2, lint.run(new String[] {"recipe"}));
        assertEquals(2, lint.run(new String[] {"scenario", "x.yaml"}));

        assertEquals("", out.toString(UTF_8));
        assertTrue(err.toString(UTF_8).contains("usage: edgetwin recipe lint FILE..."), err.toString(UTF_8));
        assertTrue(err.toString(UTF_8).contains("expected 'recipe' or 'deployment' and at least one file; got scenario"
                + " x.yaml"), err.toString(UTF_8));
    }

    @Test
    void everyFileGetsAVerdictEvenAfterOnesThatOnceCrashedTheReader() throws IOException {
        Path bomb = write("bomb.yaml", RecipeReaderTest.recipe("x: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\n"
                + "y: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nz: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
                + "w: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\nv: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n"));
        Path loop = write("loop.yaml", RecipeReaderTest.recipe("ComponentConfiguration: {DefaultConfiguration: &r {k: *r}}\n"));
        Path tag = write("tag.yaml", RecipeReaderTest.recipe("ComponentDescription: !!binary \"!!!\"\n"));
        Path good = write("good.yaml", RecipeReaderTest.recipe("Manifests: [{}]\n"));

        int code = lint.run(new String[] {"recipe", bomb.toString(), "/dev/zero", loop.toString(), tag.toString(),
                good.toString()});

        assertEquals(1, code);
        String[] lines = out.toString(UTF_8).split("\n");
        assertEquals(5, lines.length, out.toString(UTF_8));
        assertTrue(lines[0].startsWith(bomb + ":8:"), lines[0]);
        assertTrue(lines[1].startsWith("/dev/zero: is not a regular file"), lines[1]);
        assertTrue(lines[2].startsWith(loop + ":4:"), lines[2]);
        assertTrue(lines[3].startsWith(tag + ":4:23: has the YAML tag !!binary"), lines[3]);
        assertEquals(good + ": OK", lines[4]);
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
