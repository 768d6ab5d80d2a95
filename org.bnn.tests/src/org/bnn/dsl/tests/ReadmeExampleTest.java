package org.bnn.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.bnn.dsl.bnn.Model;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.eclipse.xtext.testing.validation.ValidationTestHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;

/** The language example in the README is valid .bnn, so the README cannot drift from the grammar. */
@ExtendWith(InjectionExtension.class)
@InjectWith(BnnInjectorProvider.class)
class ReadmeExampleTest {
    @Inject
    private ParseHelper<Model> parser;
    @Inject
    private ValidationTestHelper validation;

    @Test
    void theLanguageSectionsExampleParsesAndValidates() throws Exception {
        String readme = TestFiles.read("README.md");
        int section = readme.indexOf("## The language");
        assertTrue(section >= 0, "README has a language section");
        int start = readme.indexOf("```\n", section) + 4;
        String example = readme.substring(start, readme.indexOf("```", start));
        assertTrue(example.contains("network Cnn"), example);
        Model model = parser.parse(example);
        assertEquals(List.of(), model.eResource().getErrors());
        validation.assertNoErrors(model);
    }
}
