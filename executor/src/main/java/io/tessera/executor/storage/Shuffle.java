package io.tessera.executor.storage;

import java.nio.ByteBuffer;

/** HDF5's byte shuffle filter: byte k of every element is stored together, for each k. */
final class Shuffle {
    private Shuffle() {
    }

    /** Reverses the shuffle of {@code in} (from its position to its limit) into {@code out}. */
    static void unshuffle(ByteBuffer in, ByteBuffer out, int elementSize) {
        int total = in.remaining();
        int elements = total / elementSize;
        int base = in.position();
        if (elementSize <= 1 || elements <= 1) {
            out.put(in);
            out.flip();
            return;
        }
        for (int k = 0; k < elementSize; k++) {
            int from = base + k * elements;
            for (int e = 0; e < elements; e++) {
                out.put(e * elementSize + k, in.get(from + e));
            }
        }
        // bytes past the last whole element are stored unshuffled
        int tail = elements * elementSize;
        for (int i = tail; i < total; i++) {
            out.put(i, in.get(base + i));
        }
        out.position(0).limit(total);
    }
}
