package io.tessera.bench;

import io.tessera.engine.Session;
import io.tessera.engine.Settings;
import io.tessera.engine.Tessera;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The latency of a small statement once warm: {@code SELECT sum(x)} over a 1000-element view, in
 * process (the embedded API) and over JDBC, with the view over a {@code .npy} file (opened by each
 * statement) or over a generator. Target: under 2 ms each.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
@State(Scope.Thread)
public class SmallQueryLatency {
    private Path root;
    private Session session;
    private Connection connection;
    private Statement statement;
    private PreparedStatement prepared;

    @Setup(Level.Trial)
    public void setUp() throws IOException, SQLException {
        root = Files.createTempDirectory("tessera-latency");
        session = Tessera.open(root, true, Settings.defaults());
        session.execute("SELECT arange(1000.0) AS x INTO npy('x.npy')");
        session.execute("CREATE VIEW x AS npy('x.npy'); CREATE VIEW g AS arange(1000.0)");
        connection = DriverManager.getConnection("jdbc:tessera:" + root);
        statement = connection.createStatement();
        statement.execute("CREATE VIEW x AS npy('x.npy')");
        prepared = connection.prepareStatement("SELECT sum(x) * ?");
        prepared.setInt(1, 1);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException, SQLException {
        prepared.close();
        statement.close();
        connection.close();
        session.close();
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Benchmark
    public double inProcessFileView() {
        return session.query("SELECT sum(x)").items().get(0).values().getDouble(0);
    }

    @Benchmark
    public double inProcessGeneratedView() {
        return session.query("SELECT sum(g)").items().get(0).values().getDouble(0);
    }

    @Benchmark
    public double jdbcStatement() throws SQLException {
        try (ResultSet rows = statement.executeQuery("SELECT sum(x)")) {
            rows.next();
            return rows.getDouble(1);
        }
    }

    @Benchmark
    public double jdbcPreparedStatement() throws SQLException {
        try (ResultSet rows = prepared.executeQuery()) {
            rows.next();
            return rows.getDouble(1);
        }
    }
}
