package io.tessera.executor.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The bit source follows its documented derivation, and its words look independent. */
class CounterRandomTest {
    private static final int SAMPLES = 200_000;

    @Test
    void seedKeyIsTheFirstOutputOfSplittableRandom() {
        for (long seed : new long[] {0, 1, 42, -1, Long.MIN_VALUE, 0x0123456789ABCDEFL}) {
            assertEquals(new SplittableRandom(seed).nextLong(), CounterRandom.seedKey(seed), "seed " + seed);
        }
    }

    @Test
    void wordsFollowTheDocumentedDerivation() {
        long key = CounterRandom.seedKey(7);
        for (long index : new long[] {0, 1, 12345, (1L << 62) - 1, -5}) {
            long counter = key + index * 0x9E3779B97F4A7C15L;
            assertEquals(CounterRandom.nasam(counter), CounterRandom.word(key, index, 0));
            for (int k = 1; k < 70; k++) {
                assertEquals(CounterRandom.nasam(CounterRandom.mix13(counter) + k * 0x9E3779B97F4A7C15L),
                        CounterRandom.word(key, index, k));
            }
        }
        assertThrows(IllegalArgumentException.class, () -> CounterRandom.word(key, 0, -1));
    }

    /** Pinned values: the reproducibility contract. A change here changes every random array. */
    @Test
    void pinnedWords() {
        assertEquals(0L, CounterRandom.nasam(0));
        assertEquals(PINNED_NASAM_1, CounterRandom.nasam(1));
        long key = CounterRandom.seedKey(42);
        assertEquals(PINNED_WORD_42_0_0, CounterRandom.word(key, 0, 0));
        assertEquals(PINNED_WORD_42_1000000_3, CounterRandom.word(key, 1_000_000, 3));
    }

    @Test
    void unitIntervalsUseTheTop53Bits() {
        assertEquals(0.0, CounterRandom.unitInterval(0));
        assertEquals(1 - 0x1p-53, CounterRandom.unitInterval(-1));
        assertEquals(0.5, CounterRandom.unitInterval(Long.MIN_VALUE));
        assertEquals(0x1p-53, CounterRandom.unitIntervalAboveZero(0));
        assertEquals(1.0, CounterRandom.unitIntervalAboveZero(-1));
    }

    @Test
    void everyBitIsBalancedForEveryKindOfIndexProgression() {
        long key = CounterRandom.seedKey(3);
        // consecutive, a column of a 2^20-wide array, 2^32 apart, and later words
        long[][] progressions = {{0, 1, 0}, {5, 1L << 20, 0}, {1L << 61, 1L << 32, 0}, {0, 1, 1}, {0, 1, 63}};
        for (long[] p : progressions) {
            long[] ones = new long[64];
            for (int i = 0; i < SAMPLES; i++) {
                long word = CounterRandom.word(key, p[0] + i * p[1], (int) p[2]);
                for (int b = 0; b < 64; b++) {
                    ones[b] += (word >>> b) & 1;
                }
            }
            double sigma = Math.sqrt(SAMPLES * 0.25);
            for (int b = 0; b < 64; b++) {
                assertTrue(Math.abs(ones[b] - SAMPLES / 2.0) < 5 * sigma,
                        "bit " + b + " set " + ones[b] + " times of " + SAMPLES + " in progression " + p[1]);
            }
        }
    }

    @Test
    void neighbouringWordsShareHalfTheirBits() {
        long key = CounterRandom.seedKey(11);
        // pairs (index, k) and (index + di, k + dk): the Hamming distance averages 32, sd 4 per pair
        long[][] offsets = {{1, 0}, {0, 1}, {1, 1}, {1L << 20, 0}, {1L << 32, 0}, {-1, 1}};
        for (long[] offset : offsets) {
            long total = 0;
            for (int i = 0; i < SAMPLES; i++) {
                long index = 1000 + i;
                long a = CounterRandom.word(key, index, 1);
                long b = CounterRandom.word(key, index + offset[0], 1 + (int) offset[1]);
                total += Long.bitCount(a ^ b);
            }
            double mean = (double) total / SAMPLES;
            assertEquals(32, mean, 5 * 4 / Math.sqrt(SAMPLES), "offset " + offset[0] + ", " + offset[1]);
        }
    }

    @Test
    void wordZeroDiffersFromLaterWordsOfTheSameElement() {
        long key = CounterRandom.seedKey(5);
        long total = 0;
        for (int i = 0; i < SAMPLES; i++) {
            total += Long.bitCount(CounterRandom.word(key, i, 0) ^ CounterRandom.word(key, i, 1));
        }
        assertEquals(32, (double) total / SAMPLES, 5 * 4 / Math.sqrt(SAMPLES));
    }

    @Test
    void differentSeedsGiveDifferentKeysAndWords() {
        Set<Long> keys = new HashSet<>();
        Set<Long> firstWords = new HashSet<>();
        for (long seed = 0; seed < 10_000; seed++) {
            long key = CounterRandom.seedKey(seed);
            keys.add(key);
            firstWords.add(CounterRandom.word(key, 0, 0));
        }
        assertEquals(10_000, keys.size());
        assertEquals(10_000, firstWords.size());
        assertNotEquals(CounterRandom.word(CounterRandom.seedKey(1), 17, 0),
                CounterRandom.word(CounterRandom.seedKey(2), 17, 0));
    }

    // computed independently from the documented formulas (a few lines of Python integer arithmetic)
    private static final long PINNED_NASAM_1 = 0x9C1A051E07B9E10DL;
    private static final long PINNED_WORD_42_0_0 = 0x4C1ECA048F64B816L;
    private static final long PINNED_WORD_42_1000000_3 = 0x667B4EEC55E556AAL;
}
