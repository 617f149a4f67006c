package io.edgetwin.core.recipe;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Resolves selection keys in a lifecycle. Any mapping in a lifecycle whose keys are all selection keys
 * (a platform name such as {@code linux} or {@code all}, or a key some manifest lists under
 * {@code Selections}) stands for "one of these, by selection"; the branch taken is the first of the
 * active selections it has: the chosen manifest's {@code Selections} in their order, then
 * {@code linux}, {@code unix}, {@code posix}, {@code all} and {@code any}. None present means the
 * lifecycle part does not exist on this device. A mapping mixing selection keys with other keys is
 * refused, because it is ambiguous.
 *
 * <p>For validation, {@link #everyBranch} visits every branch instead of one, so a mistake in a part
 * meant for another platform is still reported.
 */
final class Selections {

    /** Platform names Greengrass treats as selection keys (its PlatformResolver list, plus darwin). */
    private static final List<String> PLATFORM_KEYS = List.of("all", "any", "unix", "posix", "linux", "debian",
            "ubuntu", "fedora", "raspbian", "windows", "macos", "darwin", "qnx", "cygwin", "freebsd", "solaris", "sunos");
    private static final List<String> DEVICE_KEYS = List.of("linux", "unix", "posix", "all", "any");

    private final Set<String> known;
    private final List<String> active;

    private Selections(Set<String> known, List<String> active) {
        this.known = known;
        this.active = active;
    }

    /** @param recipeSelections every key listed under some manifest's {@code Selections} */
    static Selections forDevice(Set<String> recipeSelections, List<String> manifestSelections) {
        List<String> active = new ArrayList<>();
        manifestSelections.forEach(s -> active.add(lower(s)));
        active.addAll(DEVICE_KEYS);
        return new Selections(known(recipeSelections), List.copyOf(new LinkedHashSet<>(active)));
    }

    static Selections everyBranch(Set<String> recipeSelections) {
        return new Selections(known(recipeSelections), null);
    }

    /**
     * The nodes to read in place of {@code node}: the node itself when it is not keyed by selection,
     * else the chosen branch (none when no key is active), or every branch when validating.
     *
     * @param valuesAreMaps whether only a mapping of mappings counts as keyed by selection (for
     *                      {@code Setenv}, whose variable names could collide with selection keys)
     */
    List<RecipeNode> choose(RecipeNode node, boolean valuesAreMaps) {
        if (!isKeyedBySelection(node, valuesAreMaps)) {
            return List.of(node);
        }
        Map<String, RecipeNode> branches = node.entries("a mapping");
        List<RecipeNode> chosen = new ArrayList<>();
        if (active == null) {
            branches.values().forEach(branch -> chosen.addAll(choose(branch, valuesAreMaps)));
            return chosen;
        }
        for (String selection : active) {
            for (Map.Entry<String, RecipeNode> branch : branches.entrySet()) {
                if (lower(branch.getKey()).equals(selection)) {
                    return choose(branch.getValue(), valuesAreMaps);
                }
            }
        }
        return List.of();
    }

    private boolean isKeyedBySelection(RecipeNode node, boolean valuesAreMaps) {
        if (!node.isMap()) {
            return false;
        }
        Map<String, RecipeNode> entries = node.entries("a mapping");
        List<String> selections = entries.keySet().stream().filter(k -> known.contains(lower(k))).toList();
        if (selections.isEmpty() || valuesAreMaps && !entries.values().stream().allMatch(RecipeNode::isMap)) {
            return false;
        }
        if (selections.size() < entries.size()) {
            List<String> others = entries.keySet().stream().filter(k -> !known.contains(lower(k))).toList();
            throw node.error("mixes selection keys " + selections + " with other keys " + others
                    + "; expected either only selection keys or none");
        }
        return true;
    }

    private static Set<String> known(Set<String> recipeSelections) {
        Set<String> known = new LinkedHashSet<>(PLATFORM_KEYS);
        recipeSelections.forEach(s -> known.add(lower(s)));
        return Set.copyOf(known);
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
