package org.bnn.cli.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.bnn.dsl.BnnStandaloneSetup;
import org.bnn.dsl.bnn.Mapping;
import org.bnn.dsl.bnn.Network;
import org.bnn.dsl.files.DescriptionFiles;
import org.bnn.dsl.formatting2.FormattedText;
import org.bnn.dsl.spec.SpecTranslator;
import org.bnn.runtime.spec.MappingSpec;
import org.bnn.runtime.spec.NetworkSpec;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.generator.GeneratorContext;
import org.eclipse.xtext.generator.GeneratorDelegate;
import org.eclipse.xtext.generator.IFileSystemAccess;
import org.eclipse.xtext.generator.InMemoryFileSystemAccess;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;

import com.google.inject.Injector;

/**
 * The .bnn files of one command: the files named on the command line plus their
 * {@linkplain #contextOf(Path) context} (the other files of their folders, the libraries of enclosing
 * folders), loaded into one resource set so that imports across files resolve.
 */
public final class BnnWorkspace {
    private final Injector injector;
    private final XtextResourceSet resourceSet;
    private final Map<Path, Resource> requested = new LinkedHashMap<>();

    private BnnWorkspace(Injector injector) {
        this.injector = injector;
        this.resourceSet = injector.getInstance(XtextResourceSet.class);
    }

    /**
     * Loads {@code files} and the files of their {@linkplain #contextOf(Path) context}.
     *
     * @throws WorkspaceException if a file is not a readable UTF-8 .bnn file
     */
    public static BnnWorkspace load(List<Path> files) {
        files.forEach(SourceFile::check);
        BnnWorkspace workspace = new BnnWorkspace(new BnnStandaloneSetup().createInjectorAndDoEMFRegistration());
        for (Path file : files) {
            workspace.requested.put(file, workspace.resource(file));
        }
        for (Path file : files) {
            for (Path other : contextOf(file)) {
                try {
                    workspace.resource(other);
                } catch (WorkspaceException e) {
                    // A file of the context that cannot be read is only context; the requested files are what counts.
                }
            }
        }
        return workspace;
    }

    /**
     * The other .bnn files that load with {@code file}, in load order: those of its folder, then
     * those of {@code lib/} in its folder and in every folder above it (like a shared preset
     * library). Absolute and normalized; a folder that cannot be listed adds nothing.
     */
    public static List<Path> contextOf(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path folder = absolute.getParent();
        Set<Path> context = new LinkedHashSet<>(bnnFilesIn(folder));
        for (Path enclosing = folder; enclosing != null; enclosing = enclosing.getParent()) {
            context.addAll(bnnFilesIn(enclosing.resolve("lib")));
        }
        context.remove(absolute);
        return List.copyOf(context);
    }

    private static List<Path> bnnFilesIn(Path folder) {
        if (folder == null || !Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".bnn") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            return List.of(); // Listing is best effort: the context only helps imports resolve.
        }
    }

    private Resource resource(Path file) {
        URI uri = URI.createFileURI(file.toAbsolutePath().normalize().toString());
        Resource existing = resourceSet.getResource(uri, false);
        if (existing != null) {
            return existing;
        }
        Resource resource = resourceSet.createResource(uri);
        try {
            resource.load(resourceSet.getLoadOptions());
        } catch (IOException e) {
            resourceSet.getResources().remove(resource);
            throw new WorkspaceException(file + ": cannot be read: " + e.getMessage());
        }
        return resource;
    }

    /** The requested files, in command-line order. */
    public List<Path> files() {
        return List.copyOf(requested.keySet());
    }

    /**
     * Parser, linker and validator diagnostics of one requested file, in source order, then the
     * errors of the files it uses (its libraries, directly or through another file), each under its
     * own path: a library with a syntax error is read with the parser's guesses, so a run on it would
     * silently simulate something else than what is written.
     */
    public List<Diagnostic> diagnostics(Path file) {
        List<Diagnostic> result = new ArrayList<>();
        addDiagnostics(file, new HashSet<>(), result);
        return result;
    }

    /**
     * The {@linkplain #diagnostics(Path) diagnostics} of every requested file, in command-line
     * order, each file's only once: a library two requested files use, or a requested file another
     * one uses, is one set of problems to fix, not two.
     */
    public List<Diagnostic> diagnostics() {
        Map<Resource, Path> files = new LinkedHashMap<>();
        requested.forEach((file, resource) -> files.putIfAbsent(resource, file)); // a file named twice (a.bnn ./a.bnn) is one
        // A requested file is reported in full in its turn, never as another one's library.
        Set<Resource> reported = new HashSet<>(files.keySet());
        List<Diagnostic> result = new ArrayList<>();
        files.values().forEach(file -> addDiagnostics(file, reported, result));
        return result;
    }

    /** Adds the diagnostics of a requested file, then the errors of the files it uses that are not in {@code reported} yet. */
    private void addDiagnostics(Path file, Set<Resource> reported, List<Diagnostic> into) {
        Resource resource = requested.get(file);
        into.addAll(diagnosticsOf(resource, file, false));
        for (Resource used : usedBy(resource)) {
            if (reported.add(used)) {
                into.addAll(diagnosticsOf(used, Path.of(used.getURI().toFileString()), true));
            }
        }
    }

    private List<Diagnostic> diagnosticsOf(Resource resource, Path file, boolean errorsOnly) {
        IResourceValidator validator = injector.getInstance(IResourceValidator.class);
        List<Diagnostic> result = new ArrayList<>();
        for (Issue issue : validator.validate(resource, CheckMode.ALL, CancelIndicator.NullImpl)) {
            if (!errorsOnly || issue.getSeverity() == Severity.ERROR) {
                result.add(new Diagnostic(file, value(issue.getLineNumber()), value(issue.getColumn()), severity(issue.getSeverity()),
                        issue.getMessage(), issue.getCode()));
            }
        }
        result.sort(Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column));
        return result;
    }

    /** The other files whose declarations {@code resource} refers to, directly or through each other, in load order. */
    private List<Resource> usedBy(Resource resource) {
        Set<Resource> used = new LinkedHashSet<>();
        Deque<Resource> pending = new ArrayDeque<>(List.of(resource));
        while (!pending.isEmpty()) {
            Resource current = pending.pop();
            EcoreUtil.resolveAll(current);
            current.getAllContents().forEachRemaining(object -> {
                for (EObject target : object.eCrossReferences()) {
                    Resource owner = target.eIsProxy() ? null : target.eResource();
                    if (owner != null && owner != resource && used.add(owner)) {
                        pending.push(owner);
                    }
                }
            });
        }
        return resourceSet.getResources().stream().filter(used::contains).toList();
    }

    /** Specs of the mappings of one requested file that can be translated (all, if it has no errors). */
    public List<MappingSpec> mappings(Path file) {
        SpecTranslator translator = injector.getInstance(SpecTranslator.class);
        List<MappingSpec> mappings = new ArrayList<>();
        requested.get(file).getAllContents().forEachRemaining(object -> {
            if (object instanceof Mapping mapping) {
                translator.tryTranslate(mapping).ifPresent(mappings::add);
            }
        });
        return mappings;
    }

    /** A network of a requested file: its description and its weights file (resolved), if it names one. */
    public record DeclaredNetwork(NetworkSpec spec, Optional<Path> weights) {
    }

    /** The networks one requested file declares that translate, in the file's order. */
    public List<DeclaredNetwork> networks(Path file) {
        SpecTranslator translator = injector.getInstance(SpecTranslator.class);
        List<DeclaredNetwork> networks = new ArrayList<>();
        requested.get(file).getAllContents().forEachRemaining(object -> {
            if (object instanceof Network network) {
                SpecTranslator.attempt(() -> translator.translate(network)).ifPresent(spec -> networks.add(new DeclaredNetwork(spec,
                        Optional.ofNullable(network.getWeights())
                                .flatMap(w -> DescriptionFiles.folderOf(network).map(folder -> folder.resolve(w))))));
            }
        });
        return networks;
    }

    /** The formatted text of one requested file (throws IllegalStateException on syntax errors). */
    public String formatted(Path file) {
        return injector.getInstance(FormattedText.class).of((XtextResource) requested.get(file));
    }

    /** Java sources generated from one requested file, by path relative to the output root. */
    public Map<String, String> generate(Path file) {
        InMemoryFileSystemAccess output = new InMemoryFileSystemAccess();
        GeneratorContext context = new GeneratorContext();
        context.setCancelIndicator(CancelIndicator.NullImpl);
        injector.getInstance(GeneratorDelegate.class).generate(requested.get(file), output, context);
        Map<String, String> sources = new LinkedHashMap<>();
        output.getTextFiles()
                .forEach((key, text) -> sources.put(key.substring(IFileSystemAccess.DEFAULT_OUTPUT.length()), text.toString()));
        return sources;
    }

    private static int value(Integer position) {
        return position == null ? 1 : Math.max(1, position);
    }

    private static Diagnostic.Severity severity(Severity severity) {
        return switch (severity) {
            case ERROR -> Diagnostic.Severity.ERROR;
            case WARNING -> Diagnostic.Severity.WARNING;
            case INFO, IGNORE -> Diagnostic.Severity.INFO;
        };
    }
}
