package org.bnn.dsl.ide.symbols;

import java.util.Optional;

import org.bnn.dsl.bnn.BnnPackage;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolMapper.DocumentSymbolKindProvider;

import com.google.inject.Singleton;

/**
 * Symbol kinds of the outline: what an editor's icon should suggest for each concept. The semantic
 * highlighting's token types are derived from them (BnnSemanticHighlightingCalculator).
 */
@Singleton
public class BnnSymbolKinds extends DocumentSymbolKindProvider {

    @Override
    protected SymbolKind getSymbolKind(EClass type) {
        return type == null ? SymbolKind.Property : of(type).orElse(SymbolKind.Property);
    }

    /** The kind of the elements of this class, empty for classes that are no named element of the language. */
    public static Optional<SymbolKind> of(EClass type) {
        BnnPackage bnn = BnnPackage.eINSTANCE;
        if (bnn.getNetwork().isSuperTypeOf(type)) {
            return Optional.of(SymbolKind.Class);
        }
        if (bnn.getLayer().isSuperTypeOf(type)) {
            return Optional.of(SymbolKind.Field);
        }
        if (bnn.getInput().isSuperTypeOf(type)) {
            return Optional.of(SymbolKind.Variable);
        }
        if (bnn.getMapping().isSuperTypeOf(type)) {
            return Optional.of(SymbolKind.Interface);
        }
        if (bnn.getExperiment().isSuperTypeOf(type)) {
            return Optional.of(SymbolKind.Event);
        }
        if (bnn.getTraining().isSuperTypeOf(type)) {
            return Optional.of(SymbolKind.Function);
        }
        if (bnn.getDevice().isSuperTypeOf(type) || bnn.getTile().isSuperTypeOf(type) || bnn.getChip().isSuperTypeOf(type)) {
            return Optional.of(SymbolKind.Struct);
        }
        if (bnn.getRegime().isSuperTypeOf(type)) {
            return Optional.of(SymbolKind.EnumMember);
        }
        if (bnn.getModel().isSuperTypeOf(type)) {
            return Optional.of(SymbolKind.Package);
        }
        return Optional.empty();
    }
}
