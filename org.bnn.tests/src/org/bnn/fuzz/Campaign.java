package org.bnn.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.bnn.dsl.tests.TestFiles;

/**
 * The figures of the fuzzing in this JVM, and what a long campaign does with a failure: in the
 * normal test suite every failure fails its property; in a campaign ({@code -Dbnn.fuzz.minutes=M},
 * what {@code scripts/fuzz.sh} runs) a failure already found is counted and passed over, so that
 * the campaign goes on looking for new ones, and each new one is minimised into the corpus.
 */
final class Campaign {
    /** The figures of the last campaign, printed by scripts/fuzz.sh. */
    static final String SUMMARY = "org.bnn.tests/target/fuzz-summary.txt";

    private static final Map<Stage, Long> perStage = new EnumMap<>(Stage.class);
    private static final Map<String, Long> failingCasesByKind = new TreeMap<>();
    private static final Map<String, String> found = new LinkedHashMap<>();
    private static final Map<String, Double> minutesPerProperty = new LinkedHashMap<>();
    private static long cases;
    private static boolean corpusRemembered;
    private static volatile long deadline = Long.MAX_VALUE;
    private static long millis;

    private Campaign() {
    }

    /** Minutes of a long campaign, or empty in the normal test suite. */
    static Optional<Double> minutes() {
        String minutes = System.getProperty("bnn.fuzz.minutes");
        return minutes == null || minutes.isBlank() ? Optional.empty() : Optional.of(Double.parseDouble(minutes));
    }

    /** Puts one input through the pipeline and fails (with everything it broke) unless it kept every promise. */
    static void check(FuzzInput input) {
        if (System.currentTimeMillis() > deadline) {
            return; // the rest of a campaign's last property run: not a case, the time is up
        }
        Verdict verdict = Pipeline.shared().check(input);
        boolean campaign = minutes().isPresent();
        synchronized (Campaign.class) {
            cases++;
            millis += verdict.millis();
            verdict.entered().forEach(stage -> perStage.merge(stage, 1L, Long::sum));
            for (Failure failure : verdict.failures()) {
                failingCasesByKind.merge(category(failure), 1L, Long::sum);
            }
            if (campaign && verdict.failures().stream().allMatch(f -> found.containsKey(f.signature()))) {
                return;
            }
        }
        if (!verdict.passed()) {
            throw new AssertionError(verdict.report() + "\n\ninput: " + input);
        }
    }

    /** The kinds the issue counts: uncaught exceptions, logged traces, Java that does not compile, slow cases. */
    private static String category(Failure failure) {
        String kind = failure.kind();
        if (kind.startsWith("uncaught")) {
            return "uncaught exceptions";
        }
        if (kind.equals("error logged") || kind.equals("stack trace printed")) {
            return "logged errors and stack traces";
        }
        if (failure.stage() == Stage.COMPILE) {
            return "validated but not compiling (or warnings)";
        }
        if (kind.startsWith("over ")) {
            return "cases over 10 s";
        }
        return "other broken promises (" + failure.stage() + ": " + kind + ")";
    }

    /**
     * A new failure of a campaign: minimised, written to the corpus and remembered, so that the
     * campaign passes over it from now on.
     */
    static void found(FuzzInput input) {
        Verdict verdict = Pipeline.shared().check(input);
        if (verdict.passed()) {
            return; // Did not reproduce on its own (a slow case on a busy machine): nothing to keep.
        }
        Failure failure = verdict.failures().get(0);
        Path file = Corpus.write(minimise(input, failure), failure);
        synchronized (Campaign.class) {
            for (Failure each : verdict.failures()) {
                found.putIfAbsent(each.signature(), file.getFileName().toString());
            }
        }
    }

    /**
     * The input made smaller (for at most a minute) while it still breaks the promise of
     * {@code failure}, the same bug by its signature; the input itself if it cannot be made smaller.
     */
    static FuzzInput minimise(FuzzInput input, Failure failure) {
        String signature = failure.signature();
        String text = Minimiser.minimise(input.text(), candidate -> Pipeline.shared()
                .check(new FuzzInput(input.path(), candidate.getBytes(StandardCharsets.UTF_8), "minimising")).failures().stream()
                .anyMatch(f -> f.signature().equals(signature)), 60_000);
        return text.equals(input.text()) ? input : new FuzzInput(input.path(), text.getBytes(StandardCharsets.UTF_8), input.origin());
    }

    /** At the start of a campaign: the failures the corpus still shows are known, not new. */
    static void rememberCorpus() {
        synchronized (Campaign.class) {
            if (corpusRemembered) {
                return;
            }
            corpusRemembered = true;
        }
        Corpus.cases().forEach((path, bytes) -> {
            for (Failure failure : Pipeline.shared().check(Corpus.input(path, bytes)).failures()) {
                synchronized (Campaign.class) {
                    found.putIfAbsent(failure.signature(), path.substring(path.lastIndexOf('/') + 1) + " (corpus)");
                }
            }
        });
    }

    /** The end of the current property's share of a campaign: a case checked later is not counted. */
    static void until(long millis) {
        deadline = millis;
    }

    static synchronized void spent(String property, double minutes) {
        minutesPerProperty.put(property, minutes);
    }

    /** How many cases of this JVM reached each stage. */
    static synchronized String casesPerStage() {
        StringBuilder text = new StringBuilder("cases per stage:");
        for (Stage stage : Stage.values()) {
            text.append(' ').append(stage).append(' ').append(perStage.getOrDefault(stage, 0L));
        }
        return text.toString();
    }

    /** Writes the figures so far (after each property of a campaign) and returns them. */
    static synchronized String writeSummary() {
        StringBuilder text = new StringBuilder();
        double minutes = minutesPerProperty.values().stream().mapToDouble(Double::doubleValue).sum();
        text.append(String.format(Locale.ROOT, "campaign: %.1f min (%s), random seeds%n", minutes, minutesPerProperty.entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %.1f", e.getKey(), e.getValue())).reduce((a, b) -> a + ", " + b).orElse("")));
        text.append(String.format(Locale.ROOT, "cases: %d (%.1f cases/s; mean %.0f ms per case)%n", cases,
                minutes > 0 ? cases / (minutes * 60) : 0.0, cases > 0 ? (double) millis / cases : 0.0));
        text.append(casesPerStage());
        text.append(String.format("%nfailing cases:%n"));
        for (String kind : new String[] {"uncaught exceptions", "logged errors and stack traces",
            "validated but not compiling (or warnings)",
            "cases over 10 s"}) {
            text.append("  ").append(kind).append(": ").append(failingCasesByKind.getOrDefault(kind, 0L)).append('\n');
        }
        failingCasesByKind.forEach((kind, count) -> {
            if (kind.startsWith("other")) {
                text.append("  ").append(kind).append(": ").append(count).append('\n');
            }
        });
        long known = found.values().stream().filter(file -> file.endsWith(" (corpus)")).count();
        text.append("distinct failures: ").append(found.size() - known).append(" new (written to the corpus), ").append(known)
                .append(" still open in the corpus\n");
        found.forEach((signature, file) -> text.append("  ").append(file).append(": ").append(signature).append('\n'));
        try {
            Path summary = TestFiles.repositoryRoot().resolve(SUMMARY);
            Files.createDirectories(summary.getParent());
            Files.writeString(summary, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
