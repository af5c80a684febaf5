package io.tessera.shell;

import java.util.Locale;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.DatasetCreationOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.SplittableRandom;

/**
 * The demo's sample data: a synthetic month of daily temperature fields shaped like the Dask
 * tutorial's weather files, and a file of random numbers like its {@code random.hdf5}. Values are
 * made from fixed seeds, so every machine gets the same files.
 */
final class DemoData {
    static final int DAYS = 31;
    static final int ROWS = 360;
    static final int COLUMNS = 720;
    static final int RANDOM_SIZE = 10_000_000;

    private DemoData() {
    }

    /** Writes the files under {@code root} unless they are there already. */
    static void make(Path root) {
        make(root, DAYS, ROWS, COLUMNS, 90, RANDOM_SIZE);
    }

    /** A few small files of the same kinds, for warming up. */
    static void makeSmall(Path root) {
        make(root, 3, 24, 36, 10, 10_000);
    }

    private static void make(Path root, int days, int rows, int columns, int chunk, int randomSize) {
        try {
            Path weather = root.resolve("weather");
            Files.createDirectories(weather);
            for (int day = 1; day <= days; day++) {
                Path file = weather.resolve(String.format(Locale.ROOT, "2014-01-%02d.hdf5", day));
                if (!Files.exists(file)) {
                    write(file, "t2m", temperatures(day, rows, columns), DatasetCreationOptions.builder()
                            .chunkDimensions(chunk, chunk).shuffle().deflate(4).build());
                }
            }
            Path random = root.resolve("random.hdf5");
            if (!Files.exists(random)) {
                write(random, "x", exponentials(randomSize), DatasetCreationOptions.DEFAULT);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo data under " + root, e);
        }
    }

    /** Writes one dataset to a temporary name and renames it, so a file is whole or absent. */
    private static void write(Path file, String name, Object data, DatasetCreationOptions options) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (WritableHdfFile hdf = HdfFile.write(temporary)) {
            hdf.putDataset(name, data, options);
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** A day's 2 m temperature in kelvin: warm tropics, cold poles, a travelling wave, some noise. */
    private static double[][] temperatures(int day, int rows, int columns) {
        SplittableRandom random = new SplittableRandom(day);
        double[][] field = new double[rows][columns];
        for (int i = 0; i < rows; i++) {
            double latitude = Math.PI * (i + 0.5) / rows - Math.PI / 2;
            for (int j = 0; j < columns; j++) {
                double longitude = 2 * Math.PI * j / columns;
                field[i][j] = 250 + 40 * Math.cos(latitude) + 8 * Math.sin(3 * longitude + day * 0.4) * Math.cos(latitude)
                        + 2 * random.nextGaussian();
            }
        }
        return field;
    }

    private static float[] exponentials(int size) {
        SplittableRandom random = new SplittableRandom(1);
        float[] values = new float[size];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) -Math.log(1 - random.nextDouble());
        }
        return values;
    }
}
