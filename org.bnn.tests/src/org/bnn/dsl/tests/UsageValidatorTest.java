package org.bnn.dsl.tests;

import org.bnn.dsl.bnn.BnnPackage;
import org.bnn.dsl.bnn.Model;
import org.bnn.dsl.validation.BnnIssueCodes;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.eclipse.xtext.testing.validation.ValidationTestHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;

@ExtendWith(InjectionExtension.class)
@InjectWith(BnnInjectorProvider.class)
class UsageValidatorTest {
    private static final String HARDWARE = """
            tile T { cells 32 rows x 32 columns 2T2R }
            chip C { tiles 100 of T }
            network N { input x: 64  output o: dense 10 }
            """;

    @Inject
    private ParseHelper<Model> parser;
    @Inject
    private ValidationTestHelper validation;

    @Test
    void unusedDeclarationsOfAFileThatRunsSomethingAreWarnings() throws Exception {
        Model model = parser.parse(HARDWARE + """
                network Spare { input x: 8  output o: dense 2 }
                tile Unused { cells 8 rows x 8 columns 2T2R }
                mapping M { network N on C }
                """);
        validation.assertWarning(model, BnnPackage.Literals.NETWORK, BnnIssueCodes.UNUSED_DECLARATION,
                "Network Spare is declared but not used by any mapping, experiment or training");
        validation.assertWarning(model, BnnPackage.Literals.TILE, BnnIssueCodes.UNUSED_DECLARATION, "Tile Unused is declared");
        validation.assertNoIssues(parser.parse(HARDWARE + "mapping M { network N on C }"), BnnPackage.Literals.NETWORK);
        validation.assertNoIssues(parser.parse(HARDWARE + "mapping M { network N on C }"), BnnPackage.Literals.TILE);
    }

    @Test
    void librariesDeclareForOtherFiles() throws Exception {
        validation.assertNoIssues(parser.parse(HARDWARE));
    }
}
