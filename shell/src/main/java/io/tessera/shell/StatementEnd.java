package io.tessera.shell;

/**
 * Whether typed text is ready to run: it ends with a {@code ;} outside strings, quoted names and
 * comments, or it is a backslash command. Until then the shell keeps reading lines.
 */
final class StatementEnd {
    private StatementEnd() {
    }

    static boolean isComplete(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("\\")) {
            return true;
        }
        boolean complete = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                int close = text.indexOf(c, i + 1);
                if (close < 0) {
                    return false; // an open string or quoted name goes on
                }
                complete = false;
                i = close + 1;
            } else if (c == '-' && text.startsWith("--", i)) {
                int end = text.indexOf('\n', i);
                i = end < 0 ? text.length() : end + 1;
            } else if (c == '/' && text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                if (end < 0) {
                    return false;
                }
                i = end + 2;
            } else {
                if (c == ';') {
                    complete = true;
                } else if (!Character.isWhitespace(c)) {
                    complete = false;
                }
                i++;
            }
        }
        return complete;
    }
}
