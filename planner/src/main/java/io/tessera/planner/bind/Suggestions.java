package io.tessera.planner.bind;

import java.util.Locale;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** "Did you mean" for unknown names: the known names closest in edit distance. */
public final class Suggestions {
    private Suggestions() {
    }

    /** Up to three known names close to {@code name}, as a phrase to append, or "". */
    public static String closest(String name, Collection<String> known) {
        int limit = Math.max(2, name.length() / 3);
        List<String> best = known.stream()
                .distinct()
                .filter(candidate -> distance(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT)) <= limit)
                .sorted(Comparator.comparingInt((String candidate) -> distance(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT)))
                        .thenComparing(Comparator.naturalOrder()))
                .limit(3)
                .toList();
        if (best.isEmpty()) {
            return "";
        }
        return "; did you mean " + String.join(", ", best.stream().map(s -> "'" + s + "'").toList()) + "?";
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
