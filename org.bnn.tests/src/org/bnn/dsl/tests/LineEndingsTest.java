package org.bnn.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.bnn.dsl.bnn.Model;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.eclipse.xtext.testing.validation.ValidationTestHelper;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;
import com.google.inject.Provider;

/**
 * LF, CRLF, a lone CR and a mix of them read alike: every example gives the same model and the
 * same diagnostics, at the same lines and columns, whatever its line endings.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(BnnInjectorProvider.class)
class LineEndingsTest {
    private static final String LIBRARY = "examples/lib/illustrative-hw.bnn";

    private static final List<UnaryOperator<String>> LINE_ENDINGS = List.of(
            text -> text.replace("\n", "\r\n"),
            text -> text.replace("\n", "\r"),
            LineEndingsTest::mixed);

    @Inject
    private ParseHelper<Model> parser;
    @Inject
    private ValidationTestHelper validation;
    @Inject
    private Provider<XtextResourceSet> resourceSets;

    /** CR, CRLF and LF in turn, line after line (in this order: a CR ending a line before an empty one ended by LF would be a CRLF). */
    private static String mixed(String text) {
        String[] lines = text.split("\n", -1);
        StringBuilder mixed = new StringBuilder();
        String[] endings = {"\r", "\r\n", "\n"};
        for (int i = 0; i < lines.length; i++) {
            mixed.append(lines[i]).append(i == lines.length - 1 ? "" : endings[i % endings.length]);
        }
        return mixed.toString();
    }

    @Test
    void everyExampleReadsAlikeWithEveryLineEnding() throws Exception {
        List<Path> examples = examples();
        assertTrue(examples.size() >= 6, examples::toString);
        for (Path example : examples) {
            String lf = Files.readString(example);
            Parsed expected = parse(lf);
            for (UnaryOperator<String> ending : LINE_ENDINGS) {
                Parsed actual = parse(ending.apply(lf));
                assertTrue(EcoreUtil.equals(expected.model(), actual.model()), () -> example + " reads another model");
                assertEquals(expected.issues(), actual.issues(), example.toString());
            }
        }
    }

    /** A lone CR that ends a text with a syntax error at its end made Xtext's line numbering fail. */
    @Test
    void aSyntaxErrorAtTheEndOfATextEndedByALoneCarriageReturnHasItsLine() throws Exception {
        Parsed lf = parse("// a tile\ntile T {\n    cells 8 rows x 8 columns 2T2R\n");
        Parsed cr = parse("// a tile\rtile T {\r    cells 8 rows x 8 columns 2T2R\r");
        assertEquals(lf.issues(), cr.issues());
        assertTrue(cr.issues().stream().anyMatch(issue -> issue.startsWith("ERROR 3:34-4:1 ")), cr.issues()::toString);
    }

    @Test
    void aCommentOnTheLastLineWithoutLineBreakIsAComment() throws Exception {
        assertEquals(List.of(), parse("tile T { cells 8 rows x 8 columns 2T2R }\r// the end").issues());
    }

    private record Parsed(Model model, List<String> issues) {
    }

    /** The model of {@code text}, next to the presets it may import, and its issues as "SEVERITY line:column-line:column message". */
    private Parsed parse(String text) throws Exception {
        XtextResourceSet resources = resourceSets.get();
        parser.parse(TestFiles.read(LIBRARY), URI.createURI("lib.bnn"), resources);
        Model model = parser.parse(text, URI.createURI("example.bnn"), resources);
        assertNotNull(model, () -> "no model read from " + text.replace("\r", "<CR>").replace("\n", "<LF>"));
        List<String> issues = validation.validate(model).stream().map(LineEndingsTest::describe).toList();
        return new Parsed(model, issues);
    }

    private static String describe(Issue issue) {
        return issue.getSeverity() + " " + issue.getLineNumber() + ":" + issue.getColumn() + "-" + issue.getLineNumberEnd() + ":"
                + issue.getColumnEnd() + " " + issue.getMessage();
    }

    private static List<Path> examples() throws IOException {
        try (Stream<Path> files = Files.walk(TestFiles.repositoryRoot().resolve("examples"))) {
            return files.filter(file -> file.toString().endsWith(".bnn")).sorted().toList();
        }
    }
}
