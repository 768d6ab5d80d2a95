package org.bnn.dsl.ide;

import org.bnn.dsl.ide.formatting.BnnFormattingService;
import org.bnn.dsl.ide.imports.ModelImportCommands;
import org.bnn.dsl.ide.highlighting.BnnSemanticHighlightingCalculator;
import org.bnn.dsl.ide.navigation.BnnEObjectAtOffsetHelper;
import org.bnn.dsl.ide.quickfix.BnnIdeQuickfixProvider;
import org.bnn.dsl.ide.rename.BnnReferenceUpdater;
import org.bnn.dsl.ide.rename.BnnRenameService;
import org.bnn.dsl.ide.server.EstimateCodeLensService;
import org.bnn.dsl.ide.server.EstimateHoverService;
import org.bnn.dsl.ide.server.EstimateInlayHintService;
import org.bnn.dsl.ide.server.IInlayHintService;
import org.bnn.dsl.ide.server.InlayHintCapabilities;
import org.bnn.dsl.ide.symbols.BnnSymbolDetails;
import org.bnn.dsl.ide.symbols.BnnSymbolKinds;
import org.bnn.dsl.ide.symbols.BnnSymbolNames;

import org.eclipse.xtext.ide.editor.quickfix.IQuickFixProvider;
import org.eclipse.xtext.ide.editor.syntaxcoloring.ISemanticHighlightingCalculator;
import org.eclipse.xtext.ide.serializer.hooks.IReferenceUpdater;
import org.eclipse.xtext.ide.server.ICapabilitiesContributor;
import org.eclipse.xtext.ide.server.commands.IExecutableCommandService;
import org.eclipse.xtext.ide.server.codeActions.ICodeActionService2;
import org.eclipse.xtext.ide.server.codeActions.QuickFixCodeActionService;
import org.eclipse.xtext.ide.server.codelens.ICodeLensService;
import org.eclipse.xtext.ide.server.formatting.FormattingService;
import org.eclipse.xtext.ide.server.hover.IHoverService;
import org.eclipse.xtext.ide.server.rename.IRenameService2;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolMapper.DocumentSymbolDetailsProvider;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolMapper.DocumentSymbolKindProvider;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolMapper.DocumentSymbolNameProvider;
import org.eclipse.xtext.resource.EObjectAtOffsetHelper;

/** Guice bindings of the UI-neutral IDE services (language server, Eclipse plugin). */
public class BnnIdeModule extends AbstractBnnIdeModule {

    public Class<? extends IQuickFixProvider> bindIQuickFixProvider() {
        return BnnIdeQuickfixProvider.class;
    }

    /** Offers the quick fixes as LSP code actions. */
    public Class<? extends ICodeActionService2> bindICodeActionService2() {
        return QuickFixCodeActionService.class;
    }

    /** Hover: documentation plus the Estimator's breakdown. */
    public Class<? extends IHoverService> bindIHoverService() {
        return EstimateHoverService.class;
    }

    /** Mapping and experiment totals above them. */
    public Class<? extends ICodeLensService> bindICodeLensService() {
        return EstimateCodeLensService.class;
    }

    /** Estimates inline (answered by the launcher's LspLanguageServer, an InlayHintLanguageServer). */
    public Class<? extends IInlayHintService> bindIInlayHintService() {
        return EstimateInlayHintService.class;
    }

    public Class<? extends ICapabilitiesContributor> bindICapabilitiesContributor() {
        return InlayHintCapabilities.class;
    }

    public Class<? extends DocumentSymbolKindProvider> bindDocumentSymbolKindProvider() {
        return BnnSymbolKinds.class;
    }

    public Class<? extends DocumentSymbolNameProvider> bindDocumentSymbolNameProvider() {
        return BnnSymbolNames.class;
    }

    public Class<? extends DocumentSymbolDetailsProvider> bindDocumentSymbolDetailsProvider() {
        return BnnSymbolDetails.class;
    }

    /** Semantic tokens (textDocument/semanticTokens/full). */
    public Class<? extends ISemanticHighlightingCalculator> bindISemanticHighlightingCalculator() {
        return BnnSemanticHighlightingCalculator.class;
    }

    /** Rename in half-typed text: refused with a message where the file cannot be rewritten. */
    @Override
    public Class<? extends IRenameService2> bindIRenameService2() {
        return BnnRenameService.class;
    }

    /** Rename in half-typed text: a reference left unset has nothing to update. */
    public Class<? extends IReferenceUpdater> bindIReferenceUpdater() {
        return BnnReferenceUpdater.class;
    }

    /** Definition, references, highlights and rename on broken text: no element is no name, not a null pointer. */
    public Class<? extends EObjectAtOffsetHelper> bindEObjectAtOffsetHelper() {
        return BnnEObjectAtOffsetHelper.class;
    }

    /** workspace/executeCommand: a model import as `bnn import` does it. */
    public Class<? extends IExecutableCommandService> bindIExecutableCommandService() {
        return ModelImportCommands.class;
    }

    /** Formatting leaves text with syntax errors alone, as `bnn format` does. */
    public Class<? extends FormattingService> bindFormattingService() {
        return BnnFormattingService.class;
    }
}
