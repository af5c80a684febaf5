package io.tessera.jdbc;

import io.tessera.engine.Settings;
import io.tessera.engine.TesseraException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * What a {@code jdbc:tessera:[DIR][?threads=N&memory_limit=512MB&chunk_bytes=8MB]} URL asks for:
 * the data root (confined when given; the working directory otherwise) and the session's settings.
 * Options may also come as connection properties; the URL's win.
 */
record ConnectionUrl(String root, Settings settings) {
    static final String PREFIX = "jdbc:tessera:";
    private static final Set<String> OPTIONS = Set.of("threads", "memory_limit", "chunk_bytes");

    static ConnectionUrl parse(String url, Properties info) {
        try {
            return parseDecoded(url, info);
        } catch (IllegalArgumentException e) {
            // URLDecoder's complaint about a bad %-escape
            throw TesseraException.of(TesseraException.Category.ARGUMENT, "bad URL " + url + ": " + e.getMessage());
        }
    }

    private static ConnectionUrl parseDecoded(String url, Properties info) {
        String rest = url.substring(PREFIX.length());
        int question = rest.indexOf('?');
        String root = URLDecoder.decode(question < 0 ? rest : rest.substring(0, question), StandardCharsets.UTF_8);
        Properties options = new Properties();
        if (info != null) {
            info.stringPropertyNames().forEach(name -> options.setProperty(name.toLowerCase(Locale.ROOT),
                    info.getProperty(name)));
        }
        if (question >= 0) {
            for (String pair : rest.substring(question + 1).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                if (equals < 0) {
                    throw TesseraException.of(TesseraException.Category.ARGUMENT, "URL option '" + pair
                            + "' needs a value: write " + pair + "=...");
                }
                String name = URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
                if (!OPTIONS.contains(name)) {
                    throw TesseraException.of(TesseraException.Category.NAME, "unknown URL option '" + name
                            + "' (options: threads, memory_limit, chunk_bytes)");
                }
                options.setProperty(name, URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        Settings settings = Settings.defaults();
        for (String name : options.stringPropertyNames()) {
            String value = options.getProperty(name);
            switch (name) {
                case "threads" -> settings = settings.withThreads(integer(name, value));
                case "memory_limit" -> settings = settings.withMemoryLimit(Settings.parseSize(value));
                case "chunk_bytes" -> settings = settings.withChunkBytes(Settings.parseSize(value));
                default -> {
                    // other properties (user, password, a client's own) mean nothing to Tessera
                }
            }
        }
        return new ConnectionUrl(root, settings);
    }

    private static int integer(String name, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw TesseraException.of(TesseraException.Category.ARGUMENT, name + " must be an integer, not '"
                    + value + "'");
        }
    }
}
