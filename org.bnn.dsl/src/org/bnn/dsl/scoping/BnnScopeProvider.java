package org.bnn.dsl.scoping;

import org.bnn.dsl.bnn.BnnPackage;
import org.bnn.dsl.bnn.Chip;
import org.bnn.dsl.bnn.Experiment;
import org.bnn.dsl.bnn.Explore;
import org.bnn.dsl.bnn.Mapping;
import org.bnn.dsl.bnn.Network;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.scoping.IScope;
import org.eclipse.xtext.scoping.Scopes;

/**
 * Scoping of the .bnn language. Declarations are found by qualified name across files (with
 * imports); a mapping's regime is looked up among the regimes of the device of its chip's tile,
 * by simple name, and a replicated or placed layer among the layers of the mapped network; an experiment's
 * erring layers and swept regimes likewise, through its mapping, and so do an exploration's varied regimes and layers.
 */
public class BnnScopeProvider extends AbstractBnnScopeProvider {

    @Override
    public IScope getScope(EObject context, EReference reference) {
        if (reference == BnnPackage.Literals.MAPPING__REGIME && context instanceof Mapping mapping) {
            return regimesOf(mapping.getChip());
        }
        if (reference == BnnPackage.Literals.REPLICATION__LAYER || reference == BnnPackage.Literals.LAYER_PLACEMENT__LAYER) {
            return layersOf(EcoreUtil2.getContainerOfType(context, Mapping.class));
        }
        if (context instanceof Experiment experiment && (reference == BnnPackage.Literals.EXPERIMENT__ERRING_LAYERS
                || reference == BnnPackage.Literals.EXPERIMENT__REGIMES)) {
            // only these two: resolving the experiment's own mapping here would recurse into this scope
            Mapping mapping = experiment.getMapping() == null || experiment.getMapping().eIsProxy() ? null : experiment.getMapping();
            if (mapping == null) {
                return IScope.NULLSCOPE;
            }
            return reference == BnnPackage.Literals.EXPERIMENT__ERRING_LAYERS ? layersOf(mapping) : regimesOf(mapping.getChip());
        }
        if (reference == BnnPackage.Literals.REGIME_AXIS__REGIMES || reference == BnnPackage.Literals.REPLICATION_AXIS__LAYER) {
            // an exploration's axes name regimes and layers of its mapping, as an experiment's sweep does
            Explore explore = EcoreUtil2.getContainerOfType(context, Explore.class);
            Mapping mapping = explore == null || explore.getMapping() == null || explore.getMapping().eIsProxy()
                    ? null
                    : explore.getMapping();
            if (mapping == null) {
                return IScope.NULLSCOPE;
            }
            return reference == BnnPackage.Literals.REPLICATION_AXIS__LAYER ? layersOf(mapping) : regimesOf(mapping.getChip());
        }
        return super.getScope(context, reference);
    }

    private static IScope layersOf(Mapping mapping) {
        Network network = mapping == null ? null : mapping.getNetwork();
        return network == null || network.eIsProxy() ? IScope.NULLSCOPE : Scopes.scopeFor(network.getLayers());
    }

    private static IScope regimesOf(Chip chip) {
        if (chip == null || chip.eIsProxy() || chip.getTile() == null || chip.getTile().eIsProxy()
                || chip.getTile().getDevice() == null || chip.getTile().getDevice().eIsProxy()) {
            return IScope.NULLSCOPE;
        }
        return Scopes.scopeFor(chip.getTile().getDevice().getRegimes());
    }
}
