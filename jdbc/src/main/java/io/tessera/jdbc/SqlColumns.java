package io.tessera.jdbc;

import io.tessera.executor.Block;
import io.tessera.executor.DType;
import java.math.BigDecimal;
import java.sql.DatabaseMetaData;
import java.sql.Types;
import org.apache.calcite.avatica.ColumnMetaData;

/**
 * The SQL type of each dtype and the Java value a cell of it becomes: float64 DOUBLE, float32 REAL,
 * int8..int64 TINYINT..BIGINT, the unsigned integers the next wider signed type (uint64 as
 * DECIMAL(20)), bool BOOLEAN, strings VARCHAR.
 */
final class SqlColumns {
    private SqlColumns() {
    }

    /** A column of {@code dtype} values; null {@code dtype} for strings. */
    static ColumnMetaData of(int ordinal, String name, DType dtype) {
        if (dtype == null) {
            return column(ordinal, name, Types.VARCHAR, "VARCHAR", ColumnMetaData.Rep.STRING, 0, 0, false);
        }
        return switch (dtype) {
            case BOOL -> column(ordinal, name, Types.BOOLEAN, "BOOLEAN", ColumnMetaData.Rep.BOOLEAN, 1, 5, false);
            case INT8 -> column(ordinal, name, Types.TINYINT, "TINYINT", ColumnMetaData.Rep.BYTE, 3, 4, true);
            case INT16, UINT8 -> column(ordinal, name, Types.SMALLINT, "SMALLINT", ColumnMetaData.Rep.SHORT, 5, 6,
                    true);
            case INT32, UINT16 -> column(ordinal, name, Types.INTEGER, "INTEGER", ColumnMetaData.Rep.INTEGER, 10, 11,
                    true);
            case INT64, UINT32 -> column(ordinal, name, Types.BIGINT, "BIGINT", ColumnMetaData.Rep.LONG, 19, 20, true);
            case UINT64 -> column(ordinal, name, Types.DECIMAL, "DECIMAL", ColumnMetaData.Rep.NUMBER, 20, 20, true);
            case FLOAT32 -> column(ordinal, name, Types.REAL, "REAL", ColumnMetaData.Rep.FLOAT, 7, 15, true);
            case FLOAT64 -> column(ordinal, name, Types.DOUBLE, "DOUBLE", ColumnMetaData.Rep.DOUBLE, 15, 24, true);
        };
    }

    /** An index column {@code i0, i1, ...}: a BIGINT. */
    static ColumnMetaData index(int axis) {
        return column(axis, "i" + axis, Types.BIGINT, "BIGINT", ColumnMetaData.Rep.LONG, 19, 20, true);
    }

    /** A VARCHAR column, for the answers of statements other than SELECT. */
    static ColumnMetaData text(int ordinal, String name) {
        return of(ordinal, name, null);
    }

    /** A BIGINT column, for counts and sizes in those answers. */
    static ColumnMetaData count(int ordinal, String name) {
        return of(ordinal, name, DType.INT64);
    }

    /** Element {@code index} of {@code block} as its column's Java type. */
    static Object value(Block block, int index) {
        DType dtype = block.dtype();
        return switch (dtype) {
            case BOOL -> block.getLong(index) != 0;
            case INT8 -> (byte) block.getLong(index);
            case INT16, UINT8 -> (short) block.getLong(index);
            case INT32, UINT16 -> (int) block.getLong(index);
            case INT64, UINT32 -> block.getLong(index);
            case UINT64 -> new BigDecimal(Long.toUnsignedString(block.getLong(index)));
            case FLOAT32 -> (float) block.getDouble(index);
            case FLOAT64 -> block.getDouble(index);
        };
    }

    private static ColumnMetaData column(int ordinal, String name, int sqlType, String typeName,
            ColumnMetaData.Rep rep, int precision, int displaySize, boolean signed) {
        ColumnMetaData.ScalarType type = ColumnMetaData.scalar(sqlType, typeName, rep);
        return new ColumnMetaData(ordinal, false, true, false, false, DatabaseMetaData.columnNoNulls, signed,
                displaySize == 0 ? 40 : displaySize, name, name, null, precision, 0, null, null, type, true, false,
                false, type.columnClassName());
    }
}
