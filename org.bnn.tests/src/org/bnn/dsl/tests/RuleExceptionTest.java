package org.bnn.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;

import org.bnn.dsl.bnn.Model;
import org.bnn.dsl.bnn.Network;
import org.bnn.dsl.spec.SpecTranslator;
import org.bnn.dsl.validation.BnnValidator;
import org.bnn.dsl.validation.ComposedBnnValidator;
import org.eclipse.emf.common.util.BasicDiagnostic;
import org.eclipse.emf.ecore.EValidator;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.EValidatorRegistrar;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.google.inject.Inject;
import com.google.inject.Injector;

/**
 * A rule that meets a part a syntax error left out stops quietly; any other exception of a rule is
 * a bug and must fail the validation, where PartialModelTest and the fuzzer see it (Xtext's own
 * handler drops a NullPointerException, and with it the rule's diagnostics, without a trace).
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(BnnInjectorProvider.class)
class RuleExceptionTest {

    @Inject
    private Injector injector;
    @Inject
    private ParseHelper<Model> parser;

    /** The rule of both validators below: on package "incomplete" it meets a missing part, on any other it has a bug. */
    static void rule(Model model) {
        if ("incomplete".equals(model.getName())) {
            new SpecTranslator().translate((Network) null);
        }
        throw new NullPointerException("a rule's bug");
    }

    /** A composed validator with that rule. */
    public static class Composed extends ComposedBnnValidator {
        @Check
        public void check(Model model) {
            rule(model);
        }
    }

    /** The language's validator with that rule, not registered for the language. */
    public static class Main extends BnnValidator {
        @Check
        public void check(Model model) {
            rule(model);
        }

        @Override
        public void register(EValidatorRegistrar registrar) {
            // only this test calls it
        }
    }

    @ParameterizedTest
    @ValueSource(classes = {Composed.class, Main.class})
    void aRuleThatMeetsAMissingPartStopsAndAnyOtherExceptionFailsTheValidation(Class<? extends EValidator> type) throws Exception {
        EValidator validator = injector.getInstance(type);
        Model incomplete = parser.parse("package incomplete");
        assertDoesNotThrow(() -> validator.validate(incomplete, new BasicDiagnostic(), new HashMap<>()));
        Model buggy = parser.parse("package buggy");
        assertThrows(NullPointerException.class, () -> validator.validate(buggy, new BasicDiagnostic(), new HashMap<>()));
    }
}
