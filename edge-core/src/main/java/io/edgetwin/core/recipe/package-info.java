/**
 * Greengrass v2 component recipes: {@link io.edgetwin.core.recipe.RecipeReader} reads and validates one
 * file and resolves it for a {@link io.edgetwin.core.recipe.DevicePlatform} into a
 * {@link io.edgetwin.core.recipe.Recipe} (its {@link io.edgetwin.core.recipe.Manifest}, its
 * {@link io.edgetwin.core.recipe.Lifecycle} of {@link io.edgetwin.core.recipe.LifecycleStep}s, its
 * {@link io.edgetwin.core.recipe.Dependency} ranges as {@link io.edgetwin.core.recipe.VersionRange}s);
 * {@link io.edgetwin.core.recipe.RecipeStore} holds those installed on the device;
 * {@link io.edgetwin.core.recipe.Lint} checks recipe and deployment files from the command line.
 */
package io.edgetwin.core.recipe;
