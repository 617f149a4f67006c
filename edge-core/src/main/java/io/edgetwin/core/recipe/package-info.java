/**
 * Greengrass v2 component recipes: {@link io.edgetwin.core.recipe.RecipeReader} reads one file,
 * {@link io.edgetwin.core.recipe.RecipeStore} holds those installed on the device.
 */
package io.edgetwin.core.recipe;
