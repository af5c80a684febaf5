package io.tessera.executor.storage;

import io.jhdf.filter.PipelineFilterWithData;
import io.tessera.executor.ExecutorException;
import java.nio.ByteBuffer;
import java.util.List;

/** The filters of a chunked dataset, and decoding of the ones implemented here. */
record Hdf5Filters(int[] ids, int[][] data, boolean isNative) {
    private static final int DEFLATE = 1;
    private static final int SHUFFLE = 2;
    private static final int FLETCHER32 = 3;

    static Hdf5Filters of(List<PipelineFilterWithData> filters, String name) {
        int[] ids = new int[filters.size()];
        int[][] data = new int[filters.size()][];
        boolean isNative = true;
        for (int i = 0; i < ids.length; i++) {
            ids[i] = filters.get(i).getId();
            data[i] = filters.get(i).getFilterData();
            isNative &= ids[i] == DEFLATE || ids[i] == SHUFFLE || ids[i] == FLETCHER32;
        }
        return new Hdf5Filters(ids, data, isNative);
    }

    /** Undoes the filters, last applied first, skipping those the chunk's mask turned off. */
    ByteBuffer decode(ByteBuffer raw, int mask, int decodedBytes, IoContext io, String name) {
        ByteBuffer current = raw;
        boolean inScratch = false;
        for (int i = ids.length - 1; i >= 0; i--) {
            if ((mask & (1 << i)) != 0) {
                continue;
            }
            switch (ids[i]) {
                case FLETCHER32 -> current.limit(current.limit() - 4);
                case DEFLATE -> {
                    ByteBuffer out = inScratch ? io.rawBuffer(decodedBytes + 16) : io.scratchBuffer(decodedBytes + 16);
                    inflate(current, out, io, name);
                    current = out;
                    inScratch = !inScratch;
                }
                case SHUFFLE -> {
                    ByteBuffer out = inScratch ? io.rawBuffer(current.remaining()) : io.scratchBuffer(current.remaining());
                    int elementSize = data[i] != null && data[i].length > 0 ? data[i][0] : 1;
                    Shuffle.unshuffle(current, out, elementSize);
                    current = out;
                    inScratch = !inScratch;
                }
                default -> throw new IllegalStateException("filter " + ids[i] + " is not native");
            }
        }
        return current;
    }

    private static void inflate(ByteBuffer in, ByteBuffer out, IoContext io, String name) {
        java.util.zip.Inflater inflater = io.inflater();
        inflater.reset();
        inflater.setInput(in);
        try {
            while (!inflater.finished()) {
                int n = inflater.inflate(out);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary() || !out.hasRemaining())) {
                    if (!out.hasRemaining()) {
                        throw new java.util.zip.DataFormatException("the chunk inflates past its size");
                    }
                    throw new java.util.zip.DataFormatException("the compressed data ends early");
                }
            }
        } catch (java.util.zip.DataFormatException e) {
            throw new ExecutorException(ExecutorException.Kind.IO,
                    name + " is damaged: a gzip chunk does not inflate (" + e.getMessage() + ")", e);
        }
        out.flip();
    }
}
