package io.tessera.executor.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Compares the colour tables and {@link ColorMap#rgba} with matplotlib itself; runs only where
 * {@code /usr/bin/python3} can import matplotlib.
 */
class ColorMapMatplotlibTest {
    private static final String PYTHON = "/usr/bin/python3";

    /**
     * Reads map names from its arguments and, on stdin, lines of "vmin vmax value...". Prints each map's
     * 256 colours, then per line the gray colours of the values as Normalize(vmin, vmax) and the colour
     * map give them, NaN masked first as imshow masks it.
     */
    private static final String SNIPPET = """
            import sys, numpy, matplotlib, matplotlib.colors
            cases = sys.stdin.read().splitlines()
            for name in sys.argv[1:]:
                lut = matplotlib.colormaps[name](numpy.arange(256), bytes=True)
                print(name, *lut.ravel())
            gray = matplotlib.colormaps["gray"]
            for line in cases:
                vmin, vmax, *values = (float(word) for word in line.split())
                values = numpy.array(values)
                normalised = matplotlib.colors.Normalize(vmin, vmax)(numpy.ma.masked_where(numpy.isnan(values), values))
                print(*gray(normalised, bytes=True).ravel())
            """;

    @Test
    void everyTableAndNormalisationMatchMatplotlib() throws Exception {
        Assumptions.assumeTrue(succeeds(List.of(PYTHON, "-c", "import matplotlib")), "matplotlib is not importable");

        List<double[]> cases = normalisationCases();
        StringBuilder input = new StringBuilder();
        for (double[] values : cases) {
            for (double value : values) {
                input.append(value).append(' ');
            }
            input.append('\n');
        }
        List<String> command = new ArrayList<>(List.of(PYTHON, "-c", SNIPPET));
        command.addAll(ColorMap.names());
        List<String> lines = run(command, input.toString());
        assertEquals(ColorMap.names().size() + cases.size(), lines.size(), "lines printed");

        for (int m = 0; m < ColorMap.names().size(); m++) {
            String[] fields = lines.get(m).split(" ");
            ColorMap map = ColorMap.named(fields[0]).orElseThrow();
            assertEquals(ColorMap.names().get(m), map.name());
            assertEquals(1 + 4 * ColorMap.LEVELS, fields.length, map.name());
            for (int level = 0; level < ColorMap.LEVELS; level++) {
                assertEquals(packed(fields, 1 + 4 * level), map.level(level), map.name() + " level " + level);
            }
        }

        ColorMap gray = ColorMap.named("gray").orElseThrow();
        for (int c = 0; c < cases.size(); c++) {
            double[] values = cases.get(c);
            double vmin = values[0];
            double vmax = values[1];
            String[] fields = lines.get(ColorMap.names().size() + c).split(" ");
            assertEquals(4 * (values.length - 2), fields.length);
            for (int i = 2; i < values.length; i++) {
                assertEquals(packed(fields, 4 * (i - 2)), gray.rgba(values[i], vmin, vmax),
                        "value " + values[i] + " in [" + vmin + ", " + vmax + "]");
            }
        }
    }

    /**
     * Ranges, each with values on, just off and between level boundaries, outside, infinite and NaN.
     * No NaN limits: matplotlib colours the NaNs they make with the first colour when the array has a
     * masked value and as bad when not; ColorMap makes them transparent.
     */
    private static List<double[]> normalisationCases() {
        double[][] ranges = {{0, 1}, {-2, 6}, {-3.7, 12.25}, {1e-3, 2e-3}, {-1e300, 1e300}, {5, 5}};
        Random random = new Random(42);
        List<double[]> cases = new ArrayList<>();
        for (double[] range : ranges) {
            double vmin = range[0];
            double vmax = range[1];
            double span = vmax == vmin ? 1 : vmax - vmin;
            List<Double> values = new ArrayList<>(List.of(vmin, vmax));
            for (int k = -2; k <= ColorMap.LEVELS + 2; k++) {
                double boundary = vmin + span * k / ColorMap.LEVELS;
                values.addAll(List.of(boundary, Math.nextDown(boundary), Math.nextUp(boundary)));
            }
            for (int i = 0; i < 200; i++) {
                values.add(vmin + span * (random.nextDouble() * 1.2 - 0.1));
            }
            values.addAll(List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0));
            cases.add(values.stream().mapToDouble(Double::doubleValue).toArray());
        }
        return cases;
    }

    private static int packed(String[] fields, int from) {
        int rgba = 0;
        for (int channel = 0; channel < 4; channel++) {
            rgba = rgba << 8 | Integer.parseInt(fields[from + channel]);
        }
        return rgba;
    }

    private static boolean succeeds(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs the command with {@code input} on stdin; its stderr goes to the test's. */
    private static List<String> run(List<String> command, String input) throws Exception {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        // python reads all its input before it prints, so neither side waits on a full pipe
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(input.getBytes(StandardCharsets.US_ASCII));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "python finished");
        assertEquals(0, process.exitValue(), "python's exit status");
        return output.lines().toList();
    }
}
