package org.bnn.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;

import org.bnn.dsl.bnn.Model;
import org.eclipse.xtext.formatting2.FormatterRequest;
import org.eclipse.xtext.formatting2.IFormatter2;
import org.eclipse.xtext.formatting2.regionaccess.TextRegionAccessBuilder;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;
import com.google.inject.Provider;

/**
 * The formatter on text with syntax errors, as a rename runs it (over the regions it changed):
 * whole-file formatting refuses such text, but a rename in half-typed text must not make the
 * formatter throw or log conflicts (both found by the language server fuzz test).
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(BnnInjectorProvider.class)
class FormatterOnBrokenTextTest {
    @Inject
    private ParseHelper<Model> parser;
    @Inject
    private IFormatter2 formatter;
    @Inject
    private Provider<FormatterRequest> requests;
    @Inject
    private Provider<TextRegionAccessBuilder> regionAccess;

    @Test
    void aMissingLayerNameLeavesNoConflictingSpaces() throws Exception {
        assertFormatsQuietly("network Mlp {\n    input pixels: 28 x 28\n    dense: 1024\n    output out: dense 10\n}\n");
        assertFormatsQuietly("network Mlp {\n    input pixels: 28 x 28\n    dense:\tx fc1: 1024\n    output out: dense 10\n}\n");
    }

    @Test
    void tokensTheParserSkippedAreKept() throws Exception {
        assertFormatsQuietly(
                "network A {\n    input x: 28 x 28 binarize at 0.5\n    dense y: 2\n    output o: dense 10\n    weights \"w.np\n}\n");
    }

    private void assertFormatsQuietly(String text) throws Exception {
        XtextResource resource = (XtextResource) parser.parse(text).eResource();
        assertFalse(resource.getErrors().isEmpty(), "the text must have syntax errors: " + text);
        List<Exception> problems = new ArrayList<>();
        FormatterRequest request = requests.get();
        request.setTextRegionAccess(regionAccess.get().forNodeModel(resource).create());
        request.setExceptionHandler(problems::add);
        formatter.format(request);
        assertEquals(List.of(), problems.stream().map(Exception::getMessage).toList(), "text:\n" + text);
    }
}
