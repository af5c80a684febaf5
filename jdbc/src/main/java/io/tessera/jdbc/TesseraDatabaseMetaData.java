package io.tessera.jdbc;

import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaDatabaseMetaData;

/** Avatica's DatabaseMetaData over {@link TesseraMeta}: views as tables, functions as functions. */
final class TesseraDatabaseMetaData extends AvaticaDatabaseMetaData {
    TesseraDatabaseMetaData(AvaticaConnection connection) {
        super(connection);
    }

    @Override
    public String getIdentifierQuoteString() {
        return "\"";
    }
}
