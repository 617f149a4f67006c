package io.edgetwin.report.gate;

import io.edgetwin.report.BaseUnit;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The units a threshold's number may carry, per base unit, as factors to that base unit. Units are
 * matched case-insensitively; the empty unit is the default. Factors are decimals so that
 * {@code 0.1%} is exactly {@code 0.001}. Memory units are binary (k = KiB = 1024 bytes).
 */
final class Units {

    private static final BigDecimal KIB = BigDecimal.valueOf(1024);
    private static final BigDecimal MIB = KIB.multiply(KIB);
    private static final BigDecimal GIB = MIB.multiply(KIB);
    private static final Map<BaseUnit, Map<String, BigDecimal>> FACTORS = new EnumMap<>(BaseUnit.class);
    private static final Map<BaseUnit, String> KNOWN = new EnumMap<>(BaseUnit.class);

    static {
        define(BaseUnit.MILLISECONDS, "ms (the default), s, us",
                "", BigDecimal.ONE, "ms", BigDecimal.ONE, "s", BigDecimal.valueOf(1000),
                "us", new BigDecimal("0.001"));
        define(BaseUnit.FRACTION, "% or none for a fraction (0.01 = 1%)",
                "", BigDecimal.ONE, "%", new BigDecimal("0.01"));
        define(BaseUnit.COUNT, "none (a count)", "", BigDecimal.ONE);
        define(BaseUnit.PER_SECOND, "/s or none", "", BigDecimal.ONE, "/s", BigDecimal.ONE);
        define(BaseUnit.BYTES, "b (the default), k, kb, KiB, m, mb, MiB, g, gb, GiB (all base 1024)",
                "", BigDecimal.ONE, "b", BigDecimal.ONE,
                "k", KIB, "kb", KIB, "kib", KIB,
                "m", MIB, "mb", MIB, "mib", MIB,
                "g", GIB, "gb", GIB, "gib", GIB);
    }

    private Units() {
    }

    /** The factor from {@code unit} to {@code base}, if the unit applies to it. */
    static Optional<BigDecimal> factor(BaseUnit base, String unit) {
        return Optional.ofNullable(FACTORS.get(base).get(unit.toLowerCase(Locale.ROOT)));
    }

    /** The units accepted for {@code base}, for error messages and docs. */
    static String known(BaseUnit base) {
        return KNOWN.get(base);
    }

    private static void define(BaseUnit base, String known, Object... unitsAndFactors) {
        Map<String, BigDecimal> factors = new LinkedHashMap<>();
        for (int i = 0; i < unitsAndFactors.length; i += 2) {
            factors.put((String) unitsAndFactors[i], (BigDecimal) unitsAndFactors[i + 1]);
        }
        FACTORS.put(base, Map.copyOf(factors));
        KNOWN.put(base, known);
    }
}
