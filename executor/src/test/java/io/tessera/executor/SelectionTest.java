package io.tessera.executor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class SelectionTest {
    @Test
    void slicesFollowPythonsRules() {
        assertEquals(new AxisSelection.Range(0, 1, 10), AxisSelection.slice(null, null, null, 10));
        assertEquals(new AxisSelection.Range(9, -1, 10), AxisSelection.slice(null, null, -1L, 10));
        assertEquals(new AxisSelection.Range(8, -3, 3), AxisSelection.slice(-2L, null, -3L, 10));
        assertEquals(new AxisSelection.Range(0, 1, 0), AxisSelection.slice(5L, 2L, null, 10));
        assertEquals(new AxisSelection.Range(2, 5, 2), AxisSelection.slice(2L, 100L, 5L, 10));
        assertEquals(new AxisSelection.Range(0, 1, 3), AxisSelection.slice(-100L, 3L, null, 10));
    }

    @Test
    void selectionsComposeLikeIndexingTwice() {
        long[] shape = {10, 20};
        // x[2:8, ::2] then [::-1, 3] == x[7:1:-1, 6]
        Selection first = new Selection(List.of(AxisSelection.slice(2L, 8L, null, 10),
                AxisSelection.slice(null, null, 2L, 20)), new int[] {0, 1});
        Selection second = new Selection(List.of(AxisSelection.slice(null, null, -1L, 6), AxisSelection.single(3)),
                new int[] {0});
        Selection composed = first.then(second);
        assertArrayEquals(new long[] {6}, composed.outputShape());
        assertEquals(new AxisSelection.Range(7, -1, 6), composed.axis(0));
        assertEquals(new AxisSelection.Range(6, 1, 1), composed.axis(1));
        assertArrayEquals(new int[] {0}, composed.outputAxes());
        assertArrayEquals(new long[] {6}, Selection.all(shape).then(composed).outputShape());
    }

    @Test
    void transposesAndNewAxesAreSelections() {
        Selection transpose = Selection.transpose(new long[] {3, 4}, new int[] {1, 0});
        assertArrayEquals(new long[] {4, 3}, transpose.outputShape());
        Selection addAxis = new Selection(List.of(AxisSelection.all(4), AxisSelection.all(3)),
                new int[] {0, Selection.NEW_AXIS, 1});
        Selection both = transpose.then(addAxis);
        assertArrayEquals(new long[] {4, 1, 3}, both.outputShape());
        assertArrayEquals(new int[] {1, Selection.NEW_AXIS, 0}, both.outputAxes());
    }

    @Test
    void anAddedAxisEmptiedLaterHasNoComposedForm() {
        Selection addAxis = new Selection(List.of(AxisSelection.all(4)), new int[] {Selection.NEW_AXIS, 0});
        Selection empty = new Selection(List.of(new AxisSelection.Range(0, 1, 0), AxisSelection.all(4)),
                new int[] {0, 1});
        assertNull(addAxis.then(empty));
    }

    @Test
    void evenlySpacedPointsBecomeARange() {
        assertEquals(new AxisSelection.Range(1, 3, 3), AxisSelection.Points.of(new long[] {1, 4, 7}));
        assertEquals(new AxisSelection.Points(new long[] {3, 0, 5}), AxisSelection.Points.of(new long[] {3, 0, 5}));
    }
}
