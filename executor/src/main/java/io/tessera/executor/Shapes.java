package io.tessera.executor;

import java.util.Arrays;
import java.util.StringJoiner;

/** Arithmetic on shapes and row-major strides. */
public final class Shapes {
    private Shapes() {
    }

    public static long size(long[] shape) {
        long size = 1;
        for (long dim : shape) {
            size = Math.multiplyExact(size, dim);
        }
        return size;
    }

    public static int intSize(int[] shape) {
        long size = 1;
        for (int dim : shape) {
            size *= dim;
        }
        return Math.toIntExact(size);
    }

    /** Row-major strides in elements. */
    public static long[] strides(long[] shape) {
        long[] strides = new long[shape.length];
        long stride = 1;
        for (int axis = shape.length - 1; axis >= 0; axis--) {
            strides[axis] = stride;
            stride *= shape[axis];
        }
        return strides;
    }

    public static int[] strides(int[] shape) {
        int[] strides = new int[shape.length];
        int stride = 1;
        for (int axis = shape.length - 1; axis >= 0; axis--) {
            strides[axis] = stride;
            stride *= shape[axis];
        }
        return strides;
    }

    public static int[] toInt(long[] shape) {
        int[] result = new int[shape.length];
        for (int i = 0; i < shape.length; i++) {
            result[i] = Math.toIntExact(shape[i]);
        }
        return result;
    }

    public static long[] toLong(int[] shape) {
        return Arrays.stream(shape).asLongStream().toArray();
    }

    /** A shape as Python prints a tuple: {@code (3, 4)}, {@code (5,)}, {@code ()}. */
    public static String format(long[] shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        StringJoiner joiner = new StringJoiner(", ", "(", ")");
        for (long dim : shape) {
            joiner.add(Long.toString(dim));
        }
        return joiner.toString();
    }

    public static String format(int[] shape) {
        return format(toLong(shape));
    }

    /**
     * NumPy's broadcast of two shapes, or null when they do not broadcast.
     */
    public static long[] broadcast(long[] a, long[] b) {
        int ndim = Math.max(a.length, b.length);
        long[] result = new long[ndim];
        for (int i = 0; i < ndim; i++) {
            long da = i < ndim - a.length ? 1 : a[i - (ndim - a.length)];
            long db = i < ndim - b.length ? 1 : b[i - (ndim - b.length)];
            if (da == db || db == 1) {
                result[i] = da;
            } else if (da == 1) {
                result[i] = db;
            } else {
                return null;
            }
        }
        return result;
    }
}
