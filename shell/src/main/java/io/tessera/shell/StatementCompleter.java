package io.tessera.shell;

import io.tessera.engine.Session;
import io.tessera.planner.bind.Builtins;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion: inside a quote, file paths under the data root; elsewhere keywords, functions,
 * views and user functions. The shell's parser splits words at spaces only, so a word may carry
 * text before the part being completed ({@code mean(t2}); candidates keep that head.
 */
final class StatementCompleter implements Completer {
    static final List<String> KEYWORDS = List.of("SELECT", "FROM", "AS", "WITH", "INTO", "EXPLAIN", "ANALYZE",
            "CREATE", "OR", "REPLACE", "VIEW", "DROP", "IF", "EXISTS", "DESCRIBE", "SHOW", "VIEWS", "FUNCTIONS",
            "FUNCTION", "SET", "AND", "NOT", "TRUE", "FALSE", "newaxis");

    private final Session session;

    StatementCompleter(Session session) {
        this.session = session;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        String word = line.word().substring(0, Math.min(line.wordCursor(), line.word().length()));
        int quote = Math.max(word.lastIndexOf('\''), word.lastIndexOf('"'));
        if (quote >= 0 && isOpen(word, word.charAt(quote))) {
            paths(word.substring(0, quote + 1), word.substring(quote + 1), candidates);
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
