package org.bnn.dsl.ide.estimate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bnn.dsl.bnn.BnnPackage;
import org.bnn.dsl.bnn.Mapping;
import org.bnn.dsl.bnn.Model;
import org.bnn.dsl.bnn.Network;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.resource.IReferenceDescription;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.IResourceDescriptions;
import org.eclipse.xtext.resource.impl.ResourceDescriptionsProvider;

import com.google.inject.Inject;

/**
 * The mappings of a network, so that a layer can show what it costs: the mappings of the
 * network's own file first, then those of the other files already loaded, and only when none is
 * found the mappings that the index says refer to the network (their files are loaded then).
 */
public class MappingsOfNetwork {

    @Inject
    private ResourceDescriptionsProvider index;

    public List<Mapping> of(Network network) {
        Set<Mapping> found = new LinkedHashSet<>();
        Resource own = network.eResource();
        if (own == null) {
            return List.of();
        }
        collect(own, network, found);
        ResourceSet resourceSet = own.getResourceSet();
        if (resourceSet != null) {
            for (Resource other : new ArrayList<>(resourceSet.getResources())) {
                if (other != own) {
                    collect(other, network, found);
                }
            }
            if (found.isEmpty()) {
                fromIndex(resourceSet, network, found);
            }
        }
        return List.copyOf(found);
    }

    private static void collect(Resource resource, Network network, Set<Mapping> found) {
        for (EObject root : resource.getContents()) {
            if (root instanceof Model model) {
                for (EObject element : model.getElements()) {
                    if (element instanceof Mapping mapping && mapping.getNetwork() == network) {
                        found.add(mapping);
                    }
                }
            }
        }
    }

    private void fromIndex(ResourceSet resourceSet, Network network, Set<Mapping> found) {
        IResourceDescriptions descriptions = index.getResourceDescriptions(resourceSet);
        URI target = EcoreUtil.getURI(network);
        for (IResourceDescription description : descriptions.getAllResourceDescriptions()) {
            for (IReferenceDescription reference : description.getReferenceDescriptions()) {
                if (reference.getEReference() == BnnPackage.Literals.MAPPING__NETWORK && target.equals(reference.getTargetEObjectUri())) {
                    EObject source = resourceSet.getEObject(reference.getSourceEObjectUri(), true);
                    if (source instanceof Mapping mapping && mapping.getNetwork() == network) {
                        found.add(mapping);
                    }
                }
            }
        }
    }
}
