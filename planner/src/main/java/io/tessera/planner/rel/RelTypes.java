package io.tessera.planner.rel;

import io.tessera.executor.DType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Calcite's view of an array: a relation of one column whose SQL type is the element type. The
 * shape and chunks live on the array operators themselves.
 */
public final class RelTypes {
    private RelTypes() {
    }

    public static SqlTypeName sqlType(DType dtype) {
        return switch (dtype) {
            case BOOL -> SqlTypeName.BOOLEAN;
            case INT8 -> SqlTypeName.TINYINT;
            case INT16 -> SqlTypeName.SMALLINT;
            case INT32 -> SqlTypeName.INTEGER;
            case INT64 -> SqlTypeName.BIGINT;
            case UINT8 -> SqlTypeName.UTINYINT;
            case UINT16 -> SqlTypeName.USMALLINT;
            case UINT32 -> SqlTypeName.UINTEGER;
            case UINT64 -> SqlTypeName.UBIGINT;
            case FLOAT32 -> SqlTypeName.REAL;
            case FLOAT64 -> SqlTypeName.DOUBLE;
        };
    }

    public static DType dtype(RelDataType type) {
        return switch (type.getSqlTypeName()) {
            case BOOLEAN -> DType.BOOL;
            case TINYINT -> DType.INT8;
            case SMALLINT -> DType.INT16;
            case INTEGER -> DType.INT32;
            case BIGINT -> DType.INT64;
            case UTINYINT -> DType.UINT8;
            case USMALLINT -> DType.UINT16;
            case UINTEGER -> DType.UINT32;
            case UBIGINT -> DType.UINT64;
            case REAL, FLOAT -> DType.FLOAT32;
            case DOUBLE -> DType.FLOAT64;
            default -> throw new IllegalArgumentException("no dtype for " + type);
        };
    }

    public static RelDataType elementType(RelDataTypeFactory factory, DType dtype) {
        return factory.createTypeWithNullability(factory.createSqlType(sqlType(dtype)), false);
    }

    /** The row type of an array operator: one column {@code v} of the element type. */
    public static RelDataType rowType(RelDataTypeFactory factory, DType dtype) {
        return factory.builder().add("v", elementType(factory, dtype)).build();
    }
}
