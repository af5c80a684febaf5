package io.tessera.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.grammar.ParsedStatement;
import io.tessera.grammar.QueryParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Docs are executed: every SQL example in README.md and docs/*.md runs, over tiny files with the
 * names the docs use (src/test/fixtures/docs, made by make_fixtures.py), copied to a temporary
 * directory so that examples writing files (INTO) write there. An example is a ```sql block (its
 * statements run in order in one session, so a view made by one is seen by the next) or the
 * {@code -c "..."} of a {@code ./tessera} command line. An example of a feature that is not
 * implemented yet passes only by failing with a "not supported yet" error.
 */
class DocsExamplesTest {
    private static final Path REPOSITORY = Path.of("..");
    private static final Path DOCS_FIXTURES = Path.of("src/test/fixtures/docs");
    private static final Pattern COMMAND = Pattern.compile("\\./tessera\\b.*?-c \"([^\"]*)\"");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)#:]+)(#[^)]*)?\\)");

    @TempDir
    static Path data;

    /** One example: the statements of a ```sql block or of a -c argument, and where it starts. */
    record Example(String file, int line, String script) {
    }

    @TestFactory
    Stream<DynamicNode> everyExampleRuns() throws IOException {
        copyTree(DOCS_FIXTURES, data);
        List<Path> documents = documents();
        List<Example> examples = new ArrayList<>();
        for (Path document : documents) {
            examples.addAll(examples(document));
        }
        // README.md alone has a ```sql block and three command lines: finding none means the extraction broke
        assertTrue(examples.size() >= 3, "found only " + examples.size() + " examples in " + documents);
        return examples.stream().map(DocsExamplesTest::container);
    }

    private static List<Path> documents() throws IOException {
        List<Path> documents = new ArrayList<>();
        documents.add(REPOSITORY.resolve("README.md"));
        Path docs = REPOSITORY.resolve("docs");
        if (Files.isDirectory(docs)) {
            try (Stream<Path> listing = Files.list(docs)) {
                listing.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
            }
        }
        return documents;
    }

    /** A block's statements in one session; each statement a test that it parses, binds and runs. */
    private static DynamicNode container(Example example) {
        String name = example.file() + ":" + example.line();
        List<ParsedStatement> statements;
        try {
            statements = QueryParser.parse(example.script());
        } catch (RuntimeException e) {
            return DynamicTest.dynamicTest(name, () -> {
                throw new AssertionError("the example does not parse: " + e.getMessage() + "\n" + example.script(), e);
            });
        }
        assertFalse(statements.isEmpty(), name + " holds no statement");
        Session[] session = new Session[1];
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            ParsedStatement statement = statements.get(i);
            boolean last = i == statements.size() - 1;
            int line = example.line() + lineOf(example.script(), statement.text());
            tests.add(DynamicTest.dynamicTest(example.file() + ":" + line, () -> {
                if (session[0] == null) {
                    session[0] = Tessera.open(data, false, Settings.defaults().withThreads(2));
                }
                try {
                    session[0].execute(statement.text());
                } catch (TesseraException e) {
                    // the language page also describes what later work adds: those examples must say so
                    if (e.category() == TesseraException.Category.UNSUPPORTED
                            && e.getMessage().contains("not supported yet")) {
                        return;
                    }
                    throw new AssertionError(example.file() + ":" + line + " fails: " + e.getMessage() + "\n"
                            + statement.text(), e);
                } finally {
                    if (last) {
                        session[0].close();
                    }
                }
            }));
        }
        return DynamicContainer.dynamicContainer(name, tests.stream());
    }

    /** The 0-based line within {@code script} where {@code statement} starts. */
    private static int lineOf(String script, String statement) {
        int at = Math.max(0, script.indexOf(statement));
        return (int) script.substring(0, at).chars().filter(c -> c == '\n').count();
    }

    static List<Example> examples(Path document) {
        List<String> lines = lines(document);
        String file = REPOSITORY.relativize(document).toString();
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.strip().equals("```sql")) {
                int start = i + 1;
                StringBuilder block = new StringBuilder();
                for (i = start; i < lines.size() && !lines.get(i).strip().equals("```"); i++) {
                    block.append(lines.get(i)).append('\n');
                }
                examples.add(new Example(file, start + 1, block.toString()));
                continue;
            }
            Matcher command = COMMAND.matcher(line);
            if (command.find()) {
                examples.add(new Example(file, i + 1, command.group(1)));
            }
        }
        return examples;
    }

    /** Every relative link of the docs names a file of the repository (README.md links docs/LANGUAGE.md). */
    @Test
    void relativeLinksResolve() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path document : documents()) {
            List<String> lines = lines(document);
            for (int i = 0; i < lines.size(); i++) {
                Matcher link = LINK.matcher(lines.get(i));
                while (link.find()) {
                    Path target = document.getParent().resolve(link.group(1));
                    if (!Files.exists(target)) {
                        broken.add(REPOSITORY.relativize(document) + ":" + (i + 1) + " links " + link.group(1));
                    }
                }
            }
        }
        assertTrue(broken.isEmpty(), "links to missing files:\n" + String.join("\n", broken));
    }

    private static List<String> lines(Path document) {
        try {
            return Files.readAllLines(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
