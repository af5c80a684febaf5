package io.tessera.executor.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ColorMapTest {
    private static ColorMap map(String name) {
        return ColorMap.named(name).orElseThrow(() -> new AssertionError(name + " is missing"));
    }

    @Test
    void endsAndMiddlesAreMatplotlibsBytes() {
        // matplotlib truncates (lut * 255) to bytes: viridis ends in (253, 231, 36), not the (…, 37) often quoted
        assertEquals(0x440154ff, map("viridis").rgba(0, 0, 1));
        assertEquals(0x20908cff, map("viridis").rgba(0.5, 0, 1));
        assertEquals(0xfde724ff, map("viridis").rgba(1, 0, 1));
        assertEquals(0x000000ff, map("gray").rgba(0, 0, 1));
        assertEquals(0x808080ff, map("gray").rgba(0.5, 0, 1));
        assertEquals(0xffffffff, map("gray").rgba(1, 0, 1));
        assertEquals(0xffffffff, map("gray_r").rgba(0, 0, 1));
        assertEquals(0xffffffff, map("Greys").rgba(0, 0, 1));
        assertEquals(0x000000ff, map("Greys").rgba(1, 0, 1));
        assertEquals(0x67001fff, map("RdBu").rgba(0, 0, 1));
        assertEquals(0xf6f6f6ff, map("RdBu").rgba(0.5, 0, 1));
        assertEquals(0x053061ff, map("RdBu").rgba(1, 0, 1));
        assertEquals(0x053061ff, map("RdBu_r").rgba(-1, -1, 1));
        assertEquals(0x67001fff, map("RdBu_r").rgba(1, -1, 1));
    }

    @Test
    void reversedMapsAreMatplotlibsOwnTablesNotMirrors() {
        // RdBu_r is RdBu's segment data sampled backwards, which rounds differently in places
        ColorMap rdBu = map("RdBu");
        ColorMap rdBuR = map("RdBu_r");
        int differing = 0;
        for (int level = 0; level < ColorMap.LEVELS; level++) {
            if (rdBu.level(level) != rdBuR.level(ColorMap.LEVELS - 1 - level)) {
                differing++;
            }
        }
        assertTrue(differing > 0 && differing < 64, differing + " levels differ");
        assertEquals(0xf7f6f6ff, rdBu.level(127));
        assertEquals(0xf6f6f6ff, rdBuR.level(127));
    }

    @Test
    void valuesOnLevelBoundariesTakeTheLevelAbove() {
        ColorMap gray = map("gray");
        // [-2, 6] is 8 wide: -2 + k / 32 normalises to exactly k / 256
        for (int k = 0; k < ColorMap.LEVELS; k++) {
            double boundary = -2 + k / 32.0;
            assertEquals(gray.level(k), gray.rgba(boundary, -2, 6), "k = " + k);
            assertEquals(gray.level(Math.max(k - 1, 0)), gray.rgba(boundary - 0x1p-20, -2, 6), "k = " + k);
        }
        assertEquals(gray.level(255), gray.rgba(6, -2, 6), "vmax itself is the top level");
        assertEquals(gray.level(255), gray.rgba(Math.nextDown(6.0), -2, 6));
    }

    @Test
    void valuesOutsideTheRangeTakeTheEndColours() {
        ColorMap viridis = map("viridis");
        assertEquals(viridis.level(0), viridis.rgba(-2.5, -2, 6));
        assertEquals(viridis.level(0), viridis.rgba(Math.nextDown(-2.0), -2, 6));
        assertEquals(viridis.level(0), viridis.rgba(Double.NEGATIVE_INFINITY, -2, 6));
        assertEquals(viridis.level(255), viridis.rgba(Math.nextUp(6.0), -2, 6));
        assertEquals(viridis.level(255), viridis.rgba(1e300, -2, 6));
        assertEquals(viridis.level(255), viridis.rgba(Double.POSITIVE_INFINITY, -2, 6));
    }

    @Test
    void nanIsTransparent() {
        for (String name : ColorMap.names()) {
            assertEquals(ColorMap.TRANSPARENT, map(name).rgba(Double.NaN, 0, 1), name);
            assertEquals(ColorMap.TRANSPARENT, map(name).rgba(Double.NaN, 3, 3), name);
            assertEquals(ColorMap.TRANSPARENT, map(name).rgba(0.5, Double.NaN, 1), name);
        }
        assertEquals(0, ColorMap.TRANSPARENT);
    }

    @Test
    void anEmptyRangeMapsEverythingToTheFirstLevel() {
        ColorMap rdBuR = map("RdBu_r");
        for (double value : new double[] {3, -100, 100, Double.POSITIVE_INFINITY}) {
            assertEquals(rdBuR.level(0), rdBuR.rgba(value, 3, 3), "value " + value);
        }
    }

    @Test
    void aReversedRangeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> map("gray").rgba(0.5, 1, 0));
    }

    @Test
    void namesAreMatplotlibsAndCaseSensitive() {
        List<String> names = ColorMap.names();
        List<String> required = List.of("RdBu_r", "RdBu", "viridis", "viridis_r", "gray", "gray_r", "Greys", "Greys_r");
        for (String name : required) {
            assertTrue(names.contains(name), name);
        }
        for (String name : names) {
            assertEquals(name, map(name).name());
        }
        // matplotlib 3.6 knows neither "grey" nor other spellings
        for (String unknown : List.of("grey", "Gray", "rdbu_r", "Viridis", "greys", "nope", "")) {
            assertTrue(ColorMap.named(unknown).isEmpty(), unknown);
        }
    }
}
