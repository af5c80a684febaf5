package io.tessera.engine;

import io.tessera.executor.Block;
import io.tessera.executor.Box;

/**
 * Receives a streamed result chunk by chunk ({@link Session#stream}). It is called from the
 * engine's worker threads, possibly several at once and in any order; {@code values} is only valid
 * during the call (its buffer is reused), so copy what must outlive it.
 */
@FunctionalInterface
public interface ChunkConsumer {
    /**
     * @param item   the item's name, as a SELECT names it
     * @param box    where the chunk sits in the whole array (start and count per axis)
     * @param values the chunk's values, row-major, of shape {@code box.count()}
     */
    void accept(String item, Box box, Block values);
}
