package org.bnn.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bnn.dsl.bnn.Model;
import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.eclipse.xtext.testing.validation.ValidationTestHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;
import com.google.inject.Provider;

/**
 * Every code block of docs/language.md is valid .bnn. The blocks are read as one project (each
 * block a file), so later blocks may use what earlier ones declare.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(BnnInjectorProvider.class)
class LanguageReferenceTest {
    private static final Pattern CODE_BLOCK = Pattern.compile("```\\n(.*?)```", Pattern.DOTALL);

    @Inject
    private ParseHelper<Model> parser;
    @Inject
    private ValidationTestHelper validation;
    @Inject
    private Provider<XtextResourceSet> resourceSets;

    @Test
    void everyCodeBlockParsesAndValidates() throws Exception {
        List<String> blocks = new ArrayList<>();
        Matcher matcher = CODE_BLOCK.matcher(TestFiles.read("docs/language.md"));
        while (matcher.find()) {
            blocks.add(matcher.group(1));
        }
        assertTrue(blocks.size() >= 6, "the reference has examples for every construct, found " + blocks.size());
        XtextResourceSet project = resourceSets.get();
        List<Model> models = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            models.add(parser.parse(blocks.get(i), URI.createURI("block" + i + ".bnn"), project));
        }
        for (int i = 0; i < models.size(); i++) {
            assertEquals(List.of(), models.get(i).eResource().getErrors(), "syntax of block " + i + ":\n" + blocks.get(i));
            validation.assertNoErrors(models.get(i));
        }
    }
}
