package io.tessera.jdbc;

import io.tessera.engine.Session;
import io.tessera.engine.Tessera;
import io.tessera.engine.TesseraException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.DriverVersion;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.UnregisteredDriver;

/**
 * The JDBC driver for {@code jdbc:tessera:[DIR][?threads=N&memory_limit=512MB&chunk_bytes=8MB]}:
 * each connection is a Tessera session over the data root {@code DIR} (paths may not leave it), or
 * over the working directory when the URL names none. Found by {@link java.sql.DriverManager}
 * through {@code META-INF/services/java.sql.Driver}.
 */
public final class TesseraDriver extends UnregisteredDriver {
    static final String VERSION = "0.1.0";

    static {
        new TesseraDriver().register();
    }

    /** Set by the first connect, which starts warming up the planner for the statements to come. */
    private static final AtomicBoolean WARMING_UP = new AtomicBoolean();

    /** Properties Tessera sets on each connection from its URL, read back when the session opens. */
    private static final String ROOT = "tessera.root";
    private static final String THREADS = "tessera.threads";
    private static final String MEMORY_LIMIT = "tessera.memory_limit";
    private static final String CHUNK_BYTES = "tessera.chunk_bytes";

    @Override
    protected String getConnectStringPrefix() {
        return ConnectionUrl.PREFIX;
    }

    @Override
    protected String getFactoryClassName(JdbcVersion jdbcVersion) {
        return TesseraJdbcFactory.class.getName();
    }

    @Override
    protected DriverVersion createDriverVersion() {
        return new DriverVersion("Tessera JDBC driver", VERSION, "Tessera", VERSION, false, 0, 1, 0, 1);
    }

    /** Reads our own URL form (Avatica's is {@code key=value;...}) and checks it before connecting. */
    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        Properties properties = new Properties();
        try {
            ConnectionUrl parsed = ConnectionUrl.parse(url, info);
            properties.setProperty(ROOT, parsed.root());
            properties.setProperty(THREADS, Integer.toString(parsed.settings().threads()));
            properties.setProperty(MEMORY_LIMIT, Long.toString(parsed.settings().memoryLimit()));
            properties.setProperty(CHUNK_BYTES, Long.toString(parsed.settings().chunkBytes()));
            // opened here once, so a bad root fails the connect with its reason
            Tessera.open(root(parsed.root()), !parsed.root().isEmpty(), parsed.settings()).close();
        } catch (TesseraException e) {
            throw SqlErrors.of(e);
        }
        if (WARMING_UP.compareAndSet(false, true)) {
            Tessera.warmUpInBackground();
        }
        AvaticaConnection connection = factory.newConnection(this, factory, url, properties);
        handler.onConnectionInit(connection);
        return connection;
    }

    @Override
    public Meta createMeta(AvaticaConnection connection) {
        Properties info = ((TesseraConnection) connection).properties();
        String root = info.getProperty(ROOT, "");
        io.tessera.engine.Settings settings = new io.tessera.engine.Settings(
                Integer.parseInt(info.getProperty(THREADS)), Long.parseLong(info.getProperty(MEMORY_LIMIT)),
                Long.parseLong(info.getProperty(CHUNK_BYTES)));
        Session session = Tessera.open(root(root), !root.isEmpty(), settings);
        return new TesseraMeta(connection, session);
    }

    private static Path root(String root) {
        return Path.of(root.isEmpty() ? "" : root);
    }
}
