package org.bnn.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.bnn.dsl.bnn.Model;
import org.bnn.dsl.formatting2.FormattedText;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;
import com.google.inject.Provider;

/** The one layout: what the formatter makes of sloppy text, and that the examples already have it. */
@ExtendWith(InjectionExtension.class)
@InjectWith(BnnInjectorProvider.class)
class BnnFormatterTest {
    @Inject
    private ParseHelper<Model> parser;
    @Inject
    private FormattedText formatter;
    @Inject
    private Provider<XtextResourceSet> resourceSets;

    private String format(String text) throws Exception {
        return formatter.of((XtextResource) parser.parse(text).eResource());
    }

    @Test
    void sloppyTextGetsTheCanonicalLayout() throws Exception {
        String sloppy = """
                package a.b import presets.illustrative.*
                // the network
                network   N{input x:28 x 28 bitserial 8 bits conv c1 : 8 kernel 3 padding 1 value -1 pool p: max 2 dense h:100
                output o :dense 10}
                tile T { cells 32 rows x 32 columns 2T2R sense pcsa {energy 25 fJ per sense delay 2 ns} popcount energy 20 fJ per input bit row cycle 2 clocks }
                mapping M{network N on Demo regime nominal replicate c1 2,h 1 allow reprogramming}""";
        assertEquals("""
                package a.b

                import presets.illustrative.*

                // the network
                network N {
                    input x: 28 x 28 bitserial 8 bits
                    conv c1: 8 kernel 3 padding 1 value -1
                    pool p: max 2
                    dense h: 100
                    output o: dense 10
                }

                tile T {
                    cells 32 rows x 32 columns 2T2R
                    sense pcsa { energy 25 fJ per sense delay 2 ns }
                    popcount energy 20 fJ per input bit
                    row cycle 2 clocks
                }

                mapping M {
                    network N on Demo
                    regime nominal
                    replicate c1 2, h 1
                    allow reprogramming
                }
                """, format(sloppy));
    }

    @Test
    void formattingIsIdempotentAndTheExamplesAreFormatted() throws Exception {
        for (Path file : examples()) {
            String text = Files.readString(file);
            String once = format(text);
            assertEquals(once, format(once), "idempotent on " + file);
            assertEquals(text, once, file + " is not in the canonical layout: run ./bnn format " + file);
        }
    }

    /** The network's values get a line of their own after the input; a layer's stay on the layer's line. */
    @Test
    void weightValuesHaveTheirPlace() throws Exception {
        String sloppy = "network N{input x:8 x 8   weights\nternary conv c:4 kernel 3\n weights binary pool p:max 2 dense h:16 weights  ternary\n"
                + "output o:dense 3\nweights \"w.npz\"}";
        String canonical = """
                network N {
                    input x: 8 x 8
                    weights ternary
                    conv c: 4 kernel 3 weights binary
                    pool p: max 2
                    dense h: 16 weights ternary
                    output o: dense 3
                    weights "w.npz"
                }
                """;
        assertEquals(canonical, format(sloppy));
        assertEquals(canonical, format(canonical));
    }

    @Test
    void filesWithSyntaxErrorsAreNotFormatted() {
        assertThrows(IllegalStateException.class, () -> format("tile T { cells 32 rows 32 columns 2T2R }"));
    }

    /** A name that does not resolve changes no layout: once the references are resolved (as bnn format's workspace does), the text still formats. */
    @Test
    void unresolvedNamesDoNotStopFormatting() throws Exception {
        Model model = parser.parse("mapping M{network N on C}");
        EcoreUtil.resolveAll(model);
        assertFalse(model.eResource().getErrors().isEmpty(), "N and C are linking errors");
        assertEquals("mapping M {\n    network N on C\n}\n", formatter.of((XtextResource) model.eResource()));
    }

    @Test
    void commentsKeepTheirText() throws Exception {
        // Xtext's default squeezed "//  aligned" to "// aligned" in indented comments (found by fuzzing).
        String text = "network N {\n    input x: 8\n    //  two spaces, kept\n    //dense h: 4  (commented out)\n    output o: dense 2\n}\n";
        String formatted = format(text);
        assertEquals(text, formatted);
    }

    @Test
    void fileWithoutAModelIsKeptAsWritten() throws Exception {
        for (String text : List.of("", "// only a comment", "/* a block */\n\n// and a line\n")) {
            assertEquals(text, formatter.of(resourceOf(text)), "text: " + text);
        }
    }

    /** A resource of {@code text} even when it holds no model (ParseHelper then returns no object). */
    private XtextResource resourceOf(String text) throws IOException {
        XtextResource resource = (XtextResource) resourceSets.get().createResource(URI.createURI("empty.bnn"));
        resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), null);
        return resource;
    }

    private static List<Path> examples() throws IOException {
        try (Stream<Path> files = Files.walk(TestFiles.repositoryRoot().resolve("examples"))) {
            return files.filter(p -> p.toString().endsWith(".bnn")).sorted().toList();
        }
    }
}
