package io.tessera.planner.rel;

import io.tessera.executor.expr.ScalarFunction;
import java.util.EnumMap;
import java.util.Map;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;

/**
 * A Calcite operator for one of the executor's elementwise functions. Calls are always made with an
 * explicit result type (NumPy's), so Calcite's own type inference is never asked.
 */
public final class ElementwiseOperator extends SqlFunction {
    private static final Map<ScalarFunction, ElementwiseOperator> OPERATORS = new EnumMap<>(ScalarFunction.class);

    static {
        for (ScalarFunction function : ScalarFunction.values()) {
            OPERATORS.put(function, new ElementwiseOperator(function));
        }
    }

    private final ScalarFunction function;

    private ElementwiseOperator(ScalarFunction function) {
        super(function.name().toLowerCase(java.util.Locale.ROOT), SqlKind.OTHER_FUNCTION, ReturnTypes.ARG0, null,
                OperandTypes.VARIADIC, SqlFunctionCategory.NUMERIC);
        this.function = function;
    }

    public static ElementwiseOperator of(ScalarFunction function) {
        return OPERATORS.get(function);
    }

    public ScalarFunction function() {
        return function;
    }

    @Override
    public boolean isDeterministic() {
        return true;
    }
}
