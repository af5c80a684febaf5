package io.tessera.planner.rel;

import io.tessera.executor.ChunkGrid;
import io.tessera.executor.Selection;

/**
 * A leaf that produces only a selection of its array (a scan of stored data, a generator): slices,
 * transposes and rechunks above it fold into it, so only the selected elements are read or computed.
 */
public interface ArraySourceRel {
    Selection selection();

    /** The same source with another selection and output chunks. */
    ArrayRel withSelection(Selection selection, ChunkGrid chunks);
}
