package org.bnn.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One edit of a file, at byte, character, token or line level. Positions are any non-negative
 * numbers taken modulo the length, so that every edit applies to every text.
 */
public sealed interface Mutation {

    /** The edited text; {@code donor} is another seed file, for splices. */
    byte[] apply(byte[] bytes, byte[] donor);

    /** Sets, clears or flips one bit of one byte (may leave invalid UTF-8). */
    record FlipBit(int at, int bit) implements Mutation {
        @Override
        public byte[] apply(byte[] bytes, byte[] donor) {
            if (bytes.length == 0) {
                return bytes;
            }
            byte[] copy = bytes.clone();
            copy[at % copy.length] ^= (byte) (1 << (bit % 8));
            return copy;
        }
    }

    /** Inserts a fragment: a token of the language, a number at the edge of a type, odd characters. */
    record Insert(int at, String fragment) implements Mutation {
        @Override
        public byte[] apply(byte[] bytes, byte[] donor) {
            String text = text(bytes);
            int i = at % (text.length() + 1);
            return bytes(text.substring(0, i) + fragment + text.substring(i));
        }
    }

    /** Deletes up to {@code length} characters. */
    record Delete(int at, int length) implements Mutation {
        @Override
        public byte[] apply(byte[] bytes, byte[] donor) {
            String text = text(bytes);
            int from = at % (text.length() + 1);
            int to = Math.min(text.length(), from + length);
            return bytes(text.substring(0, from) + text.substring(to));
        }
    }

    /** Copies a stretch of the text to another place. */
    record Duplicate(int at, int length, int to) implements Mutation {
        @Override
        public byte[] apply(byte[] bytes, byte[] donor) {
            String text = text(bytes);
            String piece = slice(text, at, length);
            int i = to % (text.length() + 1);
            return bytes(text.substring(0, i) + piece + text.substring(i));
        }
    }

    /** Exchanges two lines. */
    record SwapLines(int first, int second) implements Mutation {
        @Override
        public byte[] apply(byte[] bytes, byte[] donor) {
            List<String> lines = new ArrayList<>(List.of(text(bytes).split("\n", -1)));
            int a = first % lines.size();
            int b = second % lines.size();
            String line = lines.get(a);
            lines.set(a, lines.get(b));
            lines.set(b, line);
            return bytes(String.join("\n", lines));
        }
    }

    /** Cuts the file short, as an editor does on every keystroke. */
    record Truncate(int at) implements Mutation {
        @Override
        public byte[] apply(byte[] bytes, byte[] donor) {
            String text = text(bytes);
            return bytes(text.substring(0, at % (text.length() + 1)));
        }
    }

    /** Inserts a stretch of another seed file (declarations of one example inside another). */
    record Splice(int from, int length, int at) implements Mutation {
        @Override
        public byte[] apply(byte[] bytes, byte[] donor) {
            String text = text(bytes);
            int i = at % (text.length() + 1);
            return bytes(text.substring(0, i) + slice(text(donor), from, length) + text.substring(i));
        }
    }

    /** Rewrites every line ending: CR only (old Mac), CRLF, or a mix of the three. */
    record LineEndings(String ending, boolean mixed) implements Mutation {
        @Override
        public byte[] apply(byte[] bytes, byte[] donor) {
            String[] lines = text(bytes).replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
            String[] endings = {ending, "\n", "\r\n", "\r"};
            StringBuilder text = new StringBuilder(lines[0]);
            for (int i = 1; i < lines.length; i++) {
                text.append(mixed ? endings[i % endings.length] : ending).append(lines[i]);
            }
            return bytes(text.toString());
        }
    }

    /** Replaces the n-th token (word, number, string, punctuation) with another. */
    record ReplaceToken(int index, String replacement) implements Mutation {
        @Override
        public byte[] apply(byte[] bytes, byte[] donor) {
            String text = text(bytes);
            List<int[]> tokens = tokens(text);
            if (tokens.isEmpty()) {
                return bytes;
            }
            int[] token = tokens.get(index % tokens.size());
            return bytes(text.substring(0, token[0]) + replacement + text.substring(token[1]));
        }
    }

    /** Replaces the n-th name with a very long one (the limits of Java identifiers, strings and file names). */
    record LongName(int index, int length) implements Mutation {
        @Override
        public byte[] apply(byte[] bytes, byte[] donor) {
            String text = text(bytes);
            List<int[]> names = new ArrayList<>();
            Matcher m = Pattern.compile(
                    "(?<=\\b(?:device|tile|chip|network|mapping|experiment|training|regime|dense|conv|pool|output|input|package)\\s)[A-Za-z_][A-Za-z0-9_.]*")
                    .matcher(text);
            while (m.find()) {
                names.add(new int[] {m.start(), m.end()});
            }
            if (names.isEmpty()) {
                return bytes;
            }
            int[] name = names.get(index % names.size());
            String old = text.substring(name[0], name[1]);
            String longer = (old + "_".repeat(Math.max(0, length - old.length()))).substring(0, Math.max(length, 1)).replace('.', '_');
            // Every use of the name, so that references still resolve and the later stages are reached.
            return bytes(text.replaceAll("\\b" + Pattern.quote(old) + "\\b", Matcher.quoteReplacement(longer)));
        }
    }

    /** Opens {@code depth} nested blocks at one place, closed or not. */
    record Nest(int at, int depth, boolean closed) implements Mutation {
        @Override
        public byte[] apply(byte[] bytes, byte[] donor) {
            String text = text(bytes);
            int i = at % (text.length() + 1);
            String nest = "regime r {".repeat(depth) + (closed ? "}".repeat(depth) : "");
            return bytes(text.substring(0, i) + nest + text.substring(i));
        }
    }

    private static String slice(String text, int from, int length) {
        int start = from % (text.length() + 1);
        return text.substring(start, Math.min(text.length(), start + length));
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Start and end of every token: words, numbers, strings, comments, single punctuation. */
    private static List<int[]> tokens(String text) {
        List<int[]> tokens = new ArrayList<>();
        Matcher m = Pattern.compile("//[^\\n\\r]*|\"[^\"\\n]*\"|[A-Za-z_][A-Za-z0-9_-]*|[0-9][0-9.eE+-]*|\\S").matcher(text);
        while (m.find()) {
            tokens.add(new int[] {m.start(), m.end()});
        }
        return tokens;
    }
}
