package org.bnn.dsl.validation;

import java.util.HashSet;
import java.util.Set;

import org.bnn.dsl.bnn.Chip;
import org.bnn.dsl.bnn.Device;
import org.bnn.dsl.bnn.Element;
import org.bnn.dsl.bnn.Experiment;
import org.bnn.dsl.bnn.Mapping;
import org.bnn.dsl.bnn.Model;
import org.bnn.dsl.bnn.Network;
import org.bnn.dsl.bnn.Tile;
import org.bnn.dsl.bnn.Training;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
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
        Set<EObject> used = referencedIn(model.eResource().getResourceSet());
        for (Element element : model.getElements()) {
            if ((element instanceof Network || element instanceof Chip || element instanceof Tile || element instanceof Device)
                    && !used.contains(element)) {
                warning(MessageNames.capitalizedOf(element) + " is declared but not used by any mapping, experiment or training",
                        element, BNN.getElement_Name(), BnnIssueCodes.UNUSED_DECLARATION);
            }
        }
    }

    /**
     * Everything a cross reference of a loaded file points to: one pass over the resource set, so
     * the check is linear in the size of the files (asking for the users of each declaration in
     * turn walked every file once per declaration).
     */
    private static Set<EObject> referencedIn(ResourceSet resources) {
        Set<EObject> used = new HashSet<>();
        for (Resource resource : resources.getResources().toArray(Resource[]::new)) {
            resource.getAllContents().forEachRemaining(object -> used.addAll(object.eCrossReferences()));
        }
        return used;
    }
}
