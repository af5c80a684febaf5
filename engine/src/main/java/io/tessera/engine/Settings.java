package io.tessera.engine;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A session's settings: worker threads, the memory limit for buffers and results, and the size of
 * chunks Tessera chooses itself.
 */
public record Settings(int threads, long memoryLimit, long chunkBytes) {
    private static final Pattern SIZE = Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?)\\s*([KMGT]?I?B?)\\s*",
            Pattern.CASE_INSENSITIVE);

    public Settings {
        if (threads < 1) {
            throw TesseraException.of(TesseraException.Category.ARGUMENT, "threads must be at least 1, not " + threads);
        }
        if (memoryLimit < 1_000_000) {
            throw TesseraException.of(TesseraException.Category.ARGUMENT, "memory_limit must be at least 1MB");
        }
        if (chunkBytes < 1000) {
            throw TesseraException.of(TesseraException.Category.ARGUMENT, "chunk_bytes must be at least 1KB");
        }
    }

    /** One thread per core, half the heap for buffers and results, chunks of about 8 MiB. */
    public static Settings defaults() {
        return new Settings(Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / 2,
                8L << 20);
    }

    public Settings withThreads(int value) {
        return new Settings(value, memoryLimit, chunkBytes);
    }

    public Settings withMemoryLimit(long value) {
        return new Settings(threads, value, chunkBytes);
    }

    public Settings withChunkBytes(long value) {
        return new Settings(threads, memoryLimit, value);
    }

    /**
     * A size such as {@code 512MB}, {@code 1.5GiB} or {@code 1048576}: KB, MB, GB and TB are powers of
     * 1000, KiB, MiB, GiB and TiB powers of 1024, as in DuckDB.
     */
    public static long parseSize(String text) {
        Matcher matcher = SIZE.matcher(text);
        if (!matcher.matches()) {
            throw TesseraException.of(TesseraException.Category.ARGUMENT, "invalid size '" + text
                    + "': write a number with an optional unit such as 512MB or 2GiB");
        }
        double number = Double.parseDouble(matcher.group(1));
        String unit = matcher.group(2).toUpperCase(Locale.ROOT);
        boolean binary = unit.contains("I");
        double base = binary ? 1024 : 1000;
        int power = unit.isEmpty() || unit.equals("B") ? 0 : "KMGT".indexOf(unit.charAt(0)) + 1;
        if (binary && power == 0) {
            throw TesseraException.of(TesseraException.Category.ARGUMENT, "invalid size '" + text + "'");
        }
        return (long) (number * Math.pow(base, power));
    }
}
