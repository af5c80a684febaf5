package io.tessera.shell;

import io.tessera.engine.Session;
import io.tessera.engine.Settings;
import io.tessera.engine.Tessera;
import io.tessera.engine.TesseraException;
import io.tessera.engine.format.ResultFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code tessera} command: runs statements from {@code -c}, {@code -f} or standard input. */
@Command(name = "tessera", mixinStandardHelpOptions = true, version = "tessera 0.1.0",
        description = "An SQL-style query engine for chunked n-dimensional arrays.",
        subcommands = {DemoCommand.class})
public final class Main implements Callable<Integer> {
    @Option(names = {"-c", "--command"}, paramLabel = "QUERY", description = "statements to run, separated by ;")
    String command;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "a file of statements to run")
    Path file;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "output format: text, json or csv (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--root", paramLabel = "DIR",
            description = "data root: relative paths resolve here, and no path may leave it")
    Path root;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: one per core)")
    Integer threads;

    @Option(names = "--memory-limit", paramLabel = "SIZE",
            description = "memory for buffers and results, e.g. 512MB (default: half the Java heap)")
    String memoryLimit;

    @Option(names = "--cds-training", hidden = true,
            description = "run the workload the launcher records its class-data-sharing archive with")
    boolean cdsTraining;

    private final PrintStream out;
    private final PrintStream err;
    private final InputStream in;

    Main(PrintStream out, PrintStream err, InputStream in) {
        this.out = out;
        this.err = err;
        this.in = in;
    }

    public static void main(String[] args) {
        if (runsStatements(args)) {
            Tessera.warmUpInBackground();
        }
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false,
                StandardCharsets.UTF_8);
        int status;
        try {
            status = run(args, out, System.err, System.in);
        } catch (OutOfMemoryError e) {
            out.flush();
            System.err.println("error: the Java heap is exhausted: lower memory_limit or threads, use smaller chunks, "
                    + "or raise -Xmx in JAVA_OPTS");
            status = 1;
        } catch (Throwable e) {
            out.flush();
            System.err.println("error: internal error: " + e);
            status = 1;
        }
        System.exit(status);
    }

    /** False for the options that only print something (the warm-up would compete with them for the cores). */
    private static boolean runsStatements(String[] args) {
        for (String arg : args) {
            if (arg.equals("--version") || arg.equals("-V") || arg.equals("--help") || arg.equals("-h")) {
                return false;
            }
        }
        return true;
    }

    /** Runs the command line and returns the exit status: 0 on success, 1 on any error. */
    static int run(String[] args, PrintStream out, PrintStream err, InputStream in) {
        CommandLine commandLine = new CommandLine(new Main(out, err, in));
        commandLine.setOut(new java.io.PrintWriter(out, true));
        commandLine.setErr(new java.io.PrintWriter(err, true));
        commandLine.setParameterExceptionHandler((e, arguments) -> {
            err.println("error: " + e.getMessage() + " (see tessera --help)");
            return 1;
        });
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            err.println("error: internal error: " + e);
            return 1;
        });
        int status = commandLine.execute(args);
        out.flush();
        return status;
    }

    @Override
    public Integer call() {
        if (cdsTraining) {
            CdsTraining.run();
            return 0;
        }
        ResultFormat output;
        String script;
        try {
            output = ResultFormat.named(format);
            if (command == null && file == null && System.console() != null) {
                return interactive();
            }
            script = script();
        } catch (TesseraException e) {
            err.println(ResultFormat.errorLine(e));
            return 1;
        }
        try (Session session = open()) {
            session.execute(script, result -> {
                out.print(output.format(result));
                out.flush();
            });
            return 0;
        } catch (TesseraException e) {
            String line = output.error(e);
            if (line != null) {
                out.print(line);
                out.flush();
            }
            err.println(ResultFormat.errorLine(e));
            return 1;
        }
    }

    /** The shell for a person at a terminal: a prompt, line editing and history in ~/.tessera_history. */
    private int interactive() {
        try (Terminal terminal = TerminalBuilder.builder().system(true).build(); Session session = open()) {
            Path history = Path.of(System.getProperty("user.home"), ".tessera_history");
            return new Repl(terminal, session, format, history).run();
        } catch (IOException e) {
            err.println("error: cannot open the terminal: " + e.getMessage());
            return 1;
        }
    }

    Session open() {
        Settings settings = Settings.defaults();
        if (threads != null) {
            settings = settings.withThreads(threads);
        }
        if (memoryLimit != null) {
            settings = settings.withMemoryLimit(Settings.parseSize(memoryLimit));
        }
        return root != null ? Tessera.open(root, true, settings) : Tessera.open(Path.of(""), false, settings);
    }

    private String script() {
        if (command != null && file != null) {
            throw TesseraException.of(TesseraException.Category.ARGUMENT, "give -c or -f, not both");
        }
        if (command != null) {
            return command;
        }
        try {
            if (file != null) {
                return Files.readString(file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw TesseraException.of(TesseraException.Category.IO, "file not found: " + file);
        } catch (IOException e) {
            throw TesseraException.of(TesseraException.Category.IO, "cannot read " + (file != null ? file
                    : "standard input") + ": " + e.getMessage());
        }
    }
}
