package io.tessera.executor.generate;

/**
 * The counter-based bit source behind the random generators: every array element owns a private
 * stream of 64-bit words that is a pure function of the seed and the element's global flat index,
 * so values do not depend on chunking, thread count or slicing.
 *
 * <p>This derivation is part of the language's reproducibility contract; changing any constant or
 * step changes every random array. All arithmetic is on 64-bit two's complement integers, modulo
 * 2<sup>64</sup>; {@code >>>} is the unsigned shift, {@code ror} a right rotation.
 *
 * <pre>
 *   G        = 0x9E3779B97F4A7C15                      (the golden-ratio "gamma" of SplitMix64)
 *   mix13(z) : z = (z ^ z>>>30) * 0xBF58476D1CE4E5B9;  z = (z ^ z>>>27) * 0x94D049BB133111EB;
 *              return z ^ z>>>31                        (Stafford's variant 13, SplitMix64's finalizer)
 *   nasam(z) : z ^= ror(z,25) ^ ror(z,47);  z *= 0x9E6C63D0676A9A99;  z ^= z>>>23 ^ z>>>51;
 *              z *= 0x9E6D62D06F6A9A9B;  return z ^ z>>>23 ^ z>>>51   (Evensen's NASAM)
 *
 *   key      = mix13(seed + G)                 (equals new java.util.SplittableRandom(seed).nextLong())
 *   c        = key + index * G                 (index: the element's row-major flat index in the full array)
 *   word 0   = nasam(c)
 *   word k   = nasam(mix13(c) + k * G)         for k = 1, 2, ...
 * </pre>
 *
 * <p>Why this design: a strong bijective 64-bit mixer over a Weyl counter (SplitMix64's structure)
 * costs two multiplies per word; a NASAM word measured about 2 ns in Java on the development
 * machine against about 14 ns for one Philox-4x32-10 block (ten rounds of two 32x32-bit products).
 * NASAM rather than SplitMix64's own finalizer because its author reports it passing PractRand on
 * counter inputs, rotated and bit-reversed ones included, far beyond where variant 13 fails; that
 * matters here because slices and columns of a wide array read the counter with power-of-two
 * strides, whose low bits never change. Word 0 is one mixer call because the fast paths of all
 * distributions need only it. The rare later words first re-mix the counter with a different
 * finalizer, so that element {@code i}'s word {@code k} is not word 0 of some fixed other index (as
 * it would be with {@code c + k * G'}). As with SplitMix64, two seeds give the same bijection read
 * from counters shifted by a pseudo-random 64-bit amount, so their streams overlap only if arrays
 * come within that distance, which for arrays below 2<sup>40</sup> elements has probability about
 * 2<sup>-23</sup> per pair of seeds.
 */
public final class CounterRandom {
    /** The odd Weyl increment, 2<sup>64</sup> divided by the golden ratio. */
    public static final long GAMMA = 0x9E3779B97F4A7C15L;

    private CounterRandom() {
    }

    /** Turns a user seed into the key that offsets every counter: {@code mix13(seed + G)}. */
    public static long seedKey(long seed) {
        return mix13(seed + GAMMA);
    }

    /**
     * The counter of element {@code index}: {@code seedKey + index * G}. Consecutive indices
     * {@code step} apart have counters {@code step * G} apart, which the fill loops use.
     */
    public static long counter(long seedKey, long index) {
        return seedKey + index * GAMMA;
    }

    /** Word 0 of the element with this counter: the only word a fast path needs. */
    public static long firstWord(long counter) {
        return nasam(counter);
    }

    /** The base from which words 1, 2, ... of the element with this counter are derived. */
    public static long laterWordBase(long counter) {
        return mix13(counter);
    }

    /** Word {@code k >= 1} of an element, given its {@link #laterWordBase}. */
    public static long laterWord(long base, int k) {
        return nasam(base + k * GAMMA);
    }

    /** The {@code k}-th 64-bit word of element {@code index}'s stream under {@code seedKey}. */
    public static long word(long seedKey, long index, int k) {
        if (k < 0) {
            throw new IllegalArgumentException("word number must not be negative: " + k);
        }
        long counter = counter(seedKey, index);
        return k == 0 ? firstWord(counter) : laterWord(laterWordBase(counter), k);
    }

    /** The top 53 bits of a word as a double in [0, 1). */
    public static double unitInterval(long word) {
        return (word >>> 11) * 0x1p-53;
    }

    /** The top 53 bits of a word as a double in (0, 1]: safe to take the logarithm of. */
    public static double unitIntervalAboveZero(long word) {
        return ((word >>> 11) + 1) * 0x1p-53;
    }

    /** Pelle Evensen's NASAM mixer: a bijection of 64-bit words with strong avalanche. */
    static long nasam(long z) {
        z ^= Long.rotateRight(z, 25) ^ Long.rotateRight(z, 47);
        z *= 0x9E6C63D0676A9A99L;
        z ^= (z >>> 23) ^ (z >>> 51);
        z *= 0x9E6D62D06F6A9A9BL;
        return z ^ (z >>> 23) ^ (z >>> 51);
    }

    /** David Stafford's mixer variant 13, the finalizer of SplitMix64 and of SplittableRandom. */
    static long mix13(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
