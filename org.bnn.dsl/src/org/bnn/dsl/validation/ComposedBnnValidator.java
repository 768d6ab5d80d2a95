package org.bnn.dsl.validation;

import java.util.List;

import org.bnn.dsl.bnn.BnnPackage;
import org.bnn.dsl.spec.SpecTranslator;
import org.eclipse.emf.ecore.EPackage;
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

    /** A rule that meets a part left out by a syntax error stops: see {@link BnnValidator#handleExceptionDuringValidation}. */
    @Override
    protected void handleExceptionDuringValidation(Throwable exception) {
        if (!(exception instanceof SpecTranslator.IncompleteModelException)) {
            super.handleExceptionDuringValidation(exception);
        }
    }

    @Override
    public void register(EValidatorRegistrar registrar) {
        // composed into BnnValidator, which registers for the language
    }
}
