package io.tessera.engine.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.tessera.engine.TesseraException;
import io.tessera.engine.result.DescribeResult;
import io.tessera.engine.result.ExplainResult;
import io.tessera.engine.result.IntoResult;
import io.tessera.engine.result.ListingResult;
import io.tessera.engine.result.MessageResult;
import io.tessera.engine.result.QueryResult;
import io.tessera.engine.result.ResultItem;
import io.tessera.engine.result.SourceRead;
import io.tessera.engine.result.StatementResult;
import io.tessera.executor.Block;
import io.tessera.executor.DType;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * One JSON object per statement, on one line, as docs/LANGUAGE.md specifies: arrays as nested
 * lists, NaN and infinities as the strings "NaN", "Infinity" and "-Infinity".
 */
public final class JsonFormat implements ResultFormat {
    private static final JsonFactory FACTORY = new com.fasterxml.jackson.databind.MappingJsonFactory(); // writes maps too

    /** DESCRIBE lists at most this many chunk sizes per axis (an absurdly chunked axis would not fit in memory). */
    private static final int MAX_LISTED_CHUNKS = 1_000_000;

    /** Writes a JSON object with {@code body}. */
    private interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    private static String object(Body body) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            body.write(json);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out + "\n";
    }

    @Override
    public String format(StatementResult result) {
        if (result instanceof QueryResult query) {
            return object(json -> query(query, json));
        }
        if (result instanceof ExplainResult explain) {
            return object(json -> explain(explain, json));
        }
        if (result instanceof IntoResult into) {
            return object(json -> into(into, json));
        }
        if (result instanceof DescribeResult describe) {
            return object(json -> describe(describe, json));
        }
        if (result instanceof ListingResult listing) {
            return object(json -> {
                json.writeArrayFieldStart(listing.kind());
                for (Map<String, String> row : listing.rows()) {
                    json.writeStartObject();
                    for (String column : listing.columns()) {
                        json.writeStringField(column, row.get(column));
                    }
                    json.writeEndObject();
                }
                json.writeEndArray();
            });
        }
        MessageResult message = (MessageResult) result;
        return object(json -> json.writeStringField("message", message.message()));
    }

    /**
     * {@code {"into": {sink arguments}, "shape": [...], "dtype": "...", "bytes": n, ...}}: shape and
     * dtype of the first array written, bytes of them all; "items" lists each.
     */
    private static void into(IntoResult into, JsonGenerator json) throws IOException {
        json.writeFieldName("into");
        json.writeObject(into.into());
        IntoResult.Written first = into.items().get(0);
        writeShape(first.shape(), json);
        json.writeStringField("dtype", first.dtype());
        json.writeNumberField("bytes", into.bytes());
        json.writeArrayFieldStart("items");
        for (IntoResult.Written written : into.items()) {
            json.writeStartObject();
            json.writeStringField("name", written.name());
            json.writeStringField("target", written.target());
            json.writeStringField("dtype", written.dtype());
            writeShape(written.shape(), json);
            json.writeNumberField("bytes", written.bytes());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeNumberField("elapsed_ms", into.elapsedMs());
    }

    private static void writeShape(long[] shape, JsonGenerator json) throws IOException {
        json.writeArrayFieldStart("shape");
        for (long dim : shape) {
            json.writeNumber(dim);
        }
        json.writeEndArray();
    }

    private static void query(QueryResult query, JsonGenerator json) throws IOException {
        json.writeArrayFieldStart("columns");
        for (ResultItem item : query.items()) {
            json.writeStartObject();
            json.writeStringField("name", item.name());
            json.writeStringField("dtype", item.dtypeName());
            writeShape(item.shape(), json);
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("values");
        for (ResultItem item : query.items()) {
            if (item.isText()) {
                json.writeString(item.text());
            } else {
                writeArray(item.values(), json);
            }
        }
        json.writeEndArray();
        json.writeNumberField("elapsed_ms", query.elapsedMs());
    }

    /** An array as nested lists (a 0-d array as its value). */
    static void writeArray(Block block, JsonGenerator json) throws IOException {
        int[] shape = block.shape();
        if (shape.length == 0) {
            writeValue(block, 0, json);
            return;
        }
        writeNested(block, shape, 0, 0, json);
    }

    private static void writeNested(Block block, int[] shape, int axis, int offset, JsonGenerator json)
            throws IOException {
        int stride = 1;
        for (int a = axis + 1; a < shape.length; a++) {
            stride *= shape[a];
        }
        json.writeStartArray();
        for (int i = 0; i < shape[axis]; i++) {
            if (axis == shape.length - 1) {
                writeValue(block, offset + i, json);
            } else {
                writeNested(block, shape, axis + 1, offset + i * stride, json);
            }
        }
        json.writeEndArray();
    }

    static void writeValue(Block block, int index, JsonGenerator json) throws IOException {
        DType dtype = block.dtype();
        if (dtype.isBool()) {
            json.writeBoolean(block.getLong(index) != 0);
        } else if (dtype == DType.UINT64) {
            json.writeNumber(new java.math.BigInteger(Long.toUnsignedString(block.getLong(index))));
        } else if (!dtype.isFloat()) {
            json.writeNumber(block.getLong(index));
        } else {
            double value = block.getDouble(index);
            if (Double.isNaN(value)) {
                json.writeString("NaN");
            } else if (Double.isInfinite(value)) {
                json.writeString(value > 0 ? "Infinity" : "-Infinity");
            } else {
                json.writeNumber(NumberText.repr(value, dtype == DType.FLOAT32));
            }
        }
    }

    private static void explain(ExplainResult explain, JsonGenerator json) throws IOException {
        json.writeStringField("plan", explain.planText());
        json.writeNumberField("tasks", explain.tasks());
        json.writeArrayFieldStart("sources");
        for (SourceRead read : explain.sources()) {
            json.writeStartObject();
            json.writeStringField("source", read.source());
            json.writeNumberField("chunks_read", read.chunksRead());
            json.writeNumberField("chunks_total", read.chunksTotal());
            json.writeNumberField("bytes_read", read.bytesRead());
            json.writeNumberField("bytes_total", read.bytesTotal());
            if (read.generated()) {
                json.writeBooleanField("generated", true);
            }
            json.writeEndObject();
        }
        json.writeEndArray();
        if (explain.analyzed()) {
            json.writeNumberField("elapsed_ms", explain.elapsedMs());
            json.writeNumberField("peak_memory_bytes", explain.peakMemoryBytes());
        }
    }

    private static void describe(DescribeResult describe, JsonGenerator json) throws IOException {
        json.writeArrayFieldStart("describe");
        for (DescribeResult.Description array : describe.arrays()) {
            json.writeStartObject();
            json.writeStringField("name", array.name());
            json.writeStringField("dtype", array.dtype());
            json.writeArrayFieldStart("shape");
            for (long dim : array.shape()) {
                json.writeNumber(dim);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("chunks");
            for (int axis = 0; axis < array.chunks().ndim(); axis++) {
                json.writeStartArray();
                io.tessera.executor.AxisChunks chunks = array.chunks().axis(axis);
                for (int i = 0; i < Math.min(chunks.count(), MAX_LISTED_CHUNKS); i++) {
                    json.writeNumber(chunks.size(i));
                }
                json.writeEndArray();
            }
            json.writeEndArray();
            json.writeNumberField("bytes", array.bytes());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    @Override
    public String error(TesseraException error) {
        return object(json -> {
            json.writeObjectFieldStart("error");
            json.writeStringField("message", error.getMessage());
            if (error.hasPosition()) {
                json.writeNumberField("line", error.line());
                json.writeNumberField("column", error.column());
            }
            json.writeStringField("category", error.category().name().toLowerCase(java.util.Locale.ROOT));
            json.writeEndObject();
        });
    }
}
