package io.tessera.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaDatabaseMetaData;

/**
 * Avatica's DatabaseMetaData over {@link TesseraMeta}: views as tables, functions as functions,
 * and Tessera's errors as {@link SQLException}s.
 */
final class TesseraDatabaseMetaData extends AvaticaDatabaseMetaData {
    TesseraDatabaseMetaData(AvaticaConnection connection) {
        super(connection);
    }

    @Override
    public String getIdentifierQuoteString() {
        return "\"";
    }

    @Override
    public ResultSet getTables(String catalog, String schemaPattern, String tableNamePattern, String[] types)
            throws SQLException {
        try {
            return super.getTables(catalog, schemaPattern, tableNamePattern, types);
        } catch (RuntimeException e) {
            throw SqlErrors.unwrap(e);
        }
    }

    @Override
    public ResultSet getColumns(String catalog, String schemaPattern, String tableNamePattern,
            String columnNamePattern) throws SQLException {
        try {
            return super.getColumns(catalog, schemaPattern, tableNamePattern, columnNamePattern);
        } catch (RuntimeException e) {
            throw SqlErrors.unwrap(e);
        }
    }

    @Override
    public ResultSet getFunctions(String catalog, String schemaPattern, String functionNamePattern)
            throws SQLException {
        try {
            return super.getFunctions(catalog, schemaPattern, functionNamePattern);
        } catch (RuntimeException e) {
            throw SqlErrors.unwrap(e);
        }
    }
}
