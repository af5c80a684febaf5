package io.tessera.planner.bind;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Seeds for random generators called without {@code seed =>}: each statement draws a fresh base
 * seed (a view keeps the one drawn when it was created), and each call gets a seed derived from the
 * base and its place in binding order. So a view gives the same numbers every time it is used, and
 * two calls in one statement give different ones.
 */
public final class Seeds {
    private long base;
    private long calls;

    Seeds(long base) {
        this.base = base;
    }

    /** A fresh non-negative seed for a statement or a view. */
    public static long draw() {
        return ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE;
    }

    /** The seed of the next unseeded call (non-negative, so it can be written back as {@code seed =>}). */
    long next() {
        long z = base + 0x9E3779B97F4A7C15L * ++calls;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (z ^ (z >>> 31)) & Long.MAX_VALUE;
    }

    /** Binds a view's body with the view's own seeds. */
    <T> T within(long viewSeed, Supplier<T> body) {
        long savedBase = base;
        long savedCalls = calls;
        base = viewSeed;
        calls = 0;
        try {
            return body.get();
        } finally {
            base = savedBase;
            calls = savedCalls;
        }
    }
}
