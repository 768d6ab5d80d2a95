package org.bnn.dsl.ide.symbols;

import org.bnn.dsl.bnn.Model;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolMapper.DocumentSymbolNameProvider;
import org.eclipse.xtext.naming.IQualifiedNameProvider;
import org.eclipse.xtext.naming.QualifiedName;

import com.google.inject.Inject;
import com.google.inject.Singleton;

/** Outline names: a layer is "fc1" under its network, not "examples.Mlp.fc1"; the package keeps its full name. */
@Singleton
public class BnnSymbolNames extends DocumentSymbolNameProvider {

    @Inject
    private IQualifiedNameProvider names;

    @Override
    public String getName(EObject object) {
        QualifiedName name = object == null ? null : names.getFullyQualifiedName(object);
        if (name == null) {
            return null;
        }
        return object instanceof Model || name.getSegmentCount() == 1 ? name.toString() : name.getLastSegment();
    }
}
