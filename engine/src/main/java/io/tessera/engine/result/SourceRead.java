package io.tessera.engine.result;

/** What a statement reads (or read) of one source: chunks and bytes, out of the totals. */
public record SourceRead(String source, long chunksRead, long chunksTotal, long bytesRead, long bytesTotal) {
}
