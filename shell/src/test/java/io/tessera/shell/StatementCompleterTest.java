package io.tessera.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.Session;
import io.tessera.engine.Settings;
import io.tessera.engine.Tessera;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.Parser;
import org.jline.reader.impl.DefaultParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What Tab offers: names where a name goes, paths inside quotes. */
class StatementCompleterTest {
    private Session session;

    @BeforeEach
    void open() {
        session = Tessera.open(Outcome.FIXTURES, true, Settings.defaults());
    }

    @AfterEach
    void close() {
        session.close();
    }

    /** The candidates for Tab at the end of {@code typed}, or at its {@code |}. */
    private List<String> complete(String typed) {
        DefaultParser parser = new DefaultParser();
        parser.setEscapeChars(new char[0]);
        parser.setQuoteChars(new char[0]);
        List<Candidate> candidates = new ArrayList<>();
        int cursor = typed.contains("|") ? typed.indexOf('|') : typed.length();
        String text = typed.replace("|", "");
        new StatementCompleter(session).complete(null, parser.parse(text, cursor, Parser.ParseContext.COMPLETE),
                candidates);
        return candidates.stream().map(Candidate::value).sorted().toList();
    }

    @Test
    void namesKeepWhatIsTypedBeforeThem() {
        assertEquals(List.of("mean(arange"), complete("SELECT mean(arang"));
        assertTrue(complete("SELECT random_").containsAll(List.of("random_exponential", "random_normal",
                "random_uniform")));
        assertEquals(List.of("SELECT"), complete("sel"));
    }

    @Test
    void viewsAndUserFunctionsAreOffered() {
        session.execute("CREATE VIEW big_view AS ones(3); CREATE FUNCTION big_twice(x) AS 2 * x");
        assertEquals(List.of("big_twice", "big_view"), complete("SELECT big_"));
    }

    @Test
    void insideAQuotePathsUnderTheRootAreOffered() {
        List<String> directories = complete("SELECT x FROM stack('wea");
        assertTrue(directories.contains("stack('weather/"), directories.toString());
        List<String> files = complete("SELECT x FROM npy('f");
        assertTrue(files.contains("npy('f32.npy") && files.contains("npy('fortran.npy"), files.toString());
    }

    @Test
    void theDatasetsOfAFileTheStatementNamesAreOffered() {
        assertEquals(List.of("mean(x"), complete("SELECT mean(|) FROM hdf5('two.h5')").stream()
                .filter(c -> c.equals("mean(x")).toList());
        assertEquals(List.of("grp/sub/y", "grp/x"), complete("SELECT gr| FROM hdf5('groups.h5')"));
        assertEquals(List.of("t2m"), complete("SELECT t2| FROM stack('weather/*.h5')"));
        assertEquals(List.of(), complete("SELECT t2| FROM stack('nowhere/*.hdf5')"));
    }

    @Test
    void aDatasetArgumentOffersTheFilesDatasets() {
        assertEquals(List.of("'/x'", "'/y'"), complete("SELECT v FROM hdf5('two.h5', '/"));
        assertEquals(List.of("'y'"), complete("SELECT v FROM hdf5('two.h5', 'y"));
        assertEquals(List.of("'grp/sub/y'", "'grp/x'"), complete("SELECT v FROM hdf5('groups.h5', 'g"));
    }
}
