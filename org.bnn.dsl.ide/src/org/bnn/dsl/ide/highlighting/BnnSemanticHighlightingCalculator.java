package org.bnn.dsl.ide.highlighting;

import java.util.Map;

import org.bnn.dsl.bnn.BnnPackage;
import org.bnn.dsl.ide.symbols.BnnSymbolKinds;
import org.bnn.dsl.services.BnnGrammarAccess;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EEnum;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.lsp4j.SemanticTokenModifiers;
import org.eclipse.lsp4j.SemanticTokenTypes;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.xtext.RuleCall;
import org.eclipse.xtext.ide.editor.syntaxcoloring.DefaultSemanticHighlightingCalculator;
import org.eclipse.xtext.ide.editor.syntaxcoloring.IHighlightedPositionAcceptor;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.service.OperationCanceledManager;
import org.eclipse.xtext.util.CancelIndicator;

import com.google.inject.Inject;

/**
 * What the parse knows and a lexer does not: declared names as the kind of element they declare
 * (with the declaration modifier), references as the kind of element they refer to, units of
 * quantities, numbers, and the words of the closed choices (2T2R, per-chip, mnist, …).
 * <p>
 * The style ids are LSP's semantic token types and modifiers, which Xtext's SemanticTokensService
 * passes on by name; the kinds are those of the document symbols (BnnSymbolKinds). Keywords,
 * comments and strings are left to the editors' lexical highlighting.
 */
public class BnnSemanticHighlightingCalculator extends DefaultSemanticHighlightingCalculator {

    /** The unit of a quantity: the dimension of its number. */
    public static final String UNIT = SemanticTokenTypes.Type;

    @Inject
    private BnnGrammarAccess grammar;

    @Inject
    private OperationCanceledManager cancelManager;

    @Override
    protected void doProvideHighlightingFor(XtextResource resource, IHighlightedPositionAcceptor acceptor, CancelIndicator cancel) {
        super.doProvideHighlightingFor(resource, acceptor, cancel);
        highlightNumbers(resource, acceptor, cancel);
    }

    @Override
    protected boolean highlightElement(EObject object, IHighlightedPositionAcceptor acceptor, CancelIndicator cancel) {
        cancelManager.checkCanceled(cancel);
        BnnPackage bnn = BnnPackage.eINSTANCE;
        String kind = tokenType(object.eClass());
        for (EAttribute attribute : object.eClass().getEAllAttributes()) {
            if (attribute == bnn.getQuantity_Unit()) {
                highlightEach(acceptor, object, attribute, UNIT);
            } else if (attribute == bnn.getImport_ImportedNamespace()) {
                highlightEach(acceptor, object, attribute, SemanticTokenTypes.Namespace);
            } else if (attribute.getEAttributeType() instanceof EEnum) {
                highlightEach(acceptor, object, attribute, SemanticTokenTypes.EnumMember);
            } else if ("name".equals(attribute.getName()) && kind != null) {
                highlightEach(acceptor, object, attribute, kind, SemanticTokenModifiers.Declaration);
            }
        }
        for (EReference reference : object.eClass().getEAllReferences()) {
            String target = reference.isContainment() || reference.isContainer() ? null : tokenType(reference.getEReferenceType());
            if (target != null) {
                highlightEach(acceptor, object, reference, target);
            }
        }
        return false;
    }

    /** Numbers, wherever the grammar has them: the leaves of the number terminals (tile ranges included). */
    private void highlightNumbers(XtextResource resource, IHighlightedPositionAcceptor acceptor, CancelIndicator cancel) {
        for (ILeafNode leaf : resource.getParseResult().getRootNode().getLeafNodes()) {
            if (!leaf.isHidden() && leaf.getGrammarElement() instanceof RuleCall call
                    && (call.getRule() == grammar.getINTRule() || call.getRule() == grammar.getDECIMALRule()
                            || call.getRule() == grammar.getTILE_RANGERule())) {
                highlightNode(acceptor, leaf, SemanticTokenTypes.Number);
            }
        }
        cancelManager.checkCanceled(cancel);
    }

    /** Every node of the feature (a list feature has several). */
    private void highlightEach(IHighlightedPositionAcceptor acceptor, EObject object, EStructuralFeature feature, String... styleIds) {
        for (INode node : NodeModelUtils.findNodesForFeature(object, feature)) {
            highlightNode(acceptor, node, styleIds);
        }
    }

    /** Token types of the symbol kinds the language uses (LSP has no field token: a layer is a property). */
    private static final Map<SymbolKind, String> TOKEN_TYPES = Map.of(
            SymbolKind.Class, SemanticTokenTypes.Class,
            SymbolKind.Field, SemanticTokenTypes.Property,
            SymbolKind.Variable, SemanticTokenTypes.Variable,
            SymbolKind.Interface, SemanticTokenTypes.Interface,
            SymbolKind.Event, SemanticTokenTypes.Event,
            SymbolKind.Function, SemanticTokenTypes.Function,
            SymbolKind.Struct, SemanticTokenTypes.Struct,
            SymbolKind.EnumMember, SemanticTokenTypes.EnumMember,
            SymbolKind.Package, SemanticTokenTypes.Namespace);

    /** The token type of an element of this class, from its document symbol's kind; null if it has none. */
    private static String tokenType(EClass type) {
        return BnnSymbolKinds.of(type).map(TOKEN_TYPES::get).orElse(null);
    }
}
