package io.tessera.shell;

import io.tessera.engine.Session;
import io.tessera.engine.TesseraException;
import io.tessera.engine.result.DescribeResult;
import io.tessera.engine.result.StatementResult;
import io.tessera.planner.bind.Builtins;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion: inside a quote, file paths under the data root, or the datasets of the file when
 * the quote is the dataset argument of {@code hdf5('f.h5', '...}; elsewhere keywords, functions,
 * views, user functions and the datasets of the files the statement names. The shell's parser splits
 * words at spaces only, so a word may carry text before the part being completed
 * ({@code mean(t2}); candidates keep that head.
 */
final class StatementCompleter implements Completer {
    static final List<String> KEYWORDS = List.of("SELECT", "FROM", "AS", "WITH", "INTO", "EXPLAIN", "ANALYZE",
            "CREATE", "OR", "REPLACE", "VIEW", "DROP", "IF", "EXISTS", "DESCRIBE", "SHOW", "VIEWS", "FUNCTIONS",
            "FUNCTION", "SET", "AND", "NOT", "TRUE", "FALSE", "newaxis");

    /** A file source with its path written out: {@code hdf5('f.h5'}, {@code stack('w/*.hdf5'}. */
    private static final Pattern FILE_SOURCE = Pattern.compile(
            "\\b(hdf5|stack|concat|zarr)\\s*\\(\\s*('(?:[^']|'')*')", Pattern.CASE_INSENSITIVE);

    private static final long KEEP_NANOS = 10_000_000_000L;

    private final Session session;
    private final Map<String, Known> known = new HashMap<>();

    StatementCompleter(Session session) {
        this.session = session;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        String word = line.word().substring(0, Math.min(line.wordCursor(), line.word().length()));
        int quote = Math.max(word.lastIndexOf('\''), word.lastIndexOf('"'));
        if (quote >= 0 && isOpen(word, word.charAt(quote))) {
            String before = line.line().substring(0, line.cursor() - word.length() + quote);
            Matcher source = FILE_SOURCE.matcher(before);
            String argument = null;
            while (source.find()) {
                if (before.substring(source.end()).matches("\\s*,\\s*")) {
                    argument = source.group(1) + "(" + source.group(2) + ")";
                }
            }
            if (argument != null) {
                datasets(word.substring(0, quote + 1), word.substring(quote + 1), argument, candidates);
            } else {
                paths(word.substring(0, quote + 1), word.substring(quote + 1), candidates);
            }
            return;
        }
        int start = word.length();
        while (start > 0 && (Character.isLetterOrDigit(word.charAt(start - 1)) || word.charAt(start - 1) == '_')) {
            start--;
        }
        String head = word.substring(0, start);
        String prefix = word.substring(start);
        TreeSet<String> names = new TreeSet<>();
        Builtins.all().forEach(builtin -> names.add(builtin.name()));
        names.addAll(session.definedNames());
        Matcher source = FILE_SOURCE.matcher(line.line());
        while (source.find()) {
            names.addAll(arrayNames(source.group(1) + "(" + source.group(2) + ")"));
        }
        for (String keyword : KEYWORDS) {
            if (keyword.regionMatches(true, 0, prefix, 0, prefix.length())) {
                candidates.add(new Candidate(head + keyword, keyword, null, null, null, null, true));
            }
        }
        for (String name : names) {
            if (name.startsWith(prefix)) {
                // no space after a name: a call's "(" or an index's "[" follows
                candidates.add(new Candidate(head + name, name, null, null, null, null, false));
            }
        }
    }

    /**
     * The dataset names a source binds, or none when it cannot be bound (a missing file, say); kept
     * for a while, since every Tab asks again and a large glob opens many files.
     */
    private List<String> arrayNames(String source) {
        long now = System.nanoTime();
        Known cached = known.get(source);
        if (cached != null && now - cached.at() < KEEP_NANOS) {
            return cached.names();
        }
        List<String> names;
        try {
            StatementResult result = session.execute("DESCRIBE " + source).get(0);
            names = ((DescribeResult) result).arrays().stream().map(DescribeResult.Description::name).toList();
        } catch (TesseraException e) {
            names = List.of();
        }
        known.put(source, new Known(names, now));
        return names;
    }

    /** The names a source bound when it was last asked. */
    private record Known(List<String> names, long at) {
    }

    /** Datasets of {@code source} as its dataset argument: {@code /t2m'}, or {@code t2m'} without the slash. */
    private void datasets(String head, String partial, String source, List<Candidate> candidates) {
        String slash = partial.startsWith("/") ? "/" : "";
        for (String name : arrayNames(source)) {
            if ((slash + name).startsWith(partial)) {
                candidates.add(new Candidate(head + slash + name + "'", slash + name, null, null, null, null, false));
            }
        }
    }

    private static boolean isOpen(String word, char quote) {
        return word.chars().filter(c -> c == quote).count() % 2 == 1;
    }

    /** Entries of the directory a partial path names, relative to the data root. */
    private void paths(String head, String partial, List<Candidate> candidates) {
        int slash = partial.lastIndexOf('/');
        String directoryPart = slash < 0 ? "" : partial.substring(0, slash + 1);
        String namePart = partial.substring(slash + 1);
        Path directory = session.root().resolve(directoryPart);
        List<Path> entries = new ArrayList<>();
        try (Stream<Path> listing = Files.list(directory)) {
            listing.forEach(entries::add);
        } catch (IOException e) {
            return; // nothing to offer
        }
        for (Path entry : entries) {
            String name = entry.getFileName().toString();
            if (!name.startsWith(namePart) || name.startsWith(".") && !namePart.startsWith(".")) {
                continue;
            }
            boolean directoryEntry = Files.isDirectory(entry);
            String value = head + directoryPart + name + (directoryEntry ? "/" : "");
            candidates.add(new Candidate(value, name + (directoryEntry ? "/" : ""), null, null, null, null,
                    !directoryEntry));
        }
    }
}
