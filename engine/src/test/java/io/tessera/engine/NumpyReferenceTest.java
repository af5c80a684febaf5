package io.tessera.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tessera.engine.result.QueryResult;
import io.tessera.engine.result.StatementResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The comparison of Tessera's results with NumPy 2's, over the HDF5 and .npy files in
 * {@code src/test/fixtures/numpy}: every case of {@code cases/*.json} becomes a container with one
 * test per query. The expected values were computed by NumPy and committed; regenerate them with
 * {@code make_fixtures.py} and {@code make_cases.py} there (see its README.md). No Python runs here.
 */
class NumpyReferenceTest {
    private static final Path FIXTURES = Path.of("src/test/fixtures/numpy");
    private static final List<String> FILES = List.of("sources", "elementwise", "promotion", "reductions", "indexing",
            "shapes", "generators", "errors");

    @TestFactory
    Stream<DynamicNode> resultsMatchNumpy() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<DynamicNode> files = new ArrayList<>();
        for (String file : FILES) {
            JsonNode cases = mapper.readTree(FIXTURES.resolve("cases").resolve(file + ".json").toFile());
            assertFalse(cases.isEmpty(), file + ".json holds no cases");
            List<DynamicNode> nodes = new ArrayList<>();
            for (JsonNode node : cases) {
                nodes.add(container(NumpyCase.parse(node)));
            }
            files.add(DynamicContainer.dynamicContainer(file, nodes));
        }
        return files.stream();
    }

    /** Every case file is one the test runs, so a new file cannot be forgotten here. */
    @Test
    void everyCaseFileIsRun() throws IOException {
        List<String> present = new ArrayList<>();
        try (Stream<Path> paths = Files.list(FIXTURES.resolve("cases"))) {
            paths.map(path -> path.getFileName().toString().replaceFirst("\\.json$", "")).sorted().forEach(present::add);
        }
        assertEquals(FILES.stream().sorted().toList(), present);
    }

    private static DynamicContainer container(NumpyCase numpyCase) {
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < numpyCase.queries().size(); i++) {
            String query = numpyCase.queries().get(i);
            tests.add(DynamicTest.dynamicTest("[" + i + "] " + query, () -> run(numpyCase, query)));
        }
        return DynamicContainer.dynamicContainer(numpyCase.name(), tests);
    }

    /** Runs the query; a failure names the case and the query, which surefire's report leaves out. */
    private static void run(NumpyCase numpyCase, String query) {
        try {
            check(numpyCase, query);
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(numpyCase.name() + ": " + query + "\n" + e.getMessage(), e);
        }
    }

    private static void check(NumpyCase numpyCase, String query) {
        try (Session session = Tessera.open(FIXTURES, true, Settings.defaults().withThreads(2))) {
            if (numpyCase.expectsError()) {
                TesseraException error = assertThrows(TesseraException.class, () -> session.execute(query),
                        () -> "NumPy raised " + numpyCase.numpyError() + " for " + numpyCase.numpy());
                assertEquals(numpyCase.errorCategory(), error.category().name(),
                        () -> "error: " + error.getMessage() + " (NumPy raised " + numpyCase.numpyError() + ")");
                return;
            }
            List<StatementResult> results = session.execute(query);
            QueryResult result = assertInstanceOf(QueryResult.class, results.get(results.size() - 1));
            assertEquals(numpyCase.items().size(), result.items().size(), "number of items");
            List<String> mismatches = new ArrayList<>();
            for (int item = 0; item < result.items().size(); item++) {
                String mismatch = numpyCase.items().get(item).mismatch(result.items().get(item));
                if (mismatch != null) {
                    mismatches.add("item " + item + " (NumPy: " + numpyCase.numpy().get(item) + "): " + mismatch);
                }
            }
            if (!mismatches.isEmpty()) {
                fail(String.join("\n", mismatches));
            }
        }
    }
}
