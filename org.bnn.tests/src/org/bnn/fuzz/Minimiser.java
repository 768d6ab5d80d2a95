package org.bnn.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Makes a failing text smaller while it fails the same way (delta debugging over lines, then over
 * characters): it takes the place of a property library's shrinking, and also shrinks the seed
 * file around the mutations, so that a corpus case is a few lines instead of a whole example.
 */
final class Minimiser {
    private Minimiser() {
    }

    /**
     * The smallest text found within {@code millis} for which {@code fails} still holds; the text
     * itself when it does not fail as text (a failure that needs bytes that are not UTF-8).
     */
    static String minimise(String text, Predicate<String> fails, long millis) {
        if (!fails.test(text)) {
            return text;
        }
        long deadline = System.currentTimeMillis() + millis;
        String lines = reduce(splitLines(text), fails, deadline);
        List<String> chars = new ArrayList<>();
        lines.codePoints().forEach(c -> chars.add(new String(Character.toChars(c))));
        return reduce(chars, fails, deadline);
    }

    /** Lines with their endings, so that joining them gives the text back (CR-only files included). */
    private static List<String> splitLines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && !(i + 1 < text.length() && text.charAt(i + 1) == '\n')) {
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    /** ddmin: removes chunks, halving their size whenever no chunk of the current size can go. */
    private static String reduce(List<String> parts, Predicate<String> fails, long deadline) {
        List<String> current = new ArrayList<>(parts);
        int chunk = Math.max(1, current.size() / 2);
        while (chunk >= 1 && System.currentTimeMillis() < deadline) {
            boolean removed = false;
            for (int start = 0; start < current.size() && System.currentTimeMillis() < deadline;) {
                List<String> candidate = new ArrayList<>(current.subList(0, start));
                candidate.addAll(current.subList(Math.min(current.size(), start + chunk), current.size()));
                if (fails.test(String.join("", candidate))) {
                    current = candidate;
                    removed = true;
                } else {
                    start += chunk;
                }
            }
            if (!removed) {
                chunk /= 2;
            }
        }
        return String.join("", current);
    }
}
