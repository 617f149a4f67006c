package io.edgetwin.core.lambda;

/** A class that implements neither handler interface. */
public final class NotAHandler {
}
