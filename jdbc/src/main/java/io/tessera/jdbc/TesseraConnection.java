package io.tessera.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Properties;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaFactory;
import org.apache.calcite.avatica.UnregisteredDriver;

/** A connection: one Tessera session, its views and functions, and its settings. */
final class TesseraConnection extends AvaticaConnection {
    TesseraConnection(UnregisteredDriver driver, AvaticaFactory factory, String url, Properties info) {
        super(driver, factory, url, info);
    }

    /** The properties the driver made from the URL (Avatica keeps them protected). */
    Properties properties() {
        return info;
    }

    TesseraMeta tesseraMeta() {
        return (TesseraMeta) meta;
    }

    /** Preparing checks the statement's syntax; its errors come as Tessera's, not wrapped. */
    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency,
            int resultSetHoldability) throws SQLException {
        try {
            return super.prepareStatement(sql, resultSetType, resultSetConcurrency, resultSetHoldability);
        } catch (SQLException e) {
            throw SqlErrors.unwrap(e);
        }
    }
}
