package io.tessera.executor.sink;

import io.tessera.executor.Block;
import io.tessera.executor.Box;
import java.io.IOException;

/**
 * Receives one result array chunk by chunk. Worker threads call {@link #write} at once, in any
 * order; the block is only valid during the call (its buffer is reused afterwards).
 */
@FunctionalInterface
public interface ChunkSink {
    void write(Box box, Block block) throws IOException;
}
