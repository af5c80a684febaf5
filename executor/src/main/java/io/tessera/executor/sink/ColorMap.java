package io.tessera.executor.sink;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A colour map as matplotlib defines it, sampled at 256 levels (matplotlib's default N).
 *
 * <p>The tables are the bytes of matplotlib 3.6's {@code cmap(numpy.arange(256), bytes=True)}, made by
 * {@code make_colormaps.py} (under the test resources) into the resource {@code colormaps.txt}.
 */
public final class ColorMap {
    /** Levels per map; matplotlib's default {@code N}. */
    public static final int LEVELS = 256;

    /** The colour of NaN: matplotlib's default "bad" colour, fully transparent black. */
    public static final int TRANSPARENT = 0x00000000;

    private static final String TABLES = "colormaps.txt";

    private final String name;
    private final int[] colors;

    private ColorMap(String name, int[] colors) {
        this.name = name;
        this.colors = colors;
    }

    /** The map matplotlib calls {@code name} (case-sensitive, as matplotlib is), or empty when there is none here. */
    public static Optional<ColorMap> named(String name) {
        return Optional.ofNullable(Tables.BY_NAME.get(name));
    }

    /** The names of the maps there are, in a fixed order (each map followed by its reversed "_r" twin). */
    public static List<String> names() {
        return Tables.NAMES;
    }

    /** The matplotlib name of this map. */
    public String name() {
        return name;
    }

    /** The colour at level {@code index} (0 to 255), packed {@code 0xRRGGBBAA}. */
    public int level(int index) {
        return colors[index];
    }

    /**
     * The colour of {@code value}, packed {@code 0xRRGGBBAA}, mapped as matplotlib's
     * {@code Normalize(vmin, vmax)} followed by the colour map's lookup: {@code x = (value - vmin) / (vmax -
     * vmin)}, level {@code floor(x * 256)} with {@code x == 1} at the top level; values below {@code vmin}
     * take the first colour and above {@code vmax} the last (matplotlib's default under and over
     * colours), infinities included. When {@code vmin == vmax} every value takes the first colour, as
     * matplotlib's Normalize maps it to 0.
     *
     * <p>NaN is fully transparent ({@link #TRANSPARENT}) even when {@code vmin == vmax}, as in
     * matplotlib's {@code imshow}, which masks NaN before normalising (a bare Normalize would turn it
     * into 0 in that case). A NaN {@code vmin} or {@code vmax} makes every value NaN, hence transparent.
     *
     * @throws IllegalArgumentException when {@code vmin > vmax}, which matplotlib refuses too
     */
    public int rgba(double value, double vmin, double vmax) {
        if (vmin > vmax) {
            throw new IllegalArgumentException("vmin " + vmin + " is greater than vmax " + vmax);
        }
        if (Double.isNaN(value)) {
            return TRANSPARENT;
        }
        // the same two IEEE operations as Normalize, so that values on a level boundary fall alike
        double x = vmin == vmax ? 0.0 : (value - vmin) / (vmax - vmin);
        if (Double.isNaN(x)) {
            return TRANSPARENT;
        }
        double scaled = x * LEVELS;
        int index;
        if (scaled < 0) {
            index = 0;
        } else if (scaled >= LEVELS) {
            index = LEVELS - 1;
        } else {
            index = (int) scaled;
        }
        return colors[index];
    }

    @Override
    public String toString() {
        return "ColorMap[" + name + "]";
    }

    /** The tables, read once when first needed. */
    private static final class Tables {
        static final Map<String, ColorMap> BY_NAME = read();
        static final List<String> NAMES = List.copyOf(BY_NAME.keySet());

        private static Map<String, ColorMap> read() {
            Map<String, ColorMap> maps = new LinkedHashMap<>();
            try (InputStream in = ColorMap.class.getResourceAsStream(TABLES)) {
                if (in == null) {
                    throw new IllegalStateException("the resource " + TABLES + " is missing");
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    ColorMap map = parse(line);
                    maps.put(map.name, map);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + TABLES, e);
            }
            return Collections.unmodifiableMap(maps);
        }

        /** One line: a name, then 256 colours as hex {@code RRGGBBAA}. */
        private static ColorMap parse(String line) {
            String[] fields = line.trim().split(" +");
            if (fields.length != LEVELS + 1) {
                throw new IllegalStateException(TABLES + ": " + fields[0] + " has " + (fields.length - 1)
                        + " colours, not " + LEVELS);
            }
            int[] colors = new int[LEVELS];
            for (int i = 0; i < LEVELS; i++) {
                colors[i] = Integer.parseUnsignedInt(fields[i + 1], 16);
            }
            return new ColorMap(fields[0], colors);
        }
    }
}
