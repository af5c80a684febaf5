package io.tessera.executor.sink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A file or directory written under a hidden temporary name beside its target and renamed onto it
 * only when complete, so the target is never seen half written. A failed or cancelled write deletes
 * the temporary; so does a shutdown hook when the process is stopped (Ctrl-C, kill) mid-write.
 */
public final class TemporaryTarget implements AutoCloseable {
    private static final Set<Path> PENDING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> PENDING.forEach(TemporaryTarget::deleteQuietly),
                "tessera-temporary-cleanup"));
    }

    private final Path target;
    private final Path temporary;
    private final boolean replace;
    private boolean committed;

    /**
     * @param replace whether committing may replace an existing target (a file only; an existing
     *                directory is never replaced)
     */
    public TemporaryTarget(Path target, boolean replace) {
        this.target = target;
        this.replace = replace;
        this.temporary = target.resolveSibling("." + target.getFileName() + ".tessera-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE) + ".tmp");
        PENDING.add(temporary);
    }

    public Path target() {
        return target;
    }

    /** Where the writer writes. */
    public Path temporary() {
        return temporary;
    }

    /** Moves the finished temporary onto the target. */
    public void commit() throws IOException {
        if (replace) {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } else {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        }
        committed = true;
        PENDING.remove(temporary);
    }

    /** Deletes the temporary unless it was committed. */
    @Override
    public void close() {
        if (!committed) {
            deleteQuietly(temporary);
            PENDING.remove(temporary);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            if (Files.isDirectory(path)) {
                Files.walkFileTree(path, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                        Files.deleteIfExists(file);
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                        Files.deleteIfExists(dir);
                        return FileVisitResult.CONTINUE;
                    }
                });
            } else {
                Files.deleteIfExists(path);
            }
        } catch (NoSuchFileException ignored) {
            // already gone
        } catch (IOException | UncheckedIOException ignored) {
            // best effort: the target itself was never touched
        }
    }
}
