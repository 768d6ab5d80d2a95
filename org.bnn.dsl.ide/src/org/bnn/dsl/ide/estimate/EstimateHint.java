package org.bnn.dsl.ide.estimate;

import org.eclipse.emf.ecore.EObject;

/**
 * A one-line estimate shown in the text.
 *
 * @param element      the layer, mapping or experiment it belongs to
 * @param offset       where it reads best inline: after the layer, or after the mapping's or experiment's name
 * @param elementStart where the element starts (editors that show hints above a line use its line)
 * @param text         the hint, see {@link EstimatePresentation}
 */
public record EstimateHint(EObject element, int offset, int elementStart, String text) {

    /** True for hints that belong above their element (mappings, experiments) rather than after it (layers). */
    public boolean isHeader() {
        return !(element instanceof org.bnn.dsl.bnn.Layer);
    }
}
