/**
 * {@link io.edgetwin.core.lint.Lint}: checks recipe and deployment files from the shell with the core's
 * own readers ({@code ./edgetwin recipe lint}, {@code ./edgetwin deployment lint}).
 */
package io.edgetwin.core.lint;
