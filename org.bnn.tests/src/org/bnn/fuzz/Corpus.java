package org.bnn.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.bnn.dsl.tests.TestFiles;

/**
 * The committed corpus of minimised failures, {@code org.bnn.tests/fuzz-corpus}: one .bnn file per
 * case whose first line says where the case is put and what it once broke:
 * <pre>// fuzz (as examples/quickstart/quickstart.bnn): VALIDATE uncaught ...</pre>
 * Cases are replayed by FuzzCorpusTest and are seeds of the mutation property.
 */
final class Corpus {
    static final String FOLDER = "org.bnn.tests/fuzz-corpus";
    private static final Pattern HEADER = Pattern.compile("// fuzz \\(as ([^)\\r\\n]+)\\): ([^\\r\\n]*)");

    private Corpus() {
    }

    static Path folder() {
        return TestFiles.repositoryRoot().resolve(FOLDER);
    }

    /** Every case by path relative to the repository, in name order. */
    static Map<String, byte[]> cases() {
        Map<String, byte[]> cases = new LinkedHashMap<>();
        if (!Files.isDirectory(folder())) {
            return cases;
        }
        try (Stream<Path> files = Files.list(folder())) {
            for (Path file : files.filter(p -> p.toString().endsWith(".bnn")).sorted().toList()) {
                cases.put(FOLDER + "/" + file.getFileName(), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }

    /** Where a case goes in the copy of the examples: the file it was found as, by default a file of its own. */
    static String placeOf(byte[] bytes) {
        Matcher header = HEADER.matcher(new String(bytes, 0, Math.min(bytes.length, 400), StandardCharsets.UTF_8));
        return header.lookingAt() ? header.group(1) : ExampleTree.GENERATED_FOLDER + "/case.bnn";
    }

    /** The case as one input, put where its header says. */
    static FuzzInput input(String path, byte[] bytes) {
        return new FuzzInput(placeOf(bytes), bytes, path);
    }

    /**
     * Writes a minimised failure as a new case (named after its stage, kind and content) and returns its file.
     */
    static Path write(FuzzInput input, Failure failure) {
        String summary = (failure.stage() + " " + failure.kind() + ": " + failure.detail().lines().findFirst().orElse(""))
                .replaceAll("[\\r\\n]", " ");
        if (summary.length() > 200) {
            summary = summary.substring(0, 200) + "...";
        }
        byte[] header = ("// fuzz (as " + input.path() + "): " + summary + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = stripHeader(input.bytes());
        String slug = (failure.stage() + "-" + failure.kind()).toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        String name = slug.substring(0, Math.min(slug.length(), 60)) + "-"
                + String.format("%08x", java.util.Arrays.hashCode(body)) + ".bnn";
        Path file = folder().resolve(name);
        try {
            Files.createDirectories(folder());
            byte[] content = new byte[header.length + body.length];
            System.arraycopy(header, 0, content, 0, header.length);
            System.arraycopy(body, 0, content, header.length, body.length);
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** The bytes without a corpus header line (a case found by mutating a corpus case has one). */
    static byte[] stripHeader(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        Matcher header = HEADER.matcher(text);
        if (!header.lookingAt()) {
            return bytes;
        }
        int end = header.end();
        end += text.startsWith("\r\n", end) ? 2 : text.startsWith("\n", end) || text.startsWith("\r", end) ? 1 : 0;
        // Byte offsets: the body may hold bytes that are not UTF-8 and must stay as they are.
        byte[] headerBytes = text.substring(0, end).getBytes(StandardCharsets.UTF_8);
        if (headerBytes.length > bytes.length
                || !java.util.Arrays.equals(headerBytes, 0, headerBytes.length, bytes, 0, headerBytes.length)) {
            return bytes; // a mutation left bytes in the header that are not UTF-8: keep everything
        }
        return java.util.Arrays.copyOfRange(bytes, headerBytes.length, bytes.length);
    }
}
