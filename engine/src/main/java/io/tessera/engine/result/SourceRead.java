package io.tessera.engine.result;

/**
 * What a statement reads (or read) of one source: chunks and bytes, out of the totals. For a
 * generator ({@code generated}), the chunks and bytes it computes (or computed), out of the whole
 * generated array's bytes.
 */
public record SourceRead(String source, long chunksRead, long chunksTotal, long bytesRead, long bytesTotal,
        boolean generated) {
}
