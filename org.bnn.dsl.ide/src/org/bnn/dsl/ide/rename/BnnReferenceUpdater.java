package org.bnn.dsl.ide.rename;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.xtext.formatting2.regionaccess.ISemanticRegion;
import org.eclipse.xtext.ide.serializer.hooks.IUpdatableReference;
import org.eclipse.xtext.ide.serializer.impl.ReferenceUpdater;

/**
 * Xtext's reference updater (rename, refactorings), except that a reference the model leaves
 * unset has nothing to update, where Xtext's throws an IllegalStateException. Error recovery in
 * half-typed text leaves such references: after edits that end a file in {@code network },
 * the mapping's reference is an empty region, so no proxy was ever made for it
 * (LanguageServerFuzzTest, seed 27).
 */
public class BnnReferenceUpdater extends ReferenceUpdater {

    @Override
    protected IUpdatableReference createUpdatableReference(ISemanticRegion current) {
        EObject owner = current.getContainingRegion().getSemanticElement();
        if (current.getContainingFeature() instanceof EReference reference && !reference.isMany() && owner.eGet(reference) == null) {
            return null;
        }
        return super.createUpdatableReference(current);
    }
}
