package org.bnn.dsl.ui.editor;

import org.bnn.dsl.ui.contentassist.BnnContentAssistProcessor;
import org.bnn.dsl.ui.highlighting.BnnHighlightingStyles;
import org.bnn.dsl.ui.highlighting.BnnTokenScanner;
import org.bnn.dsl.ui.hover.BnnTextHover;
import org.bnn.dsl.ui.hyperlinking.BnnHyperlinkDetector;
import org.bnn.dsl.ui.quickfix.BnnQuickAssistProcessor;
import org.bnn.dsl.ui.validation.BnnReconcilingStrategy;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.contentassist.ContentAssistant;
import org.eclipse.jface.text.contentassist.IContentAssistant;
import org.eclipse.jface.text.hyperlink.IHyperlinkDetector;
import org.eclipse.jface.text.presentation.IPresentationReconciler;
import org.eclipse.jface.text.quickassist.IQuickAssistAssistant;
import org.eclipse.jface.text.quickassist.QuickAssistAssistant;
import org.eclipse.jface.text.presentation.PresentationReconciler;
import org.eclipse.jface.text.reconciler.IReconciler;
import org.eclipse.jface.text.reconciler.MonoReconciler;
import org.eclipse.jface.text.rules.DefaultDamagerRepairer;
import org.eclipse.jface.text.rules.ITokenScanner;
import org.eclipse.jface.text.rules.RuleBasedScanner;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.ui.editors.text.TextSourceViewerConfiguration;
import org.eclipse.xtext.ide.editor.syntaxcoloring.HighlightingStyles;

import com.google.inject.Injector;

/**
 * Wires the .bnn editor: lexical highlighting on the UI thread (cheap, region by region);
 * parsing plus validation on the reconciler's background thread; hover, content assist (an
 * asynchronous assistant) and hyperlinks on the parse the reconciler publishes.
 */
public final class BnnSourceViewerConfiguration extends TextSourceViewerConfiguration {

    /** Delay after the last keystroke before the text is parsed and validated again. */
    static final int RECONCILE_DELAY_MS = 300;

    private final BnnEditor editor;
    private final Injector injector;

    public BnnSourceViewerConfiguration(BnnEditor editor, IPreferenceStore preferences, Injector injector) {
        super(preferences);
        this.editor = editor;
        this.injector = injector;
    }

    @Override
    public String getConfiguredDocumentPartitioning(ISourceViewer sourceViewer) {
        return BnnPartitions.PARTITIONING;
    }

    @Override
    public String[] getConfiguredContentTypes(ISourceViewer sourceViewer) {
        return BnnPartitions.CONTENT_TYPES.clone();
    }

    @Override
    public IPresentationReconciler getPresentationReconciler(ISourceViewer sourceViewer) {
        PresentationReconciler reconciler = new PresentationReconciler();
        reconciler.setDocumentPartitioning(getConfiguredDocumentPartitioning(sourceViewer));
        register(reconciler, IDocument.DEFAULT_CONTENT_TYPE, injector.getInstance(BnnTokenScanner.class));
        register(reconciler, BnnPartitions.COMMENT, whole(HighlightingStyles.COMMENT_ID));
        register(reconciler, BnnPartitions.STRING, whole(HighlightingStyles.STRING_ID));
        return reconciler;
    }

    private static void register(PresentationReconciler reconciler, String contentType, ITokenScanner scanner) {
        DefaultDamagerRepairer damagerRepairer = new DefaultDamagerRepairer(scanner);
        reconciler.setDamager(damagerRepairer, contentType);
        reconciler.setRepairer(damagerRepairer, contentType);
    }

    private static ITokenScanner whole(String styleId) {
        RuleBasedScanner scanner = new RuleBasedScanner();
        scanner.setDefaultReturnToken(BnnHighlightingStyles.tokenFor(styleId));
        return scanner;
    }

    @Override
    public IReconciler getReconciler(ISourceViewer sourceViewer) {
        MonoReconciler reconciler = new MonoReconciler(
                new BnnReconcilingStrategy(editor::getInputFile, injector, editor.getModel()), false);
        reconciler.setDelay(RECONCILE_DELAY_MS);
        return reconciler;
    }

    @Override
    public ITextHover getTextHover(ISourceViewer sourceViewer, String contentType) {
        return new BnnTextHover(sourceViewer, editor.getModel(), injector, editor::getInputFile);
    }

    @Override
    public IContentAssistant getContentAssistant(ISourceViewer sourceViewer) {
        ContentAssistant assistant = new ContentAssistant(true);
        assistant.setDocumentPartitioning(getConfiguredDocumentPartitioning(sourceViewer));
        assistant.setContentAssistProcessor(new BnnContentAssistProcessor(editor.getModel(), injector, editor::getInputFile),
                IDocument.DEFAULT_CONTENT_TYPE);
        assistant.enableAutoActivation(true);
        assistant.setAutoActivationDelay(300);
        assistant.setInformationControlCreator(getInformationControlCreator(sourceViewer));
        return assistant;
    }

    /** Ctrl+1: the quick fixes of the problem at the caret. */
    @Override
    public IQuickAssistAssistant getQuickAssistAssistant(ISourceViewer sourceViewer) {
        QuickAssistAssistant assistant = new QuickAssistAssistant();
        assistant.setQuickAssistProcessor(new BnnQuickAssistProcessor());
        assistant.setInformationControlCreator(getInformationControlCreator(sourceViewer));
        return assistant;
    }

    @Override
    public IHyperlinkDetector[] getHyperlinkDetectors(ISourceViewer sourceViewer) {
        IHyperlinkDetector[] defaults = super.getHyperlinkDetectors(sourceViewer);
        IHyperlinkDetector[] detectors = new IHyperlinkDetector[(defaults == null ? 0 : defaults.length) + 1];
        detectors[0] = new BnnHyperlinkDetector(editor.getModel(), injector);
        if (defaults != null) {
            System.arraycopy(defaults, 0, detectors, 1, defaults.length);
        }
        return detectors;
    }

    @Override
    public String[] getDefaultPrefixes(ISourceViewer sourceViewer, String contentType) {
        return new String[] {ToggleCommentHandler.PREFIX, ""};
    }
}
