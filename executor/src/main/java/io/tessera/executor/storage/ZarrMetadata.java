package io.tessera.executor.storage;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tessera.executor.Block;
import io.tessera.executor.ChunkGrid;
import io.tessera.executor.DType;
import io.tessera.executor.ExecutorException;
import io.tessera.executor.Shapes;
import java.math.BigInteger;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;

/**
 * The metadata of one Zarr v2 array, the {@code .zarray} document: shape, chunk shape, element type
 * and byte order, fill value, compressor and how chunk keys are spelled. Parsed by
 * {@link ZarrArray}, written by {@code ZarrWriter}; only what Tessera reads and writes is modelled
 * (C order, no filters, no compressor or zlib or gzip).
 */
public final class ZarrMetadata {
    /** The key of an array's metadata document. */
    public static final String ARRAY_KEY = ".zarray";
    /** The key of a group's metadata document. */
    public static final String GROUP_KEY = ".zgroup";
    /** The whole {@code .zgroup} document of a Zarr v2 group. */
    public static final String GROUP_DOCUMENT = "{\n    \"zarr_format\": 2\n}\n";

    /** How chunk bytes are compressed. */
    public enum Compressor {
        NONE,
        /** numcodecs' {@code zlib}: a zlib stream (RFC 1950). */
        ZLIB,
        /** numcodecs' {@code gzip}: a gzip member (RFC 1952). */
        GZIP
    }

    // zarr-python writes NaN fill values as "NaN" but other writers emit bare NaN: accept both
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private final long[] shape;
    private final long[] chunks;
    private final DType dtype;
    private final ByteOrder byteOrder;
    private final Block fillValue;
    private final Compressor compressor;
    private final int level;
    private final char separator;

    private ZarrMetadata(long[] shape, long[] chunks, DType dtype, ByteOrder byteOrder, Block fillValue,
            Compressor compressor, int level, char separator) {
        this.shape = shape;
        this.chunks = chunks;
        this.dtype = dtype;
        this.byteOrder = byteOrder;
        this.fillValue = fillValue;
        this.compressor = compressor;
        this.level = level;
        this.separator = separator;
    }

    /**
     * The metadata Tessera writes: little-endian, C order, fill value 0 ({@code false}, {@code 0.0}),
     * keys separated by {@code "."}; {@code level} matters only for zlib.
     */
    public static ZarrMetadata forWriting(DType dtype, long[] shape, long[] chunks, Compressor compressor, int level) {
        return new ZarrMetadata(shape.clone(), chunks.clone(), dtype, ByteOrder.LITTLE_ENDIAN,
                Block.allocate(dtype, new int[0]), compressor, level, '.');
    }

    /** Parses a {@code .zarray} document; {@code fileName} is how errors name it. */
    public static ZarrMetadata parse(byte[] json, String fileName) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw invalid(fileName, "it is not valid JSON: " + firstLine(e.getOriginalMessage()));
        } catch (java.io.IOException e) {
            throw invalid(fileName, "it cannot be parsed: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw invalid(fileName, "it is not a JSON object");
        }
        JsonNode format = root.get("zarr_format");
        if (format == null || !format.isIntegralNumber()) {
            throw invalid(fileName, "it has no integer 'zarr_format'");
        }
        if (format.asInt() != 2) {
            throw unsupported(fileName, "zarr_format " + format.asText() + " is not supported (only 2)");
        }
        long[] shape = longs(root, "shape", fileName, 0);
        long[] chunks = longs(root, "chunks", fileName, 1);
        if (shape.length != chunks.length) {
            throw invalid(fileName, "its shape " + Shapes.format(shape) + " and chunks " + Shapes.format(chunks)
                    + " differ in rank");
        }
        JsonNode dtypeNode = root.get("dtype");
        if (dtypeNode == null || !dtypeNode.isTextual()) {
            // a list here is a structured dtype
            throw unsupported(fileName, "dtype " + (dtypeNode == null ? "is missing" : dtypeNode + " is not supported"));
        }
        String code = dtypeNode.asText();
        DType dtype = dtypeOf(code, fileName);
        ByteOrder byteOrder = code.charAt(0) == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        JsonNode order = root.get("order");
        if (order == null || !order.isTextual()) {
            throw invalid(fileName, "it has no 'order'");
        }
        if (!order.asText().equals("C")) {
            throw unsupported(fileName, "order '" + order.asText() + "' is not supported (only C)");
        }
        JsonNode filters = root.get("filters");
        if (filters != null && !filters.isNull() && !(filters.isArray() && filters.isEmpty())) {
            throw unsupported(fileName, "filters " + filterIds(filters) + " are not supported (only none)");
        }
        JsonNode compressorNode = root.get("compressor");
        Compressor compressor = Compressor.NONE;
        int level = 0;
        if (compressorNode != null && !compressorNode.isNull()) {
            String id = compressorNode.path("id").asText("");
            compressor = switch (id) {
                case "zlib" -> Compressor.ZLIB;
                case "gzip" -> Compressor.GZIP;
                default -> throw unsupported(fileName, "compressor '" + id
                        + "' is not supported (only zlib, gzip or none)");
            };
            level = compressorNode.path("level").asInt(0);
        }
        JsonNode separatorNode = root.get("dimension_separator");
        char separator = '.';
        if (separatorNode != null && !separatorNode.isNull()) {
            String text = separatorNode.asText();
            if (!text.equals(".") && !text.equals("/")) {
                throw invalid(fileName, "dimension_separator '" + text + "' is neither '.' nor '/'");
            }
            separator = text.charAt(0);
        }
        Block fill = fillValueOf(root.get("fill_value"), dtype, fileName);
        ZarrMetadata metadata = new ZarrMetadata(shape, chunks, dtype, byteOrder, fill, compressor, level, separator);
        if ((long) Integer.MAX_VALUE / dtype.itemSize() < metadata.chunkElementsExact()) {
            throw unsupported(fileName, "chunks of " + Shapes.format(chunks) + " " + dtype
                    + " elements are too large to read (at most 2 GiB each)");
        }
        return metadata;
    }

    /** This metadata as a {@code .zarray} document, keys in zarr-python's (sorted) order. */
    public String toJson() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ArrayNode chunkList = root.putArray("chunks");
        Arrays.stream(chunks).forEach(chunkList::add);
        if (compressor == Compressor.NONE) {
            root.putNull("compressor");
        } else {
            root.putObject("compressor").put("id", compressor.name().toLowerCase(java.util.Locale.ROOT))
                    .put("level", level);
        }
        root.put("dimension_separator", String.valueOf(separator));
        root.put("dtype", dtype.typeString(byteOrder));
        putFillValue(root);
        root.putNull("filters");
        root.put("order", "C");
        ArrayNode shapeList = root.putArray("shape");
        Arrays.stream(shape).forEach(shapeList::add);
        root.put("zarr_format", 2);
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot write a JSON tree", e);
        }
    }

    private void putFillValue(ObjectNode root) {
        if (dtype.isBool()) {
            root.put("fill_value", fillValue.getLong(0) != 0);
        } else if (dtype.isFloat()) {
            double value = fillValue.getDouble(0);
            if (Double.isNaN(value)) {
                root.put("fill_value", "NaN");
            } else if (Double.isInfinite(value)) {
                root.put("fill_value", value > 0 ? "Infinity" : "-Infinity");
            } else {
                root.put("fill_value", value);
            }
        } else if (dtype == DType.UINT64) {
            root.put("fill_value", new BigInteger(Long.toUnsignedString(fillValue.getLong(0))));
        } else {
            root.put("fill_value", fillValue.getLong(0));
        }
    }

    private static DType dtypeOf(String code, String fileName) {
        DType dtype = code.length() < 3 ? null : DType.ofKindAndSize(code.substring(1)).orElse(null);
        char order = code.isEmpty() ? '?' : code.charAt(0);
        // '|' (no byte order) only makes sense for one-byte elements
        boolean orderFits = order == '<' || order == '>' || (order == '|' && dtype != null && dtype.itemSize() == 1);
        if (dtype == null || !orderFits) {
            throw unsupported(fileName, "dtype '" + code + "' is not supported (only bool, integers of 1 to 8 bytes,"
                    + " float32 and float64)");
        }
        return dtype;
    }

    private static Block fillValueOf(JsonNode node, DType dtype, String fileName) {
        Block fill = Block.allocate(dtype, new int[0]);
        // null means "no fill value": chunks never written read as zeros, as in NumPy's np.zeros
        if (node == null || node.isNull()) {
            return fill;
        }
        if (node.isTextual()) {
            double value = switch (node.asText()) {
                case "NaN" -> Double.NaN;
                case "Infinity" -> Double.POSITIVE_INFINITY;
                case "-Infinity" -> Double.NEGATIVE_INFINITY;
                default -> throw invalid(fileName, "fill_value \"" + node.asText() + "\" is not a number");
            };
            if (!dtype.isFloat()) {
                throw invalid(fileName, "fill_value \"" + node.asText() + "\" does not fit dtype " + dtype);
            }
            fill.setDouble(0, value);
        } else if (node.isBoolean()) {
            fill.setLong(0, node.asBoolean() ? 1 : 0);
        } else if (node.isIntegralNumber()) {
            BigInteger value = node.bigIntegerValue();
            if (dtype.isFloat()) {
                fill.setDouble(0, value.doubleValue());
            } else {
                // the bits of the value: 2**64 - 1 for a uint64 is the long -1
                fill.setLong(0, value.longValue());
            }
        } else if (node.isNumber()) {
            fill.setDouble(0, node.doubleValue());
        } else {
            throw invalid(fileName, "fill_value " + node + " is not a number");
        }
        return fill;
    }

    private static long[] longs(JsonNode root, String key, String fileName, long minimum) {
        JsonNode node = root.get(key);
        if (node == null || !node.isArray()) {
            throw invalid(fileName, "it has no '" + key + "' list");
        }
        long[] values = new long[node.size()];
        for (int i = 0; i < values.length; i++) {
            JsonNode item = node.get(i);
            if (!item.isIntegralNumber() || !item.canConvertToLong() || item.asLong() < minimum) {
                throw invalid(fileName, "its '" + key + "' " + node + " is not a list of integers of at least "
                        + minimum);
            }
            values[i] = item.asLong();
        }
        return values;
    }

    private static String filterIds(JsonNode filters) {
        List<String> ids = new ArrayList<>();
        for (JsonNode filter : filters) {
            ids.add("'" + filter.path("id").asText("?") + "'");
        }
        return ids.isEmpty() ? filters.toString() : String.join(", ", ids);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static ExecutorException invalid(String fileName, String why) {
        return new ExecutorException(ExecutorException.Kind.IO, fileName + " is not valid Zarr v2 metadata: " + why);
    }

    private static ExecutorException unsupported(String fileName, String what) {
        return new ExecutorException(ExecutorException.Kind.UNSUPPORTED, fileName + ": " + what);
    }

    /** The array's shape. */
    public long[] shape() {
        return shape.clone();
    }

    /** The shape of every stored chunk, edge chunks included (they are stored whole, padded). */
    public long[] chunks() {
        return chunks.clone();
    }

    public DType dtype() {
        return dtype;
    }

    /** The byte order of stored elements. */
    public ByteOrder byteOrder() {
        return byteOrder;
    }

    /** The value of elements whose chunk was never written, as a 0-d block of {@link #dtype()}. */
    public Block fillValue() {
        Block copy = Block.allocate(dtype, new int[0]);
        Block.copy(fillValue, 0, copy, 0, 1);
        return copy;
    }

    public Compressor compressor() {
        return compressor;
    }

    /** The compression level written in the metadata (0 when uncompressed). */
    public int level() {
        return level;
    }

    /** The character between chunk indices in chunk keys, {@code '.'} or {@code '/'}. */
    public char separator() {
        return separator;
    }

    /** The chunk grid of the array: chunks of {@link #chunks()}, clipped at the array's edge. */
    public ChunkGrid grid() {
        return ChunkGrid.regular(shape, chunks);
    }

    /** Elements in one stored chunk. */
    public int chunkElements() {
        return Math.toIntExact(chunkElementsExact());
    }

    private long chunkElementsExact() {
        // saturates rather than overflows, so that absurd chunk shapes are refused with a message
        long elements = 1;
        for (long chunk : chunks) {
            elements = chunk != 0 && elements > Long.MAX_VALUE / chunk ? Long.MAX_VALUE : elements * chunk;
        }
        return elements;
    }

    /** Bytes of one stored chunk before compression. */
    public int chunkBytes() {
        return Math.multiplyExact(chunkElements(), dtype.itemSize());
    }

    /** The key of a chunk: its indices joined by the separator, {@code "0"} for a 0-d array. */
    public String chunkKey(int[] chunk) {
        if (chunk.length == 0) {
            return "0";
        }
        StringJoiner key = new StringJoiner(String.valueOf(separator));
        for (int index : chunk) {
            key.add(Integer.toString(index));
        }
        return key.toString();
    }
}
