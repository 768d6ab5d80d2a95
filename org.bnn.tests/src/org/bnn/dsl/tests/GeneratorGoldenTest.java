package org.bnn.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.bnn.dsl.bnn.Model;
import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.generator.GeneratorContext;
import org.eclipse.xtext.generator.GeneratorDelegate;
import org.eclipse.xtext.generator.IFileSystemAccess;
import org.eclipse.xtext.generator.InMemoryFileSystemAccess;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;
import com.google.inject.Provider;

/**
 * The generated Java of the examples, compared with reviewed copies in org.bnn.tests/golden: a
 * template change shows up as a diff in review. After an intended change, regenerate them with
 * {@code -Dbnn.golden.update=true} and review the diff.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(BnnInjectorProvider.class)
class GeneratorGoldenTest {
    private static final Path GOLDEN = TestFiles.repositoryRoot().resolve("org.bnn.tests/golden");

    @Inject
    private ParseHelper<Model> parser;
    @Inject
    private GeneratorDelegate generator;
    @Inject
    private Provider<XtextResourceSet> resourceSets;

    @Test
    void quickstartMnistAndPlacementGenerateTheReviewedJava() throws Exception {
        Map<String, String> generated = new TreeMap<>();
        generated.putAll(generate("examples/quickstart/quickstart.bnn"));
        generated.putAll(generate("examples/mnist/mnist.bnn"));
        generated.putAll(generate("examples/placement/placement.bnn"));
        generated.putAll(generate("examples/explore/explore.bnn"));
        boolean update = Boolean.getBoolean("bnn.golden.update");
        for (Map.Entry<String, String> file : generated.entrySet()) {
            Path golden = GOLDEN.resolve(file.getKey() + ".txt");
            if (update) {
                Files.createDirectories(golden.getParent());
                Files.writeString(golden, file.getValue());
            }
            assertEquals(Files.readString(golden), file.getValue(), "generated " + file.getKey() + " differs from " + golden);
        }
        try (var stream = Files.walk(GOLDEN)) {
            assertEquals(generated.size(), stream.filter(p -> p.toString().endsWith(".java.txt")).count(),
                    "every golden file is still generated");
        }
    }

    private Map<String, String> generate(String file) throws Exception {
        XtextResourceSet resources = resourceSets.get();
        parser.parse(TestFiles.read("examples/lib/illustrative-hw.bnn"), URI.createURI("lib.bnn"), resources);
        Model model = parser.parse(TestFiles.read(file), URI.createURI(Path.of(file).getFileName().toString()), resources);
        InMemoryFileSystemAccess fsa = new InMemoryFileSystemAccess();
        generator.generate(model.eResource(), fsa, new GeneratorContext());
        Map<String, String> sources = new TreeMap<>();
        fsa.getTextFiles().forEach((k, v) -> sources.put(k.substring(IFileSystemAccess.DEFAULT_OUTPUT.length()), v.toString()));
        return sources;
    }
}
