package io.tessera.executor.reduce;

import java.util.Locale;
import java.util.Optional;

/** The reductions, by the name a query calls them. */
public enum ReduceFunction {
    SUM, PROD, MEAN, VAR, STD, MIN, MAX, ANY, ALL, ARGMIN, ARGMAX, COUNT,
    NANSUM, NANPROD, NANMEAN, NANVAR, NANSTD, NANMIN, NANMAX;

    public String functionName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ReduceFunction> byName(String name) {
        for (ReduceFunction function : values()) {
            if (function.functionName().equals(name)) {
                return Optional.of(function);
            }
        }
        return Optional.empty();
    }

    /** True for the variants that skip NaNs. */
    public boolean skipsNaN() {
        return name().startsWith("NAN");
    }

    /** The same reduction without NaN skipping (what it is for integers). */
    public ReduceFunction withNaN() {
        return skipsNaN() ? valueOf(name().substring(3)) : this;
    }

    /** True for argmin and argmax, which NumPy allows over one axis or all. */
    public boolean isArg() {
        return this == ARGMIN || this == ARGMAX;
    }
}
