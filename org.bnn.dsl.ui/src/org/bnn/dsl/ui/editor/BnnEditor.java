package org.bnn.dsl.ui.editor;

import java.util.function.Consumer;

import org.bnn.dsl.ui.codemining.BnnCodeMiningProvider;
import org.bnn.dsl.ui.folding.BnnFolding;
import org.bnn.dsl.ui.highlighting.BnnSemanticHighlighter;
import org.bnn.dsl.ui.internal.BnnUiActivator;
import org.bnn.dsl.ui.model.BnnDocumentModel;
import org.bnn.dsl.ui.model.ParsedDocument;
import org.bnn.dsl.ui.outline.BnnOutlinePage;
import org.bnn.dsl.ui.validation.BnnValidationJob;
import org.eclipse.core.resources.IFile;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.jface.text.codemining.ICodeMiningProvider;
import org.eclipse.jface.text.source.DefaultCharacterPairMatcher;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.jface.text.source.ISourceViewerExtension5;
import org.eclipse.jface.text.source.IVerticalRuler;
import org.eclipse.jface.text.source.projection.ProjectionSupport;
import org.eclipse.jface.text.source.projection.ProjectionViewer;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.editors.text.EditorsUI;
import org.eclipse.ui.editors.text.TextEditor;
import org.eclipse.ui.texteditor.ChainedPreferenceStore;
import org.eclipse.ui.texteditor.SourceViewerDecorationSupport;
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;
import org.eclipse.xtext.ide.editor.syntaxcoloring.ISemanticHighlightingCalculator;

/**
 * The editor for .bnn files: a plain text editor with the language's lexical and semantic
 * highlighting, its problems as markers, the Estimator's figures as code minings, hover, outline, folding, bracket matching,
 * content assist, hyperlinks to declarations and Toggle Comment. Everything that needs the model
 * reads the reconciler's latest parse ({@link BnnDocumentModel}); the UI thread never parses.
 */
public class BnnEditor extends TextEditor {

    public static final String ID = "org.bnn.dsl.ui.editor";

    /** Key binding context of the editor (Toggle Comment). */
    public static final String CONTEXT = "org.bnn.dsl.ui.editorScope";

    static final String MATCHING_BRACKETS = "org.bnn.dsl.ui.matchingBrackets";
    static final String MATCHING_BRACKETS_COLOR = "org.bnn.dsl.ui.matchingBracketsColor";

    private BnnDocumentModel model;
    private BnnCodeMiningProvider minings;
    private BnnOutlinePage outline;
    private ProjectionSupport projection;
    private BnnSemanticHighlighter semanticHighlighter;
    private final Consumer<ParsedDocument> afterParse = this::afterParse;

    @Override
    protected void initializeEditor() {
        super.initializeEditor();
        setPreferenceStore(new ChainedPreferenceStore(new IPreferenceStore[] {editorPreferences(), EditorsUI.getPreferenceStore()}));
        setSourceViewerConfiguration(new BnnSourceViewerConfiguration(this, getPreferenceStore(),
                BnnUiActivator.getDefault().getInjector()));
    }

    @Override
    protected void initializeKeyBindingScopes() {
        setKeyBindingScopes(new String[] {CONTEXT});
    }

    /** The latest parse of this editor's text (created with the editor; the constructor runs before field initializers). */
    public BnnDocumentModel getModel() {
        if (model == null) {
            model = new BnnDocumentModel();
        }
        return model;
    }

    /** The code-mining provider (its labels are what the editor shows). */
    public BnnCodeMiningProvider getCodeMiningProvider() {
        return minings;
    }

    @Override
    protected ISourceViewer createSourceViewer(Composite parent, IVerticalRuler ruler, int styles) {
        ISourceViewer viewer = new ProjectionViewer(parent, ruler, getOverviewRuler(), isOverviewRulerVisible(), styles);
        getSourceViewerDecorationSupport(viewer);
        return viewer;
    }

    @Override
    public void createPartControl(Composite parent) {
        super.createPartControl(parent);
        ProjectionViewer viewer = (ProjectionViewer) getSourceViewer();
        projection = new ProjectionSupport(viewer, getAnnotationAccess(), getSharedColors());
        projection.install();
        viewer.doOperation(ProjectionViewer.TOGGLE);
        minings = new BnnCodeMiningProvider(getModel(), BnnUiActivator.getDefault().getInjector());
        ((ISourceViewerExtension5) viewer).setCodeMiningProviders(new ICodeMiningProvider[] {minings});
        semanticHighlighter = new BnnSemanticHighlighter(viewer,
                BnnUiActivator.getDefault().getInjector().getInstance(ISemanticHighlightingCalculator.class));
        semanticHighlighter.install();
        getModel().addListener(afterParse);
    }

    @Override
    protected void configureSourceViewerDecorationSupport(SourceViewerDecorationSupport support) {
        support.setCharacterPairMatcher(new DefaultCharacterPairMatcher(new char[] {'{', '}', '(', ')'}, BnnPartitions.PARTITIONING));
        support.setMatchingCharacterPainterPreferenceKeys(MATCHING_BRACKETS, MATCHING_BRACKETS_COLOR);
        super.configureSourceViewerDecorationSupport(support);
    }

    /** A new parse: semantic colours (computed here, off the UI thread), minings and folding follow it. */
    private void afterParse(ParsedDocument parsed) {
        ISourceViewer viewer = getSourceViewer();
        if (viewer == null || viewer.getTextWidget() == null) {
            return;
        }
        semanticHighlighter.update(parsed);
        viewer.getTextWidget().getDisplay().asyncExec(() -> {
            ProjectionViewer current = (ProjectionViewer) getSourceViewer();
            if (current == null || current.getTextWidget() == null || current.getTextWidget().isDisposed()) {
                return;
            }
            ((ISourceViewerExtension5) current).updateCodeMinings();
            if (current.getProjectionAnnotationModel() != null) {
                BnnFolding.update(current.getProjectionAnnotationModel(), current.getDocument(), parsed);
            }
        });
    }

    /** The workspace file being edited, or null for a file outside the workspace. */
    public IFile getInputFile() {
        IEditorInput input = getEditorInput();
        return input instanceof IFileEditorInput fileInput ? fileInput.getFile() : null;
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        if (IContentOutlinePage.class.equals(adapter)) {
            if (outline == null) {
                outline = new BnnOutlinePage(this, getModel(), BnnUiActivator.getDefault().getInjector());
            }
            return adapter.cast(outline);
        }
        if (projection != null) {
            Object adapted = projection.getAdapter(getSourceViewer(), adapter);
            if (adapted != null) {
                return adapter.cast(adapted);
            }
        }
        return super.getAdapter(adapter);
    }

    @Override
    public void dispose() {
        getModel().removeListener(afterParse);
        if (semanticHighlighter != null) {
            semanticHighlighter.uninstall();
        }
        // Markers describe the text in the editor; when that text is thrown away unsaved,
        // validate what is on disk again.
        IFile file = getInputFile();
        boolean unsaved = isDirty();
        super.dispose();
        if (file != null && unsaved) {
            new BnnValidationJob(file).schedule();
        }
    }

    /** Defaults of the editor's own preferences: matching brackets on, in the keyword colour. */
    private static IPreferenceStore editorPreferences() {
        IPreferenceStore store = BnnUiActivator.getDefault().getPreferenceStore();
        store.setDefault(MATCHING_BRACKETS, true);
        store.setDefault(MATCHING_BRACKETS_COLOR, "127,0,85");
        return store;
    }
}
