package io.tessera.jdbc;

import io.tessera.engine.PreparedText;
import io.tessera.engine.Session;
import io.tessera.engine.TesseraException;
import io.tessera.engine.result.DescribeResult;
import io.tessera.engine.result.ListingResult;
import io.tessera.engine.result.StatementResult;
import io.tessera.executor.DType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaParameter;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.MetaImpl;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.QueryState;
import org.apache.calcite.avatica.remote.TypedValue;

/**
 * What Avatica asks of a database, answered by one Tessera {@link Session} per connection.
 * Statements of one connection run one at a time (the session is single-threaded); connections run
 * side by side. Views are the database's tables, in cell form; functions its functions.
 */
final class TesseraMeta extends MetaImpl {
    private final Session session;
    private final ReentrantLock sessionLock = new ReentrantLock();
    private final Map<Integer, PreparedText> prepared = new ConcurrentHashMap<>();
    private final Map<Integer, StatementRun> running = new ConcurrentHashMap<>();
    private volatile boolean closed;

    TesseraMeta(AvaticaConnection connection, Session session) {
        super(connection);
        this.session = session;
    }

    @Override
    public StatementHandle prepare(ConnectionHandle ch, String sql, long maxRowCount) {
        checkOpen();
        PreparedText text = PreparedText.of(sql);
        StatementHandle h = createStatement(ch);
        List<AvaticaParameter> parameters = new ArrayList<>();
        for (int i = 0; i < text.parameterCount(); i++) {
            parameters.add(new AvaticaParameter(true, 0, 0, java.sql.Types.OTHER, "ANY", Object.class.getName(),
                    "?" + (i + 1)));
        }
        h.signature = Signature.create(List.of(), sql, parameters, CursorFactory.ARRAY, StatementType.SELECT);
        prepared.put(h.id, text);
        return h;
    }

    @Override
    @SuppressWarnings("deprecation")
    public ExecuteResult prepareAndExecute(StatementHandle h, String sql, long maxRowCount,
            PrepareCallback callback) throws NoSuchStatementException {
        return prepareAndExecute(h, sql, maxRowCount, -1, callback);
    }

    @Override
    public ExecuteResult prepareAndExecute(StatementHandle h, String sql, long maxRowCount, int maxRowsInFirstFrame,
            PrepareCallback callback) throws NoSuchStatementException {
        MetaResultSet result = run(h, sql, maxRowCount);
        try {
            synchronized (callback.getMonitor()) {
                callback.clear();
                callback.assign(result.signature, result.firstFrame, result.updateCount);
            }
            callback.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new ExecuteResult(List.of(result));
    }

    @Override
    @SuppressWarnings("deprecation")
    public ExecuteResult execute(StatementHandle h, List<TypedValue> parameterValues, long maxRowCount)
            throws NoSuchStatementException {
        return execute(h, parameterValues, -1);
    }

    @Override
    public ExecuteResult execute(StatementHandle h, List<TypedValue> parameterValues, int maxRowsInFirstFrame)
            throws NoSuchStatementException {
        PreparedText text = preparedText(h);
        AvaticaStatement statement = connection.statementMap.get(h.id);
        long maxRows = statement == null ? -1 : maxRows(statement);
        return new ExecuteResult(List.of(run(h, text.bind(values(parameterValues)), maxRows)));
    }

    @Override
    public ExecuteBatchResult prepareAndExecuteBatch(StatementHandle h, List<String> sqlCommands)
            throws NoSuchStatementException {
        long[] counts = new long[sqlCommands.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = updateCount(run(h, sqlCommands.get(i), -1));
        }
        return new ExecuteBatchResult(counts);
    }

    @Override
    public ExecuteBatchResult executeBatch(StatementHandle h, List<List<TypedValue>> parameterValues)
            throws NoSuchStatementException {
        PreparedText text = preparedText(h);
        long[] counts = new long[parameterValues.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = updateCount(run(h, text.bind(values(parameterValues.get(i))), -1));
        }
        return new ExecuteBatchResult(counts);
    }

    private static long updateCount(MetaResultSet result) {
        return Math.max(result.updateCount, 0);
    }

    private PreparedText preparedText(StatementHandle h) throws NoSuchStatementException {
        PreparedText text = prepared.get(h.id);
        if (text == null) {
            throw new NoSuchStatementException(h);
        }
        return text;
    }

    /** The parameters as JDBC gave them (a date stays a date, and is refused when bound). */
    private static List<Object> values(List<TypedValue> parameterValues) {
        List<Object> values = new ArrayList<>();
        Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"), Locale.ROOT);
        for (TypedValue value : parameterValues) {
            values.add(value == null ? null : value.toJdbc(utc));
        }
        return values;
    }

    private static long maxRows(AvaticaStatement statement) {
        try {
            long max = statement.getLargeMaxRows();
            return max <= 0 ? -1 : max;
        } catch (SQLException e) {
            return -1;
        }
    }

    /**
     * Runs {@code sql} (one statement or a script; the last statement's answer is the result) on the
     * session, where {@code Statement.cancel()} and the statement's timeout can reach it, from the
     * moment it is asked for: also while it waits for the connection's previous statement.
     */
    private MetaResultSet run(StatementHandle h, String sql, long maxRowCount) throws NoSuchStatementException {
        checkOpen();
        int timeout = timeoutSeconds(connection.statementMap.get(h.id));
        // a cancel reaches the statement it meets, not the next one
        connection.getCancelFlag(h).set(false);
        try (StatementRun run = new StatementRun(session, timeout)) {
            running.put(h.id, run);
            try {
                awaitSession(run, timeout);
                try {
                    return execute(h, sql, maxRowCount, run, timeout);
                } finally {
                    sessionLock.unlock();
                }
            } finally {
                running.remove(h.id);
            }
        }
    }

    /** Takes the session once the connection's previous statement is done, unless this one is stopped first. */
    private void awaitSession(StatementRun run, int timeout) {
        try {
            while (!sessionLock.tryLock(20, TimeUnit.MILLISECONDS)) {
                if (run.stopped()) {
                    throw stopped(run, timeout, null);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw stopped(run, timeout, null);
        }
        if (closed || !run.start()) {
            sessionLock.unlock();
            throw closed ? new SqlErrors.Raised(SqlErrors.closedConnection()) : stopped(run, timeout, null);
        }
    }

    private MetaResultSet execute(StatementHandle h, String sql, long maxRowCount, StatementRun run, int timeout) {
        List<StatementResult> results;
        try {
            results = session.execute(sql);
        } catch (TesseraException e) {
            if (e.category() == TesseraException.Category.CANCELLED) {
                throw stopped(run, timeout, e);
            }
            throw e;
        }
        if (results.isEmpty()) {
            return MetaResultSet.count(h.connectionId, h.id, 0);
        }
        ResultTable table = ResultTable.of(results.get(results.size() - 1));
        if (table.isUpdate()) {
            return MetaResultSet.count(h.connectionId, h.id, 0);
        }
        Iterable<Object> rows = maxRowCount < 0 ? table.rows() : limit(table.rows(), maxRowCount);
        Signature signature = Signature.create(table.columns(), sql, List.of(), CursorFactory.ARRAY,
                StatementType.SELECT);
        return MetaResultSet.create(h.connectionId, h.id, false, signature, new Frame(0, true, rows));
    }

    /** The error of a stopped statement: a timeout's, or a cancel's. */
    private static RuntimeException stopped(StatementRun run, int timeout, TesseraException cause) {
        TesseraException error = cause != null ? cause
                : TesseraException.of(TesseraException.Category.CANCELLED, "statement cancelled");
        return run.timedOut() ? new SqlErrors.Raised(SqlErrors.timeout(timeout, error)) : error;
    }

    private void checkOpen() {
        if (closed) {
            throw new SqlErrors.Raised(SqlErrors.closedConnection());
        }
    }

    private static int timeoutSeconds(AvaticaStatement statement) {
        try {
            return statement == null ? 0 : statement.getQueryTimeout();
        } catch (SQLException e) {
            return 0;
        }
    }

    private static Iterable<Object> limit(Iterable<Object> rows, long max) {
        return () -> StreamSupport.stream(rows.spliterator(), false).limit(max).iterator();
    }

    /** Stops the statement {@code h} if it is running (or waiting to); false when it is not. */
    boolean cancel(StatementHandle h) {
        StatementRun run = running.get(h.id);
        if (run != null) {
            run.stop(false);
        }
        return run != null;
    }

    @Override
    public Frame fetch(StatementHandle h, long offset, int fetchMaxRowCount) {
        // every answer is whole in its first frame
        return new Frame(offset, true, Collections.emptyList());
    }

    @Override
    public boolean syncResults(StatementHandle sh, QueryState state, long offset) {
        return false;
    }

    @Override
    public void closeStatement(StatementHandle h) {
        prepared.remove(h.id);
    }

    /** Stops the running statement, waits for it to end, then closes the session. */
    @Override
    public void closeConnection(ConnectionHandle ch) {
        closed = true;
        running.values().forEach(run -> run.stop(false));
        sessionLock.lock();
        try {
            session.close();
        } finally {
            sessionLock.unlock();
        }
    }

    @Override
    public void commit(ConnectionHandle ch) {
        // nothing is transactional: every statement takes effect when it runs
    }

    @Override
    public void rollback(ConnectionHandle ch) {
        // as commit
    }

    // ---- DatabaseMetaData: views as tables, functions as functions ----

    @Override
    public Map<DatabaseProperty, Object> getDatabaseProperties(ConnectionHandle ch) {
        return Map.of(DatabaseProperty.GET_DEFAULT_TRANSACTION_ISOLATION, java.sql.Connection.TRANSACTION_NONE,
                DatabaseProperty.GET_DRIVER_VERSION, TesseraDriver.VERSION,
                DatabaseProperty.GET_NUMERIC_FUNCTIONS, "",
                DatabaseProperty.GET_S_Q_L_KEYWORDS, "DESCRIBE,EXPLAIN,ANALYZE,VIEWS,FUNCTIONS,SHOW");
    }

    @Override
    public MetaResultSet getTables(ConnectionHandle ch, String catalog, Pat schemaPattern, Pat tableNamePattern,
            List<String> typeList) {
        List<MetaTable> tables = new ArrayList<>();
        if (typeList == null || typeList.contains("VIEW")) {
            for (String view : viewNames(tableNamePattern)) {
                tables.add(new MetaTable(null, null, view, "VIEW"));
            }
        }
        return table(MetaTable.class, tables);
    }

    @Override
    public MetaResultSet getColumns(ConnectionHandle ch, String catalog, Pat schemaPattern, Pat tableNamePattern,
            Pat columnNamePattern) {
        List<MetaColumn> columns = new ArrayList<>();
        for (String view : viewNames(tableNamePattern)) {
            List<ColumnMetaData> viewColumns;
            try {
                viewColumns = viewColumns(view);
            } catch (TesseraException e) {
                continue;  // a view that cannot be bound now (its file is gone) has no columns to list
            }
            for (ColumnMetaData column : viewColumns) {
                if (matches(columnNamePattern, column.columnName)) {
                    columns.add(new MetaColumn(null, null, view, column.columnName, column.type.id, column.type.name,
                            column.precision, null, 10, DatabaseMetaData.columnNoNulls, null, column.ordinal + 1,
                            "NO"));
                }
            }
        }
        return table(MetaColumn.class, columns);
    }

    @Override
    public MetaResultSet getTableTypes(ConnectionHandle ch) {
        return table(MetaTableType.class, List.of(new MetaTableType("VIEW")));
    }

    @Override
    public MetaResultSet getFunctions(ConnectionHandle ch, String catalog, Pat schemaPattern,
            Pat functionNamePattern) {
        List<Object> rows = new ArrayList<>();
        ListingResult functions = (ListingResult) runMetadata("SHOW FUNCTIONS");
        for (Map<String, String> function : functions.rows()) {
            if (matches(functionNamePattern, function.get("name"))) {
                // FUNCTION_CAT, FUNCTION_SCHEM, FUNCTION_NAME, REMARKS, FUNCTION_TYPE, SPECIFIC_NAME
                rows.add(new Object[] {null, null, function.get("name"), function.get("kind") + ": "
                        + function.get("signature"), (short) DatabaseMetaData.functionResultUnknown,
                        function.get("name")});
            }
        }
        List<ColumnMetaData> columns = fieldMetaData(MetaFunction.class).columns;
        return createResultSet(Map.of(), columns, CursorFactory.ARRAY, new Frame(0, true, rows));
    }

    private List<String> viewNames(Pat pattern) {
        List<String> names = new ArrayList<>();
        for (Map<String, String> row : ((ListingResult) runMetadata("SHOW VIEWS")).rows()) {
            if (matches(pattern, row.get("name"))) {
                names.add(row.get("name"));
            }
        }
        return names;
    }

    /** A view's columns in cell form: its index columns, then its arrays. */
    private List<ColumnMetaData> viewColumns(String view) {
        DescribeResult describe = (DescribeResult) runMetadata("DESCRIBE \"" + view.replace("\"", "\"\"") + "\"");
        int dimensions = 0;
        for (DescribeResult.Description array : describe.arrays()) {
            dimensions = Math.max(dimensions, array.shape().length);
        }
        List<ColumnMetaData> columns = new ArrayList<>();
        for (int axis = 0; axis < dimensions; axis++) {
            columns.add(SqlColumns.index(axis));
        }
        for (DescribeResult.Description array : describe.arrays()) {
            columns.add(SqlColumns.of(columns.size(), array.name(), DType.parse(array.dtype()).orElse(null)));
        }
        return columns;
    }

    private StatementResult runMetadata(String statement) {
        checkOpen();
        sessionLock.lock();
        try {
            return session.execute(statement).get(0);
        } finally {
            sessionLock.unlock();
        }
    }

    /**
     * JDBC's LIKE patterns: {@code %} any run, {@code _} any one character, a backslash takes the next
     * character as it is ({@code getSearchStringEscape()}), null anything.
     */
    private static boolean matches(Pat pattern, String name) {
        if (pattern == null || pattern.s == null) {
            return true;
        }
        StringBuilder regex = new StringBuilder();
        char[] chars = pattern.s.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c == '\\' && i + 1 < chars.length) {
                regex.append(Pattern.quote(String.valueOf(chars[++i])));
            } else {
                regex.append(c == '%' ? ".*" : c == '_' ? "." : Pattern.quote(String.valueOf(c)));
            }
        }
        return name.matches(regex.toString());
    }

    /** Rows of one of Avatica's metadata records, as arrays of its public fields in order. */
    private <E> MetaResultSet table(Class<E> clazz, List<E> records) {
        List<Field> fields = new ArrayList<>();
        for (Field field : clazz.getFields()) {
            if (!Modifier.isStatic(field.getModifiers())) {
                fields.add(field);
            }
        }
        List<Object> rows = new ArrayList<>();
        for (E record : records) {
            Object[] row = new Object[fields.size()];
            for (int i = 0; i < row.length; i++) {
                try {
                    row[i] = fields.get(i).get(record);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
            rows.add(row);
        }
        return createResultSet(Map.of(), fieldMetaData(clazz).columns, CursorFactory.ARRAY, new Frame(0, true, rows));
    }
}
