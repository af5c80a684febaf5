package io.tessera.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The floor under a scan of a cached file: the seconds a bare loop needs to read every 4 MB of a
 * file (W1's 4 GB {@code random.hdf5}) on two threads and sum it as float32, by positional reads
 * into reused buffers (as Tessera reads) or through memory maps. Neither Tessera nor Dask can scan
 * the file faster than this; run it with the file in the page cache (cat it to /dev/null first).
 * {@code bench/latency.sh} does not run it: {@code java -cp ... org.openjdk.jmh.Main ReadFloor -p file=...}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(java.util.concurrent.TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-XX:+UseSerialGC", "-Xmx1g"})
@State(Scope.Benchmark)
public class ReadFloor {
    private static final int PIECE = 4_000_000;

    @Param("/work/bench-data/random.hdf5")
    public String file;

    @Param("2")
    public int threads;

    private FileChannel channel;
    private ExecutorService pool;

    @Setup(Level.Trial)
    public void open() throws IOException {
        channel = FileChannel.open(Path.of(file), StandardOpenOption.READ);
        pool = Executors.newFixedThreadPool(threads);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        pool.shutdownNow();
        channel.close();
    }

    @Benchmark
    public double positionalReads() throws Exception {
        return scan(false);
    }

    @Benchmark
    public double memoryMaps() throws Exception {
        return scan(true);
    }

    private double scan(boolean mapped) throws Exception {
        long pieces = channel.size() / PIECE;
        AtomicLong next = new AtomicLong();
        List<Future<Double>> parts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            parts.add(pool.submit(() -> {
                ByteBuffer buffer = ByteBuffer.allocateDirect(PIECE).order(ByteOrder.LITTLE_ENDIAN);
                double sum = 0;
                for (long piece; (piece = next.getAndIncrement()) < pieces; ) {
                    long at = piece * PIECE;
                    ByteBuffer bytes;
                    if (mapped) {
                        bytes = channel.map(FileChannel.MapMode.READ_ONLY, at, PIECE).order(ByteOrder.LITTLE_ENDIAN);
                    } else {
                        buffer.clear();
                        while (buffer.hasRemaining() && channel.read(buffer, at + buffer.position()) > 0) {
                            // positional reads until the piece is full
                        }
                        bytes = buffer.flip();
                    }
                    sum += sum(bytes.asFloatBuffer());
                }
                return sum;
            }));
        }
        double total = 0;
        for (Future<Double> part : parts) {
            total += part.get();
        }
        return total;
    }

    /** Four independent accumulators, as a vectorizing sum keeps several. */
    private static double sum(FloatBuffer values) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int n = values.limit() & ~3;
        for (int i = 0; i < n; i += 4) {
            s0 += values.get(i);
            s1 += values.get(i + 1);
            s2 += values.get(i + 2);
            s3 += values.get(i + 3);
        }
        return s0 + s1 + s2 + s3;
    }
}
