package io.edgetwin.core.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecipeStoreTest {

    @TempDir
    Path dir;

    @Test
    void findsTheShippedRecipesByNameAndVersion() {
        RecipeStore store = RecipeStore.load(Path.of("src/main/recipes"));

        assertEquals("com.edgetwin.Inference", store.find("com.edgetwin.Inference", "1.0.0").name());
        assertEquals("com.edgetwin.CpuHog", store.find("com.edgetwin.CpuHog", "1.0.0").name());
    }

    @Test
    void holdsEveryVersionOfAComponentApartAndIgnoresOtherFiles() throws IOException {
        write("a-1.yaml", "a", "1.0.0", "echo one");
        write("a-2.json", "a", "2.0.0", "echo two");
        Files.writeString(dir.resolve("README.txt"), "not a recipe: [");

        RecipeStore store = RecipeStore.load(dir);

        assertEquals("echo one", store.find("a", "1.0.0").runScript());
        assertEquals("echo two", store.find("a", "2.0.0").runScript());
    }

    @Test
    void unknownVersionIsAnErrorListingWhatIsInstalled() throws IOException {
        write("a-1.yaml", "a", "1.0.0", "echo one");
        RecipeStore store = RecipeStore.load(dir);

        RecipeException e = assertThrows(RecipeException.class, () -> store.find("a", "1.0.1"));

        assertTrue(e.getMessage().contains("'a' version 1.0.1"), e.getMessage());
        assertTrue(e.getMessage().contains("[a@1.0.0]"), e.getMessage());
    }

    @Test
    void aRecipeAddedAfterTheLoadIsFoundByTheNextLookup() throws IOException {
        write("a-1.yaml", "a", "1.0.0", "echo one");
        RecipeStore store = RecipeStore.load(dir);

        write("b-1.yaml", "b", "1.0.0", "echo late");

        assertEquals("echo late", store.find("b", "1.0.0").runScript());
        assertEquals("echo one", store.find("a", "1.0.0").runScript());
    }

    @Test
    void aBrokenRecipeAddedLaterFailsTheLookupNamingTheFile() throws IOException {
        write("a-1.yaml", "a", "1.0.0", "echo one");
        RecipeStore store = RecipeStore.load(dir);
        Path broken = Files.writeString(dir.resolve("b-1.yaml"), "RecipeFormatVersion: '2020-01-25'\nComponentName: b\n");

        RecipeException e = assertThrows(RecipeException.class, () -> store.find("b", "1.0.0"));

        assertTrue(e.getMessage().startsWith(broken + ":1:1: ComponentVersion is missing"), e.getMessage());
    }

    @Test
    void aBrokenRecipeFailsTheLoadNamingTheFileAndField() throws IOException {
        write("a-1.yaml", "a", "1.0.0", "echo one");
        Path broken = Files.writeString(dir.resolve("b-1.yaml"), "RecipeFormatVersion: '2020-01-25'\nComponentName: b\n");

        RecipeException e = assertThrows(RecipeException.class, () -> RecipeStore.load(dir));

        assertTrue(e.getMessage().startsWith(broken + ":1:1: ComponentVersion is missing"), e.getMessage());
    }

    @Test
    void aStoreReadOnFirstUseReadsNothingUntilADeploymentAsksThenFailsThatLookupNamingTheBrokenFile() throws IOException {
        RecipeStore store = RecipeStore.onFirstUse(dir);
        write("a-1.yaml", "a", "1.0.0", "echo one");
        Path broken = Files.writeString(dir.resolve("b-1.yaml"), "RecipeFormatVersion: '2020-01-25'\nComponentName: b\n");

        assertFalse(store.contains("a", "1.0.0"));
        RecipeException e = assertThrows(RecipeException.class, () -> store.find("a", "1.0.0"));

        assertTrue(e.getMessage().startsWith(broken + ":1:1: ComponentVersion is missing"), e.getMessage());
        Files.delete(broken);
        assertEquals("a@1.0.0", store.find("a", "1.0.0").id());
    }

    private void write(String file, String name, String version, String run) throws IOException {
        // JSON is a subset of YAML, so one flow-style text serves both extensions.
        Files.writeString(dir.resolve(file), "{\"RecipeFormatVersion\": \"2020-01-25\", \"ComponentName\": \"" + name
                + "\", \"ComponentVersion\": \"" + version
                + "\", \"Manifests\": [{\"Lifecycle\": {\"Run\": \"" + run + "\"}}]}");
    }
}
