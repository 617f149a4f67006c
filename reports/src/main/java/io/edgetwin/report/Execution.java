package io.edgetwin.report;

/**
 * How the variants of a run shared the host: one after another on an otherwise idle host, or
 * interleaved in time so that drift of the host hits every variant alike. Written by its symbol.
 */
public enum Execution {
    SEQUENTIAL("sequential"),
    INTERLEAVED("interleaved");

    private final String symbol;

    Execution(String symbol) {
        this.symbol = symbol;
    }

    /** The symbol; report.json reads and writes executions by it. */
    @Override
    public String toString() {
        return symbol;
    }
}
