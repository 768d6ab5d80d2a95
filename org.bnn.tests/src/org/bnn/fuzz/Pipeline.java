package org.bnn.fuzz;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.bnn.cli.BnnCli;
import org.bnn.cli.compile.CompilationException;
import org.bnn.cli.compile.InMemoryJavaCompiler;
import org.bnn.cli.report.EstimateReport;
import org.bnn.dsl.BnnStandaloneSetup;
import org.bnn.dsl.bnn.Experiment;
import org.bnn.dsl.bnn.Explore;
import org.bnn.dsl.bnn.Mapping;
import org.bnn.dsl.bnn.Training;
import org.bnn.dsl.formatting2.FormattedText;
import org.bnn.dsl.spec.ExploreTranslator;
import org.bnn.dsl.spec.SpecTranslator;
import org.bnn.runtime.estimate.EstimateText;
import org.bnn.runtime.estimate.Estimator;
import org.bnn.runtime.estimate.MappingEstimate;
import org.bnn.runtime.experiment.ExperimentSpec;
import org.bnn.runtime.experiment.InputSource;
import org.bnn.runtime.experiment.SweepSpec;
import org.bnn.runtime.explore.Exploration;
import org.bnn.runtime.explore.ExploreSpec;
import org.bnn.runtime.json.SpecJson;
import org.bnn.runtime.spec.MappingSpec;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.generator.GeneratorContext;
import org.eclipse.xtext.generator.GeneratorDelegate;
import org.eclipse.xtext.generator.IFileSystemAccess;
import org.eclipse.xtext.generator.InMemoryFileSystemAccess;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;

import com.google.inject.Injector;

/**
 * Puts one .bnn text through parse → validate → estimate → format → generate → compile → run with
 * the classes the command line uses, and checks every promise on the way: nothing throws, nothing
 * logs an error or a stack trace, formatting is idempotent and keeps every token, a file without
 * errors generates Java that compiles without warnings and (when small) runs, its explorations
 * translate, plan and read back equal from their JSON (with every simulation of the plan), and no
 * case takes more than the time limit.
 *
 * <p>The stages up to compile share one injector (the CLI's, built once) and a fresh resource set
 * per case, so that tens of cases a second are possible; the run goes through {@code bnn run} itself.
 */
public final class Pipeline {
    /** The limit of one case, all stages together, for a text of up to {@link #LIMIT_BYTES}. */
    static final long LIMIT_MILLIS = 10_000;
    /**
     * Texts up to this size (more than a file of 20,000 declarations) get {@link #LIMIT_MILLIS};
     * larger ones, which mutations sometimes grow to many megabytes, get it once per this many
     * bytes: linear work passes, super-linear work still fails.
     */
    static final int LIMIT_BYTES = 3 << 20;
    /** Runs are sampled: only models whose simulation reads fewer cells than this (sense events). */
    static final long RUN_WORK_LIMIT = 200_000_000L;
    /** Longest file name most file systems accept, in bytes. */
    private static final int NAME_MAX = 255;

    private final Injector injector = new BnnStandaloneSetup().createInjectorAndDoEMFRegistration();
    private final ExampleTree tree;
    private ExecutorService worker = newWorker();
    private volatile Stage current = Stage.PARSE;
    /** Generated Java that compiled without a failure, by content; bounded by the number of distinct models. */
    private final Set<String> compiledBefore = java.util.Collections.synchronizedSet(new java.util.HashSet<>());
    private final Set<Stage> entered = java.util.Collections.synchronizedSet(EnumSet.noneOf(Stage.class));

    public Pipeline(ExampleTree tree) {
        this.tree = tree;
    }

    /** The pipeline of this JVM over the shared copy of the examples, warmed up on the quick start. */
    public static synchronized Pipeline shared() {
        if (instance == null) {
            instance = new Pipeline(ExampleTree.shared());
            // The first compile and run load the compiler, the CLI and the JIT: not the cost of a case.
            String quickstart = "examples/quickstart/quickstart.bnn";
            instance.checkNow(new FuzzInput(quickstart, instance.tree.seeds().get(quickstart), "warm-up"));
            instance.checkNow(Models.SMALL.input());
            instance.compiledBefore.clear(); // the warm-up is not a case: nothing it compiled counts as seen
        }
        return instance;
    }

    private static Pipeline instance;

    /** Checks one input within the time limit; a case over it is a failure at the stage it was in. */
    public synchronized Verdict check(FuzzInput input) {
        long start = System.nanoTime();
        long limit = LIMIT_MILLIS * Math.max(1, (input.bytes().length + LIMIT_BYTES - 1) / LIMIT_BYTES);
        Future<Verdict> verdict = worker.submit(() -> checkNow(input));
        try {
            return verdict.get(limit, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            verdict.cancel(true);
            Stage stuck = current;
            // The stuck thread cannot be stopped safely; it is abandoned and a new worker takes over.
            worker.shutdownNow();
            worker = newWorker();
            restore(input);
            return new Verdict(enteredSoFar(), List.of(new Failure(stuck, "over " + LIMIT_MILLIS / 1000 + " s",
                    "still in " + stuck + " after " + limit + " ms (" + input.bytes().length + " bytes)")),
                    (System.nanoTime() - start) / 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the pipeline itself failed", e.getCause());
        }
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "bnn-fuzz-case");
            thread.setDaemon(true);
            return thread;
        });
    }

    private Verdict checkNow(FuzzInput input) {
        long start = System.nanoTime();
        List<Failure> failures = new ArrayList<>();
        entered.clear();
        try (LogCapture log = LogCapture.start()) {
            stages(new Case(input, tree.resolve(input.path()), log, failures));
            for (String problem : log.problems()) {
                failures.add(new Failure(current, problem.startsWith("printed") ? "stack trace printed" : "error logged", problem));
            }
        }
        return new Verdict(enteredSoFar(), List.copyOf(failures), (System.nanoTime() - start) / 1_000_000);
    }

    /** One input under check: its place in the copy, what it logs and prints, the failures found so far. */
    private record Case(FuzzInput input, Path file, LogCapture log, List<Failure> failures) {
        boolean failed() {
            return !failures.isEmpty();
        }
    }

    /** Runs the stages in order while they pass. */
    private void stages(Case c) {
        try {
            enter(Stage.PARSE);
            XtextResource resource = load(c.file(), c.input().bytes());
            Optional<List<MappingSpec>> mappings = validateStage(c, resource);
            // `bnn format` leaves a file it cannot format alone (syntax errors, no model).
            if (FormattedText.formattable(resource)) {
                enter(Stage.FORMAT);
                format(c.file(), resource, c.failures());
            }
            if (mappings.isPresent() && !c.failed()) {
                List<MappingEstimate> estimates = estimateStage(mappings.get());
                compileAndRun(c, resource, estimates, explorations(resource, c.failures()));
            }
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            c.failures().add(Failure.uncaught(current, e));
        }
    }

    /**
     * Validates: no diagnostic shows the implementation, line endings change no diagnostic, and
     * translating the file does not throw, errors or not. Returns what there is to estimate, or
     * nothing when the file has errors (the stages after formatting are for valid files only).
     */
    private Optional<List<MappingSpec>> validateStage(Case c, XtextResource resource) {
        enter(Stage.VALIDATE);
        // A name may really be `null`; the corpus header may quote the message it once gave.
        String body = new String(Corpus.stripHeader(c.input().bytes()), StandardCharsets.UTF_8);
        List<Issue> issues = injector.getInstance(IResourceValidator.class).validate(resource, CheckMode.ALL, CancelIndicator.NullImpl);
        for (Issue issue : issues) {
            if (showsImplementation(issue.getMessage(), body)) {
                c.failures().add(new Failure(Stage.VALIDATE, "diagnostic shows the implementation",
                        issue.getSeverity() + ": " + issue.getMessage() + "\nline " + issue.getLineNumber() + ", column "
                                + issue.getColumn()));
            }
        }
        if (c.input().text().indexOf('\r') >= 0) {
            sameDiagnosticsWithNewlines(c.file(), c.input().text(), issues, c.failures());
        }
        List<MappingSpec> mappings = translatable(resource);
        return issues.stream().anyMatch(i -> i.getSeverity() == Severity.ERROR) ? Optional.empty() : Optional.of(mappings);
    }

    /** Estimates every mapping as `bnn estimate` does, tables and JSON; none may throw. */
    private List<MappingEstimate> estimateStage(List<MappingSpec> mappings) {
        enter(Stage.ESTIMATE);
        List<MappingEstimate> estimates = new ArrayList<>();
        for (MappingSpec mapping : mappings) {
            MappingEstimate estimate = Estimator.estimate(mapping);
            EstimateText.tileTable(estimate);
            EstimateText.costTable(estimate);
            estimates.add(estimate);
        }
        SpecJson.write(estimates.stream().map(EstimateReport::of).toList());
        return estimates;
    }

    /** An exploration of a valid file, translated as the generator translates it, and what a run of it will do. */
    private record Planned(ExploreSpec spec, Exploration.Plan plan) {
    }

    /**
     * Translates and plans every exploration of a valid file (its designs resolved and estimated, still
     * ESTIMATE); neither may throw, and the spec and each of its simulations must read back equal from
     * their JSON, as they travel to Spark executors.
     */
    private List<Planned> explorations(Resource resource, List<Failure> failures) {
        ExploreTranslator translator = injector.getInstance(ExploreTranslator.class);
        List<Planned> planned = new ArrayList<>();
        for (EObject object : (Iterable<EObject>) resource::getAllContents) {
            if (!(object instanceof Explore explore)) {
                continue;
            }
            ExploreSpec spec;
            try {
                spec = translator.translate(explore);
            } catch (SpecTranslator.IncompleteModelException | IllegalArgumentException e) {
                failures.add(new Failure(Stage.ESTIMATE, "validated exploration does not translate", e.getMessage()));
                continue;
            }
            SpecRoundTrip.difference(spec, ExploreSpec.class)
                    .ifPresent(d -> failures.add(new Failure(Stage.ESTIMATE, "exploration does not survive its JSON", d)));
            Exploration.Plan plan = Exploration.plan(spec);
            for (ExperimentSpec simulation : plan.simulations()) {
                SpecRoundTrip.difference(simulation, ExperimentSpec.class)
                        .ifPresent(d -> failures.add(new Failure(Stage.ESTIMATE, "simulation does not survive its JSON", d)));
            }
            planned.add(new Planned(spec, plan));
        }
        return planned;
    }

    /** Generates Java; unless the same Java passed before, compiles it and, when the model is small enough, runs it. */
    private void compileAndRun(Case c, Resource resource, List<MappingEstimate> estimates, List<Planned> explorations) {
        enter(Stage.GENERATE);
        Map<String, String> sources = generate(resource, c.failures());
        if (sources.isEmpty() || c.failed()) {
            return;
        }
        boolean runnable = runnable(c.file(), resource, estimates, explorations);
        String java = digest(c.input().path() + runnable + sources);
        if (compiledBefore.contains(java)) {
            return; // The same Java compiled (and ran) cleanly before: javac is deterministic, the case adds nothing.
        }
        enter(Stage.COMPILE);
        if (compiles(sources, c.failures()) && runnable) {
            enter(Stage.RUN);
            run(c);
        }
        if (!c.failed() && c.log().problems().isEmpty()) {
            compiledBefore.add(java);
        }
    }

    /** Compiles generated Java, where an error or a warning is a failure; returns whether it compiled (so can run). */
    static boolean compiles(Map<String, String> sources, List<Failure> failures) {
        try {
            InMemoryJavaCompiler.Result compiled = new InMemoryJavaCompiler().compile(sources);
            if (!compiled.warnings().isEmpty()) {
                failures.add(new Failure(Stage.COMPILE, "generated Java has warnings", String.join("\n", compiled.warnings())));
            }
            return true;
        } catch (CompilationException e) {
            // The first compiler error leads (without its file and line), so that it names the bug.
            String errors = e.getMessage().replaceFirst("^generated Java does not compile:\\s*", "");
            failures.add(new Failure(Stage.COMPILE, "validated but does not compile", errors.replaceFirst("^[^\\s:]*:[0-9]+: ", "")
                    + "\n" + errors));
            return false;
        }
    }

    private static String digest(String text) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Set<Stage> enteredSoFar() {
        synchronized (entered) {
            Set<Stage> copy = EnumSet.noneOf(Stage.class);
            copy.addAll(entered);
            return copy;
        }
    }

    private void enter(Stage stage) {
        current = stage;
        entered.add(stage);
    }

    /** Parses the file's bytes as its content, in a fresh resource set with the files the CLI loads with it. */
    private XtextResource load(Path file, byte[] bytes) {
        XtextResourceSet resources = injector.getInstance(XtextResourceSet.class);
        XtextResource resource = loadInto(resources, file, bytes);
        for (Path other : tree.context(file)) {
            try {
                loadInto(resources, other, Files.readAllBytes(other));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return resource;
    }

    private static XtextResource loadInto(XtextResourceSet resources, Path file, byte[] bytes) {
        Resource resource = resources.createResource(URI.createFileURI(file.toAbsolutePath().normalize().toString()));
        try {
            resource.load(new ByteArrayInputStream(bytes), resources.getLoadOptions());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return (XtextResource) resource;
    }

    /** Any line ending (LF, CRLF, CR, mixed) parses identically: the same diagnostics on the same lines. */
    private void sameDiagnosticsWithNewlines(Path file, String text, List<Issue> issues, List<Failure> failures) {
        String unix = text.replace("\r\n", "\n").replace('\r', '\n');
        XtextResource resource = load(file, unix.getBytes(StandardCharsets.UTF_8));
        List<String> expected = injector.getInstance(IResourceValidator.class).validate(resource, CheckMode.ALL, CancelIndicator.NullImpl)
                .stream().map(Pipeline::summary).toList();
        List<String> actual = issues.stream().map(Pipeline::summary).toList();
        if (!expected.equals(actual)) {
            failures.add(new Failure(Stage.VALIDATE, "line endings change the diagnostics",
                    "with the line endings as written:\n  " + String.join("\n  ", actual) + "\nwith \\n:\n  "
                            + String.join("\n  ", expected)));
        }
    }

    /** Words of the implementation in a message, unless the message quotes them from the text it is about. */
    private static final List<String> IMPLEMENTATION_WORDS = List.of("Error executing EValidator", "null", "Exception", "For input string");

    private static boolean showsImplementation(String message, String body) {
        return message == null || IMPLEMENTATION_WORDS.stream().anyMatch(
                word -> java.util.regex.Pattern.compile("\\b" + java.util.regex.Pattern.quote(word) + "\\b").matcher(message).find()
                        && !body.contains(word));
    }

    private static String summary(Issue issue) {
        // A message may quote the text it is about; a quoted line ending is that text, not a difference.
        String message = issue.getMessage().replace("\\r\\n", "\\n").replace("\\r", "\\n").replace("\r\n", "\n").replace('\r', '\n');
        return issue.getSeverity() + " " + issue.getLineNumber() + ": " + message;
    }

    /** What `bnn estimate` and the validator's hints translate: must not throw, errors or not. */
    private List<MappingSpec> translatable(Resource resource) {
        SpecTranslator translator = injector.getInstance(SpecTranslator.class);
        List<MappingSpec> mappings = new ArrayList<>();
        resource.getAllContents().forEachRemaining(object -> {
            if (object instanceof Mapping mapping) {
                translator.tryTranslate(mapping).ifPresent(mappings::add);
            } else if (object instanceof Experiment experiment) {
                translator.tryTranslate(experiment);
            } else if (object instanceof Training training) {
                translator.tryTranslate(training);
            } else if (object instanceof Explore explore) {
                injector.getInstance(ExploreTranslator.class).tryTranslate(explore);
            }
        });
        return mappings;
    }

    /** The formatted text parses, keeps every token and comment in order, and formats to itself. */
    private void format(Path file, XtextResource resource, List<Failure> failures) {
        FormattedText formatter = injector.getInstance(FormattedText.class);
        String once = formatter.of(resource);
        XtextResource reparsed = load(file, once.getBytes(StandardCharsets.UTF_8));
        if (reparsed.getParseResult().hasSyntaxErrors()) { // linking errors it may share with the input
            String error = reparsed.getParseResult().getSyntaxErrors().iterator().next().getSyntaxErrorMessage().getMessage();
            failures.add(new Failure(Stage.FORMAT, "formatted text does not parse", error + "\n" + once));
            return;
        }
        List<String> before = tokens(resource);
        List<String> after = tokens(reparsed);
        if (!before.equals(after)) {
            failures.add(new Failure(Stage.FORMAT, "formatting changed the tokens", firstDifference(before, after)));
            return;
        }
        String twice = formatter.of(reparsed);
        if (!twice.equals(once)) {
            failures.add(new Failure(Stage.FORMAT, "formatting is not idempotent", "once:\n" + once + "\ntwice:\n" + twice));
        }
    }

    /** The tokens of a parsed file without the white space between them; comments count, trimmed. */
    private static List<String> tokens(XtextResource resource) {
        List<String> tokens = new ArrayList<>();
        for (ILeafNode leaf : resource.getParseResult().getRootNode().getLeafNodes()) {
            String text = leaf.getText().strip();
            if (!text.isEmpty()) {
                tokens.add(text);
            }
        }
        return tokens;
    }

    private static String firstDifference(List<String> before, List<String> after) {
        int i = 0;
        while (i < before.size() && i < after.size() && before.get(i).equals(after.get(i))) {
            i++;
        }
        return "token " + i + ": " + (i < before.size() ? before.get(i) : "(end)") + " became "
                + (i < after.size() ? after.get(i) : "(end)");
    }

    private Map<String, String> generate(Resource resource, List<Failure> failures) {
        InMemoryFileSystemAccess output = new InMemoryFileSystemAccess();
        GeneratorContext context = new GeneratorContext();
        context.setCancelIndicator(CancelIndicator.NullImpl);
        injector.getInstance(GeneratorDelegate.class).generate(resource, output, context);
        Map<String, String> sources = new java.util.TreeMap<>();
        output.getTextFiles()
                .forEach((key, text) -> sources.put(key.substring(IFileSystemAccess.DEFAULT_OUTPUT.length()), text.toString()));
        for (String path : sources.keySet()) {
            for (String name : path.split("/")) {
                if (name.getBytes(StandardCharsets.UTF_8).length > NAME_MAX) {
                    failures.add(new Failure(Stage.GENERATE, "generated file name too long for a file system",
                            name.length() + " characters, over " + NAME_MAX + " bytes\n" + name.substring(0, 80) + "..."));
                }
            }
        }
        return sources;
    }

    /**
     * Whether to run the simulation: only models small enough to finish well within the limit, and
     * only when every report folder stays inside the copy (a report path may still point anywhere).
     */
    private boolean runnable(Path file, Resource resource, List<MappingEstimate> estimates, List<Planned> explorations) {
        long work = 0;
        for (MappingEstimate estimate : estimates) {
            work += estimate.events().senses() * 2; // bnn run --batch 2
        }
        SpecTranslator translator = injector.getInstance(SpecTranslator.class);
        for (EObject object : (Iterable<EObject>) resource::getAllContents) {
            if (object instanceof Experiment experiment) {
                Optional<ExperimentSpec> spec = translator.tryTranslate(experiment);
                if (spec.isEmpty()) {
                    return false;
                }
                if (spec.get().report().isPresent() && !insideTheCopy(file, spec.get().report().get().folder())) {
                    return false;
                }
                long inputs = spec.get().inputs() instanceof InputSource.Random random ? random.count() : 0;
                SweepSpec sweep = spec.get().sweep();
                long points = sweep instanceof SweepSpec.Ber ber
                        ? ber.points().size()
                        : sweep instanceof SweepSpec.Regimes regimes
                                ? regimes.regimes().size()
                                : spec.get().mapping().network().weightLayers().size() + 1;
                work += Estimator.estimate(spec.get().mapping()).events().senses() * inputs * points * spec.get().trials();
            }
        }
        for (Planned exploration : explorations) {
            ExploreSpec spec = exploration.spec();
            if (spec.report().isPresent() && !insideTheCopy(file, spec.report().get().folder())) {
                return false;
            }
            long inputs = spec.inputs() instanceof InputSource.Random random ? random.count() : 0;
            for (ExperimentSpec simulation : exploration.plan().simulations()) { // one sweep point each
                work += Estimator.estimate(simulation.mapping()).events().senses() * inputs * spec.trials();
            }
        }
        return work <= RUN_WORK_LIMIT;
    }

    private boolean insideTheCopy(Path file, String folder) {
        try {
            return file.getParent().resolve(folder).normalize().startsWith(tree.resolve("examples"));
        } catch (java.nio.file.InvalidPathException e) {
            return false; // not a path of this file system (a NUL character): not ours to write to
        }
    }

    /** `bnn run` on the file in place, judged by {@link #runFailure}. */
    private void run(Case c) {
        int before = c.log().printed().length();
        try {
            Files.write(c.file(), c.input().bytes());
            int exit = BnnCli.execute("run", c.file().toString(), "--batch", "2");
            runFailure(exit, c.log().printed().substring(before)).ifPresent(c.failures()::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            restore(c.input());
        }
    }

    /**
     * What `bnn run` may do on a valid file: exit 0, or 2 with a one-line error about the user's data;
     * never an internal error, not even on the way to exit 0.
     */
    static Optional<Failure> runFailure(int exit, String output) {
        // While bnn runs, its one-line appender stands in for the capture's: what is logged is in its output.
        boolean internalError = output.lines().anyMatch(l -> l.startsWith("bnn: internal error"));
        boolean userError = exit == 2 && !internalError && output.lines().anyMatch(l -> l.startsWith("bnn: "));
        String firstLines = output.lines().limit(20).reduce((a, b) -> a + "\n" + b).orElse("");
        if (exit != 0 && !userError) {
            return Optional.of(new Failure(Stage.RUN, "bnn run exit " + exit + " on a valid file", firstLines));
        }
        return internalError ? Optional.of(new Failure(Stage.RUN, "error logged", firstLines)) : Optional.empty();
    }

    /** Puts the example back (or removes a generated file), so that the copy is as it was for the next case. */
    private void restore(FuzzInput input) {
        Path file = tree.resolve(input.path());
        byte[] original = tree.seeds().get(input.path());
        try {
            if (original != null) {
                Files.write(file, original);
            } else {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
