package org.bnn.dsl.validation;

import java.util.List;

import org.bnn.dsl.bnn.BnnPackage;
import org.bnn.dsl.spec.SpecTranslator;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.xtext.util.Exceptions;
import org.eclipse.xtext.validation.AbstractDeclarativeValidator;
import org.eclipse.xtext.validation.EValidatorRegistrar;

/**
 * A validator of one concern, composed into {@link BnnValidator} through its
 * {@code @ComposedChecks}: it checks the language's model and does not register itself.
 */
public abstract class ComposedBnnValidator extends AbstractDeclarativeValidator {

    protected static final BnnPackage BNN = BnnPackage.eINSTANCE;

    @Override
    protected List<EPackage> getEPackages() {
        return List.of(BNN);
    }

    @Override
    protected void handleExceptionDuringValidation(Throwable exception) {
        stopOnIncompleteModel(exception);
    }

    /**
     * What the language's validators do with an exception a rule threw. A rule that translates
     * through {@link SpecTranslator#attempt} never meets an incomplete model; one that calls the
     * translator directly stops when a syntax error left out a part it needs (the parser, the linker
     * or the part's own rule reports it). Anything else is a bug of the rule and is rethrown, so that
     * Xtext reports it ("Error executing EValidator") and logs it: Xtext's own handler would drop a
     * NullPointerException silently, and with it every diagnostic of the rule.
     */
    static void stopOnIncompleteModel(Throwable exception) {
        if (!(exception instanceof SpecTranslator.IncompleteModelException)) {
            Exceptions.throwUncheckedException(exception);
        }
    }

    @Override
    public void register(EValidatorRegistrar registrar) {
        // composed into BnnValidator, which registers for the language
    }
}
