package org.bnn.dsl.ide.symbols;

import org.bnn.dsl.bnn.BnnPackage;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolMapper.DocumentSymbolKindProvider;

import com.google.inject.Singleton;

/**
 * Symbol kinds of the outline: what an editor's icon should suggest for each concept; the semantic
 * token types of BnnSemanticHighlightingCalculator follow them (a layer is a field here, a property
 * there: LSP has no field token).
 */
@Singleton
public class BnnSymbolKinds extends DocumentSymbolKindProvider {

    @Override
    protected SymbolKind getSymbolKind(EClass type) {
        BnnPackage bnn = BnnPackage.eINSTANCE;
        if (type == null) {
            return SymbolKind.Property;
        }
        if (bnn.getNetwork().isSuperTypeOf(type)) {
            return SymbolKind.Class;
        }
        if (bnn.getLayer().isSuperTypeOf(type)) {
            return SymbolKind.Field;
        }
        if (bnn.getInput().isSuperTypeOf(type)) {
            return SymbolKind.Variable;
        }
        if (bnn.getMapping().isSuperTypeOf(type)) {
            return SymbolKind.Interface;
        }
        if (bnn.getExperiment().isSuperTypeOf(type)) {
            return SymbolKind.Event;
        }
        if (bnn.getTraining().isSuperTypeOf(type)) {
            return SymbolKind.Function;
        }
        if (bnn.getDevice().isSuperTypeOf(type) || bnn.getTile().isSuperTypeOf(type) || bnn.getChip().isSuperTypeOf(type)) {
            return SymbolKind.Struct;
        }
        if (bnn.getRegime().isSuperTypeOf(type)) {
            return SymbolKind.EnumMember;
        }
        if (bnn.getModel().isSuperTypeOf(type)) {
            return SymbolKind.Package;
        }
        return SymbolKind.Property;
    }
}
