package org.bnn.dsl.validation;

import org.bnn.dsl.bnn.Chip;
import org.bnn.dsl.bnn.Device;
import org.bnn.dsl.bnn.Element;
import org.bnn.dsl.bnn.Experiment;
import org.bnn.dsl.bnn.Mapping;
import org.bnn.dsl.bnn.Model;
import org.bnn.dsl.bnn.Network;
import org.bnn.dsl.bnn.Tile;
import org.bnn.dsl.bnn.Training;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.CheckType;

/**
 * Declarations nothing uses. Only in files that run something (a mapping, experiment or
 * training): a library of presets declares things for other files by design. Mappings, which
 * {@code bnn run} runs by themselves, and experiments and trainings, which are run, never count
 * as unused. Checked on save (NORMAL), as it looks at every loaded file.
 */
public class UsageValidator extends ComposedBnnValidator {

    @Check(CheckType.NORMAL)
    public void checkUsed(Model model) {
        boolean runsSomething = model.getElements().stream()
                .anyMatch(e -> e instanceof Mapping || e instanceof Experiment || e instanceof Training);
        if (!runsSomething || model.eResource() == null || model.eResource().getResourceSet() == null) {
            return;
        }
        for (Element element : model.getElements()) {
            if ((element instanceof Network || element instanceof Chip || element instanceof Tile || element instanceof Device)
                    && EcoreUtil.UsageCrossReferencer.find(element, model.eResource().getResourceSet()).isEmpty()) {
                warning(MessageNames.capitalizedOf(element) + " is declared but not used by any mapping, experiment or training",
                        element, BNN.getElement_Name(), BnnIssueCodes.UNUSED_DECLARATION);
            }
        }
    }
}
