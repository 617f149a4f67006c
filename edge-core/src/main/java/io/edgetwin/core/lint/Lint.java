package io.edgetwin.core.lint;

import io.edgetwin.core.deployment.DeploymentException;
import io.edgetwin.core.recipe.RecipeException;
import io.edgetwin.core.recipe.RecipeReader;
import io.edgetwin.core.deployment.DeploymentReader;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Checks recipe or deployment files the way the core reads them:
 * {@code Lint recipe FILE...} or {@code Lint deployment FILE...}. Prints one line per file on standard
 * output, {@code FILE: OK} or {@code FILE: <error>} (the error names the field or line), and warnings
 * about ignored fields on standard error. Exits 0 when every file is valid, 1 when any is invalid or
 * unreadable, and 2 with a usage message for bad arguments; {@code --help} prints the usage and exits 0.
 */
public final class Lint {

    static final int OK = 0;
    static final int INVALID = 1;
    static final int USAGE_ERROR = 2;
    private static final String USAGE = """
            usage: edgetwin recipe lint FILE...       check Greengrass v2 component recipes (YAML or JSON)
                   edgetwin deployment lint FILE...   check Greengrass deployment documents (JSON)
            Prints FILE: OK or FILE: <error> for each file; exits 0 when all are valid, 1 when any is invalid
            or unreadable, 2 for bad arguments.""";

    private final PrintStream out;
    private final PrintStream err;

    Lint(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new Lint(System.out, System.err).run(args));
    }

    int run(String[] args) {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            out.println(USAGE);
            return OK;
        }
        if (args.length < 2 || !(args[0].equals("recipe") || args[0].equals("deployment"))) {
            err.println(args.length == 0 ? USAGE : "edgetwin lint: expected 'recipe' or 'deployment' and at least one"
                    + " file; got " + String.join(" ", args) + "\n" + USAGE);
            return USAGE_ERROR;
        }
        Checker checker = args[0].equals("recipe") ? recipes() : deployments();
        List<String> files = Arrays.asList(args).subList(1, args.length);
        long invalid = files.stream().filter(file -> !check(Path.of(file), checker)).count();
        return invalid == 0 ? OK : INVALID;
    }

    /** One verdict per file, whatever happens while reading it, so every later file still gets its own. */
    private boolean check(Path file, Checker checker) {
        try {
            checker.check(file, warning -> err.println(file + ": warning: " + warning));
            out.println(file + ": OK");
            return true;
        } catch (RecipeException | DeploymentException e) {
            out.println(e.getMessage());
            return false;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            out.println(file + ": cannot check: the reader failed (" + e.getClass().getSimpleName() + "); the file is"
                    + " treated as invalid");
            return false;
        }
    }

    private static Checker recipes() {
        RecipeReader reader = new RecipeReader();
        return (file, warnings) -> reader.read(file, warnings);
    }

    private static Checker deployments() {
        DeploymentReader reader = new DeploymentReader();
        return (file, warnings) -> reader.read(file);
    }

    @FunctionalInterface
    private interface Checker {
        void check(Path file, Consumer<String> warnings);
    }
}
