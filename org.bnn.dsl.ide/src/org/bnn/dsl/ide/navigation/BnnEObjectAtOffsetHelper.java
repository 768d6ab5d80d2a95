package org.bnn.dsl.ide.navigation;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.resource.EObjectAtOffsetHelper;
import org.eclipse.xtext.resource.XtextResource;

/**
 * Xtext's helper, except that an offset with no element at all — an empty model, a token the
 * parser could not attach to anything — has no element with a name either: Xtext 2.42 asks such
 * a null element for its name attribute and throws (go to definition, references, highlights,
 * rename on broken text).
 */
public class BnnEObjectAtOffsetHelper extends EObjectAtOffsetHelper {

    @Override
    public EObject getElementWithNameAt(XtextResource resource, int offset) {
        // Xtext resolves the same element (a cross reference first, then the containing one) and names it.
        if (resource == null || offset < 0 || resolveElementAt(resource, offset) == null) {
            return null;
        }
        return super.getElementWithNameAt(resource, offset);
    }
}
