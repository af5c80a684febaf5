package io.tessera.executor.kernel;

import io.tessera.executor.Block;
import io.tessera.executor.Numbers;

/**
 * Moves elements between blocks and computation lanes: floats compute in {@code double[]} lanes,
 * integers and bool in {@code long[]} lanes (uint64 as its bits).
 */
public final class Lanes {
    private Lanes() {
    }

    /** Loads {@code n} elements from {@code offset} of a float block into a double lane. */
    public static void loadDouble(Block block, int offset, double[] lane, int n) {
        switch (block.dtype()) {
            case FLOAT64 -> System.arraycopy((double[]) block.data(), offset, lane, 0, n);
            case FLOAT32 -> {
                float[] data = (float[]) block.data();
                for (int i = 0; i < n; i++) {
                    lane[i] = data[offset + i];
                }
            }
            default -> {
                for (int i = 0; i < n; i++) {
                    lane[i] = block.getDouble(offset + i);
                }
            }
        }
    }

    /** Loads {@code n} elements from {@code offset} of an integer or bool block into a long lane. */
    public static void loadLong(Block block, int offset, long[] lane, int n) {
        switch (block.dtype()) {
            case INT64, UINT64 -> System.arraycopy((long[]) block.data(), offset, lane, 0, n);
            case INT32 -> {
                int[] data = (int[]) block.data();
                for (int i = 0; i < n; i++) {
                    lane[i] = data[offset + i];
                }
            }
            case UINT32 -> {
                int[] data = (int[]) block.data();
                for (int i = 0; i < n; i++) {
                    lane[i] = data[offset + i] & 0xFFFFFFFFL;
                }
            }
            case INT16 -> {
                short[] data = (short[]) block.data();
                for (int i = 0; i < n; i++) {
                    lane[i] = data[offset + i];
                }
            }
            case UINT16 -> {
                short[] data = (short[]) block.data();
                for (int i = 0; i < n; i++) {
                    lane[i] = data[offset + i] & 0xFFFF;
                }
            }
            case BOOL, INT8 -> {
                byte[] data = (byte[]) block.data();
                for (int i = 0; i < n; i++) {
                    lane[i] = data[offset + i];
                }
            }
            case UINT8 -> {
                byte[] data = (byte[]) block.data();
                for (int i = 0; i < n; i++) {
                    lane[i] = data[offset + i] & 0xFF;
                }
            }
            default -> {
                for (int i = 0; i < n; i++) {
                    lane[i] = block.getLong(offset + i);
                }
            }
        }
    }

    /** Stores a double lane into a float block. */
    public static void storeDouble(double[] lane, Block block, int offset, int n) {
        switch (block.dtype()) {
            case FLOAT64 -> System.arraycopy(lane, 0, (double[]) block.data(), offset, n);
            case FLOAT32 -> {
                float[] data = (float[]) block.data();
                for (int i = 0; i < n; i++) {
                    data[offset + i] = (float) lane[i];
                }
            }
            default -> {
                for (int i = 0; i < n; i++) {
                    block.setDouble(offset + i, lane[i]);
                }
            }
        }
    }

    /** Stores a long lane (values already of the block's dtype) into an integer or bool block. */
    public static void storeLong(long[] lane, Block block, int offset, int n) {
        switch (block.dtype()) {
            case INT64, UINT64 -> System.arraycopy(lane, 0, (long[]) block.data(), offset, n);
            case INT32, UINT32 -> {
                int[] data = (int[]) block.data();
                for (int i = 0; i < n; i++) {
                    data[offset + i] = (int) lane[i];
                }
            }
            case INT16, UINT16 -> {
                short[] data = (short[]) block.data();
                for (int i = 0; i < n; i++) {
                    data[offset + i] = (short) lane[i];
                }
            }
            case BOOL, INT8, UINT8 -> {
                byte[] data = (byte[]) block.data();
                for (int i = 0; i < n; i++) {
                    data[offset + i] = (byte) lane[i];
                }
            }
            default -> {
                for (int i = 0; i < n; i++) {
                    block.setLong(offset + i, lane[i]);
                }
            }
        }
    }

    /** The double lane value of uint64 bits. */
    public static double unsigned(long bits) {
        return Numbers.unsignedToDouble(bits);
    }
}
