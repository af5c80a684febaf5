package io.tessera.executor.sink;

import io.tessera.executor.ExecutorException;
import io.tessera.executor.run.MemoryBudget;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code INTO image(path, cmap, vmin, vmax, width)}: a 2-D item averaged into pixels as it streams
 * in, then coloured (over the data's own range unless given) and written as a PNG.
 */
final class ImageResultWriter implements ResultWriter {
    private final TemporaryTarget target;
    private final SinkSpec.Image spec;
    private final ColorMap cmap;
    private final ImageAccumulator pixels;
    private final MemoryBudget budget;
    private final long reserved;

    ImageResultWriter(Path path, SinkSpec.Image spec, ResultItem item, MemoryBudget budget) {
        this.spec = spec;
        this.cmap = ColorMap.named(spec.cmap()).orElseThrow();
        long[] shape = item.shape();
        if (shape[0] == 0 || shape[1] == 0) {
            throw new ExecutorException(ExecutorException.Kind.DATA, "cannot draw an empty array of shape ("
                    + shape[0] + ", " + shape[1] + ")");
        }
        int width = spec.width() == null ? 0 : spec.width();
        this.reserved = ImageAccumulator.bytesFor(shape[0], shape[1], width);
        budget.reserve(reserved, "the pixels of the image (give a smaller width => to draw fewer)");
        this.budget = budget;
        this.pixels = new ImageAccumulator(shape[0], shape[1], width);
        this.target = new TemporaryTarget(path, true);
    }

    @Override
    public ChunkSink item(int index) {
        return pixels::add;
    }

    @Override
    public void commit() throws IOException {
        double vmin = spec.vmin() != null ? spec.vmin() : pixels.min();
        double vmax = spec.vmax() != null ? spec.vmax() : pixels.max();
        if (vmin > vmax) {
            throw new ExecutorException(ExecutorException.Kind.DATA, "vmin (" + vmin + ") is greater than vmax ("
                    + vmax + ")");
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target.temporary()), 1 << 16)) {
            pixels.writePng(out, cmap, vmin, vmax);
        }
        target.commit();
    }

    @Override
    public void close() {
        budget.release(reserved);
        target.close();
    }
}
