package io.edgetwin.core.recipe;

import static io.edgetwin.core.recipe.RecipeReaderTest.recipe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which manifest and lifecycle a device gets, how selections resolve, and what a step carries. */
class RecipeLifecycleTest {

    private final RecipeReader amd64 = new RecipeReader(DevicePlatform.linux("amd64"));

    @Test
    void firstManifestForLinuxWinsAndWindowsOnlyManifestsAreSkipped() {
        Recipe recipe = read("""
                Manifests:
                  - Platform: {os: windows}
                    Lifecycle: {Run: echo windows}
                  - Platform: {os: linux}
                    Lifecycle: {Run: echo linux}
                  - Platform: {os: '*'}
                    Lifecycle: {Run: echo any}
                """);

        assertEquals("echo linux", recipe.runScript());
        assertEquals(1, recipe.manifest().orElseThrow().index());
    }

    @Test
    void manifestForAnyPlatformCountsAsLinux() {
        Recipe recipe = read("""
                Manifests:
                  - Platform: {os: darwin}
                    Lifecycle: {Run: echo mac}
                  - Platform: {os: '*'}
                    Lifecycle: {Run: echo any}
                  - Platform: {os: linux}
                    Lifecycle: {Run: echo linux}
                """);

        assertEquals("echo any", recipe.runScript());
    }

    @Test
    void manifestWithoutPlatformMatches() {
        assertEquals("echo anywhere", read("Manifests:\n  - Lifecycle: {Run: echo anywhere}\n").runScript());
    }

    @Test
    void architectureDecidesBetweenManifestsWhateverSpellingTheDeviceUses() {
        String body = """
                Manifests:
                  - Platform: {os: linux, architecture: aarch64}
                    Lifecycle: {run: echo arm}
                  - Platform: {os: linux, architecture: amd64}
                    Lifecycle: {run: echo intel}
                """;

        assertEquals("echo intel", read(amd64, body).runScript());
        assertEquals("echo intel", read(new RecipeReader(DevicePlatform.linux("x86_64")), body).runScript());
        assertEquals("echo arm", read(new RecipeReader(DevicePlatform.linux("arm64")), body).runScript());
    }

    @Test
    void noMatchingManifestIsReadButHasNoRunScript() {
        Recipe recipe = read("""
                Manifests:
                  - Platform: {os: windows}
                    Lifecycle: {Run: echo windows}
                """);

        assertEquals(Optional.empty(), recipe.manifest());
        assertEquals(Lifecycle.EMPTY, recipe.lifecycle());
        RecipeException e = assertThrows(RecipeException.class, recipe::runScript);
        assertEquals("test.yaml: recipe 'com.example.X' 1.0.0 has no run step for linux/amd64; no manifest matches"
                + " this platform", e.getMessage());
    }

    @Test
    void aLifecycleWithoutRunHasNoRunScriptButKeepsItsOtherSteps() {
        Recipe recipe = read("""
                Manifests:
                  - Lifecycle:
                      Install: echo only install
                      startup: ./daemon --background
                """);

        assertEquals("./daemon --background", recipe.lifecycle().step(Step.STARTUP).orElseThrow().script());
        RecipeException e = assertThrows(RecipeException.class, recipe::runScript);
        assertEquals("test.yaml: recipe 'com.example.X' 1.0.0 has no run step for linux/amd64; the lifecycle of"
                + " Manifests[0] has only [install, startup]", e.getMessage());
    }

    @Test
    void topLevelLifecycleKeyedByLinuxIsUsedWhenTheManifestHasNone() {
        Recipe recipe = read("""
                Manifests:
                  - Platform: {os: linux}
                Lifecycle:
                  all: {Run: echo all}
                  linux: {Run: echo linux}
                """);

        assertEquals("echo linux", recipe.runScript());
    }

    @Test
    void topLevelLifecycleKeyedByAllIsUsedWithoutALinuxEntry() {
        Recipe recipe = read("""
                Manifests:
                  - {}
                Lifecycle:
                  windows: {Run: echo windows}
                  ALL: {Run: echo all}
                """);

        assertEquals("echo all", recipe.runScript());
    }

    @Test
    void topLevelLifecycleMayHoldTheStepsDirectly() {
        assertEquals("echo direct", read("Manifests: [{}]\nLifecycle:\n  Run: echo direct\n").runScript());
    }

    @Test
    void aManifestsOwnLifecycleWinsOverTheTopLevelOne() {
        Recipe recipe = read("""
                Manifests:
                  - Lifecycle: {run: echo own}
                Lifecycle:
                  run: echo top
                """);

        assertEquals("echo own", recipe.runScript());
    }

    @Test
    void manifestSelectionsPickTheirBranchBeforeLinuxAndAll() {
        Recipe recipe = read("""
                Manifests:
                  - Platform: {os: linux}
                    Selections: [gpu, edge]
                Lifecycle:
                  all: {run: echo all}
                  linux: {run: echo linux}
                  edge: {run: echo edge}
                  gpu: {run: echo gpu}
                """);

        assertEquals("echo gpu", recipe.runScript());
    }

    @Test
    void anotherManifestsSelectionIsNotActive() {
        Recipe recipe = read("""
                Manifests:
                  - Platform: {os: testOs}
                    Selections: [testPlatform]
                  - {}
                Lifecycle:
                  install:
                    testPlatform: echo install
                    all: echo default install
                """);

        assertEquals("echo default install", recipe.lifecycle().step(Step.INSTALL).orElseThrow().script());
    }

    @Test
    void aStepKeyedBySelectionResolvesInsideTheLifecycle() {
        Recipe recipe = read("""
                Manifests:
                  - Lifecycle:
                      run:
                        windows: powershell -File run.ps1
                        linux: {Script: ./run.sh, Timeout: 30}
                      shutdown:
                        windows: stop.ps1
                """);

        LifecycleStep run = recipe.lifecycle().step(Step.RUN).orElseThrow();
        assertEquals("./run.sh", run.script());
        assertEquals(Optional.of(Duration.ofSeconds(30)), run.timeout());
        assertEquals(Optional.empty(), recipe.lifecycle().step(Step.SHUTDOWN));
    }

    @Test
    void aFieldKeyedBySelectionResolvesInsideTheStep() {
        Recipe recipe = read("""
                Manifests:
                  - Selections: [four]
                    Lifecycle:
                      install:
                        Script: sudo apt-get install git
                        Skipif: {four: onpath git, windows: exists C:/git.exe}
                """);

        assertEquals(Optional.of(new SkipIf.OnPath("git")), recipe.lifecycle().step(Step.INSTALL).orElseThrow().skipIf());
    }

    @Test
    void noActiveSelectionLeavesTheLifecycleEmpty() {
        Recipe recipe = read("""
                Manifests:
                  - Platform: {os: windows}
                    Selections: [one]
                  - {}
                Lifecycle:
                  one: {run: echo one}
                """);

        assertEquals(Lifecycle.EMPTY, recipe.lifecycle());
    }

    @Test
    void selectionKeysMixedWithOtherKeysAreRefused() {
        RecipeException e = refused("""
                Manifests: [{}]
                Lifecycle:
                  linux: {run: echo}
                  install: echo
                """);

        assertEquals("test.yaml:6:3: Lifecycle mixes selection keys [linux] with other keys [install]; expected either"
                + " only selection keys or none", e.getMessage());
    }

    @Test
    void aBranchForAnotherPlatformIsStillValidated() {
        RecipeException e = refused("""
                Manifests:
                  - Platform: {os: windows}
                    Lifecycle: {run: {Script: x.exe, Timeout: soon}}
                  - Lifecycle: {run: echo}
                """);

        assertEquals("test.yaml:6:47: Manifests[0].Lifecycle.run.Timeout is 'soon'; expected a whole number of seconds"
                + " greater than 0", e.getMessage());
    }

    @Test
    void aPlainScriptStepGetsTheDefaultsOfItsStep() {
        Lifecycle lifecycle = read("""
                Manifests:
                  - Lifecycle:
                      bootstrap: b
                      install: i
                      startup: s
                      run: r
                      shutdown: d
                      recover: c
                      uninstall: u
                """).lifecycle();

        assertEquals(timeout(120), lifecycle.step(Step.BOOTSTRAP).orElseThrow().timeout());
        assertEquals(timeout(120), lifecycle.step(Step.INSTALL).orElseThrow().timeout());
        assertEquals(timeout(120), lifecycle.step(Step.STARTUP).orElseThrow().timeout());
        assertEquals(Optional.empty(), lifecycle.step(Step.RUN).orElseThrow().timeout());
        assertEquals(timeout(15), lifecycle.step(Step.SHUTDOWN).orElseThrow().timeout());
        assertEquals(timeout(60), lifecycle.step(Step.RECOVER).orElseThrow().timeout());
        assertEquals(Optional.empty(), lifecycle.step(Step.UNINSTALL).orElseThrow().timeout());
        assertEquals(LifecycleStep.script(Step.SHUTDOWN, "d"), lifecycle.step(Step.SHUTDOWN).orElseThrow());
    }

    @Test
    void aDetailedStepCarriesEveryField() {
        Lifecycle lifecycle = read("""
                Manifests:
                  - Lifecycle:
                      Setenv: {MODE: fast, LEVEL: 3}
                      install:
                        script: pip install -r requirements.txt
                        RequiresPrivilege: 'true'
                        SkipIf: EXISTS /opt/venv/bin/python
                        timeout: '300'
                        setEnv: {LEVEL: 4, DEBUG: true}
                """).lifecycle();

        LifecycleStep install = lifecycle.step(Step.INSTALL).orElseThrow();
        assertEquals(new LifecycleStep(Step.INSTALL, "pip install -r requirements.txt", true,
                Optional.of(new SkipIf.Exists("/opt/venv/bin/python")), timeout(300), Map.of("LEVEL", "4", "DEBUG", "true")),
                install);
        assertEquals(Map.of("MODE", "fast", "LEVEL", "3"), lifecycle.setenv());
        assertEquals(Map.of("MODE", "fast", "LEVEL", "4", "DEBUG", "true"), lifecycle.environment(Step.INSTALL));
    }

    @Test
    void runGivenAsAStepWithScriptUsesTheScript() {
        Recipe recipe = read("""
                Manifests:
                  - Lifecycle:
                      Run:
                        script: echo step
                        Timeout: 30
                        RequiresPrivilege: false
                """);

        assertEquals("echo step", recipe.runScript());
        assertEquals(timeout(30), recipe.lifecycle().step(Step.RUN).orElseThrow().timeout());
    }

    @Test
    void stepWithoutScriptIsAnErrorNamingTheField() {
        RecipeException e = refused("Manifests:\n  - Lifecycle:\n      Run: {Timeout: 10}\n");

        assertEquals("test.yaml:6:12: Manifests[0].Lifecycle.run.Script is missing; expected the step's shell script",
                e.getMessage());
    }

    @Test
    void malformedStepFieldsAreRefusedNamingTheField() {
        assertEquals("test.yaml:6:36: Manifests[0].Lifecycle.install.Skipif is 'when git'; expected 'onpath PROGRAM' or"
                + " 'exists FILE'", refused(step("{Script: x, Skipif: when git}")).getMessage());
        assertEquals("test.yaml:6:37: Manifests[0].Lifecycle.install.Timeout is the number 0; expected a whole number of"
                + " seconds greater than 0", refused(step("{Script: x, Timeout: 0}")).getMessage());
        assertEquals("test.yaml:6:47: Manifests[0].Lifecycle.install.RequiresPrivilege is 'yes please'; expected true or"
                + " false", refused(step("{Script: x, RequiresPrivilege: yes please}")).getMessage());
        assertEquals("test.yaml:6:40: Manifests[0].Lifecycle.install.Setenv.A is a list; expected a text, number or boolean"
                + " value (quote '' for an empty one)", refused(step("{Script: x, Setenv: {A: [1]}}")).getMessage());
        assertEquals("test.yaml:6:16: Manifests[0].Lifecycle.install is a list; expected a script, or {Script,"
                + " RequiresPrivilege, Skipif, Timeout, Setenv}", refused(step("[echo]")).getMessage());
    }

    @Test
    void aStepWithoutAValueDoesNothingAsInTheNucleus() {
        Recipe recipe = read("Manifests:\n  - Lifecycle:\n      install:\n      run: echo go\n");

        assertEquals(Optional.empty(), recipe.lifecycle().step(Step.INSTALL));
        assertEquals("echo go", recipe.runScript());
    }

    private static Optional<Duration> timeout(int seconds) {
        return Optional.of(Duration.ofSeconds(seconds));
    }

    private static String step(String value) {
        return "Manifests:\n  - Lifecycle:\n      install: " + value + "\n";
    }

    private Recipe read(String body) {
        return read(amd64, body);
    }

    private static Recipe read(RecipeReader reader, String body) {
        return reader.parse("test.yaml", recipe(body), warning -> fail("unexpected warning: " + warning));
    }

    private RecipeException refused(String body) {
        return assertThrows(RecipeException.class, () -> read(body));
    }
}
