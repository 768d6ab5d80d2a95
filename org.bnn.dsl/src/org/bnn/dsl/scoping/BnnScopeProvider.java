package org.bnn.dsl.scoping;

import org.bnn.dsl.bnn.BnnPackage;
import org.bnn.dsl.bnn.Chip;
import org.bnn.dsl.bnn.Mapping;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.xtext.scoping.IScope;
import org.eclipse.xtext.scoping.Scopes;

/**
 * Scoping of the .bnn language. Declarations are found by qualified name across files (with
 * imports); a mapping's regime is looked up among the regimes of the device of its chip's tile,
 * by simple name.
 */
public class BnnScopeProvider extends AbstractBnnScopeProvider {

    @Override
    public IScope getScope(EObject context, EReference reference) {
        if (reference == BnnPackage.Literals.MAPPING__REGIME && context instanceof Mapping mapping) {
            return regimesOf(mapping.getChip());
        }
        return super.getScope(context, reference);
    }

    private static IScope regimesOf(Chip chip) {
        if (chip == null || chip.eIsProxy() || chip.getTile() == null || chip.getTile().eIsProxy()
                || chip.getTile().getDevice() == null || chip.getTile().getDevice().eIsProxy()) {
            return IScope.NULLSCOPE;
        }
        return Scopes.scopeFor(chip.getTile().getDevice().getRegimes());
    }
}
