package io.edgetwin.report.gate;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The operator of a threshold: how the actual value must relate to the limit for it to hold. */
public enum Operator {
    LESS("<"),
    LESS_OR_EQUAL("<="),
    GREATER(">"),
    GREATER_OR_EQUAL(">="),
    EQUAL("=="),
    NOT_EQUAL("!=");

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** Whether {@code actual <op> limit} holds; exact for {@code ==} and {@code !=}. */
    public boolean holds(double actual, double limit) {
        return switch (this) {
            case LESS -> actual < limit;
            case LESS_OR_EQUAL -> actual <= limit;
            case GREATER -> actual > limit;
            case GREATER_OR_EQUAL -> actual >= limit;
            case EQUAL -> actual == limit;
            case NOT_EQUAL -> actual != limit;
        };
    }

    public static Optional<Operator> bySymbol(String symbol) {
        return Arrays.stream(values()).filter(op -> op.symbol.equals(symbol)).findFirst();
    }

    /** "<, <=, >, >=, ==, !=" for error messages. */
    static String known() {
        return Arrays.stream(values()).map(Operator::symbol).collect(Collectors.joining(", "));
    }
}
