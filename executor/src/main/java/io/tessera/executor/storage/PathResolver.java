package io.tessera.executor.storage;

import io.tessera.executor.ExecutorException;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Turns the paths a query names into files: relative paths resolve against the data root, globs
 * expand in name order, and when the root is confining no path may leave it (by {@code ..}, an
 * absolute path or a symbolic link).
 */
public final class PathResolver {
    private final Path root;
    private final boolean confined;

    public PathResolver(Path root, boolean confined) {
        this.root = root.toAbsolutePath().normalize();
        this.confined = confined;
    }

    public Path root() {
        return root;
    }

    public boolean confined() {
        return confined;
    }

    /** The file a path names (which need not exist yet). */
    public Path resolve(String path) {
        Path resolved;
        try {
            resolved = root.resolve(path).normalize();
        } catch (InvalidPathException e) {
            throw new ExecutorException(ExecutorException.Kind.IO, "invalid path '" + path + "': " + e.getReason());
        }
        check(path, resolved);
        return resolved;
    }

    private void check(String path, Path resolved) {
        if (!confined) {
            return;
        }
        if (!resolved.startsWith(root)) {
            throw outside(path);
        }
        // follow symbolic links of the deepest part that exists
        Path existing = resolved;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null) {
            try {
                if (!existing.toRealPath().startsWith(root.toRealPath())) {
                    throw outside(path);
                }
            } catch (IOException e) {
                throw new ExecutorException(ExecutorException.Kind.IO, "cannot resolve '" + path + "': "
                        + Hdf5File.reason(e), e);
            }
        }
    }

    private ExecutorException outside(String path) {
        return new ExecutorException(ExecutorException.Kind.IO,
                "path '" + path + "' is outside the data root " + root + " and is refused");
    }

    /** True when a path has glob characters. */
    public static boolean isGlob(String path) {
        return path.indexOf('*') >= 0 || path.indexOf('?') >= 0 || path.indexOf('[') >= 0 || path.indexOf('{') >= 0;
    }

    /** The files a glob matches, sorted by path; a path without glob characters names one file. */
    public List<Path> glob(String pattern) {
        if (!isGlob(pattern)) {
            return List.of(resolve(pattern));
        }
        String normalized = pattern.replace('\\', '/');
        int cut = firstGlobSegment(normalized);
        String fixed = normalized.substring(0, cut);
        String rest = normalized.substring(cut);
        Path base = resolve(fixed.isEmpty() ? "." : fixed);
        int depth = rest.split("/").length;
        PathMatcher matcher;
        try {
            matcher = FileSystems.getDefault().getPathMatcher("glob:" + rest);
        } catch (IllegalArgumentException e) {
            throw new ExecutorException(ExecutorException.Kind.IO, "invalid glob '" + pattern + "': " + e.getMessage());
        }
        List<Path> matches = new ArrayList<>();
        if (Files.isDirectory(base)) {
            try (Stream<Path> walk = Files.walk(base, depth)) {
                walk.filter(Files::isRegularFile)
                        .filter(p -> matcher.matches(base.relativize(p)))
                        .forEach(matches::add);
            } catch (IOException e) {
                throw new ExecutorException(ExecutorException.Kind.IO, "cannot list '" + fixed + "': "
                        + Hdf5File.reason(e), e);
            }
        }
        matches.sort(null);
        for (Path match : matches) {
            check(pattern, match);
        }
        return matches;
    }

    private static int firstGlobSegment(String pattern) {
        int firstGlob = 0;
        while (firstGlob < pattern.length() && "*?[{".indexOf(pattern.charAt(firstGlob)) < 0) {
            firstGlob++;
        }
        return pattern.lastIndexOf('/', firstGlob) + 1;
    }

    /** How messages name a file: relative to the root when inside it. */
    public String display(Path path) {
        return path.startsWith(root) ? root.relativize(path).toString() : path.toString();
    }
}
