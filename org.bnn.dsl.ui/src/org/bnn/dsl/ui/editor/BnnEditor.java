package org.bnn.dsl.ui.editor;

import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.bnn.dsl.ui.codemining.BnnCodeMiningProvider;
import org.bnn.dsl.ui.folding.BnnFolding;
import org.bnn.dsl.ui.highlighting.BnnHighlightingStyles;
import org.bnn.dsl.ui.highlighting.BnnSemanticHighlighter;
import org.bnn.dsl.ui.internal.BnnUiActivator;
import org.bnn.dsl.ui.model.BnnDocumentModel;
import org.bnn.dsl.ui.model.ParsedDocument;
import org.bnn.dsl.ui.occurrences.BnnOccurrences;
import org.bnn.dsl.ui.outline.BnnOutlinePage;
import org.bnn.dsl.ui.preferences.BnnPreferences;
import org.bnn.dsl.ui.validation.BnnMarkers;
import org.bnn.dsl.ui.validation.BnnValidationJob;
import org.bnn.dsl.ui.validation.UnsavedEditors;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.jface.text.Document;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.codemining.ICodeMiningProvider;
import org.eclipse.jface.text.source.DefaultCharacterPairMatcher;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.jface.text.source.ISourceViewerExtension5;
import org.eclipse.jface.text.source.IVerticalRuler;
import org.eclipse.jface.text.source.projection.ProjectionSupport;
import org.eclipse.jface.text.source.projection.ProjectionViewer;
import org.eclipse.jface.util.PropertyChangeEvent;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.editors.text.EditorsUI;
import org.eclipse.ui.editors.text.TextEditor;
import org.eclipse.ui.texteditor.ChainedPreferenceStore;
import org.eclipse.ui.texteditor.SourceViewerDecorationSupport;
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;
import org.eclipse.xtext.ide.editor.syntaxcoloring.ISemanticHighlightingCalculator;

/**
 * The editor for .bnn files: a plain text editor with the language's lexical and semantic
 * highlighting, its problems as markers, the Estimator's figures as code minings, hover, outline, folding, bracket matching,
 * content assist, hyperlinks to declarations, mark occurrences, quick fixes (Ctrl+1) and Toggle Comment. Everything that needs the model
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
    private BnnOccurrences occurrences;
    private final Consumer<ParsedDocument> afterParse = this::afterParse;

    @Override
    protected void initializeEditor() {
        super.initializeEditor();
        BnnHighlightingStyles.refresh(BnnPreferences::colour);
        setPreferenceStore(new ChainedPreferenceStore(new IPreferenceStore[] {editorPreferences(), EditorsUI.getPreferenceStore()}));
        setSourceViewerConfiguration(new BnnSourceViewerConfiguration(this, getPreferenceStore(),
                BnnUiActivator.getDefault().getInjector()));
    }

    /** Preferences of the BNN page: minings, colours and severities follow at once. */
    @Override
    protected void handlePreferenceStoreChanged(PropertyChangeEvent event) {
        super.handlePreferenceStoreChanged(event);
        ISourceViewer viewer = getSourceViewer();
        if (viewer == null) {
            return;
        }
        String key = event.getProperty();
        if (BnnPreferences.CODE_MININGS.equals(key)) {
            ((ISourceViewerExtension5) viewer).updateCodeMinings();
        } else if (BnnPreferences.isColour(key)) {
            BnnHighlightingStyles.refresh(BnnPreferences::colour);
            viewer.invalidateTextPresentation();
        } else if (BnnPreferences.isSeverity(key)) {
            ParsedDocument parsed = getModel().latest();
            IFile file = getInputFile();
            if (parsed != null && file != null) {
                try {
                    BnnMarkers.replace(file, parsed.issues());
                } catch (CoreException e) {
                    BnnUiActivator.log("Could not update the markers of " + file.getFullPath(), e);
                }
            }
        }
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

    /**
     * The parse of the current text for a user command (format, rename): the reconciler's when it
     * is current, else one made now off the UI thread under a busy cursor; null when there is none.
     */
    public ParsedDocument currentParse() {
        IDocument document = getDocumentProvider().getDocument(getEditorInput());
        ParsedDocument parsed = getModel().current(document);
        if (parsed != null) {
            return parsed;
        }
        IDocument copy = new Document(document.get());
        AtomicReference<ParsedDocument> result = new AtomicReference<>();
        try {
            PlatformUI.getWorkbench().getProgressService().busyCursorWhile(
                    monitor -> result.set(getModel().currentOrParse(copy, getInputFile(), BnnUiActivator.getDefault().getInjector())));
        } catch (InvocationTargetException e) {
            BnnUiActivator.log("Could not parse " + getTitle(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return result.get();
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
        occurrences = new BnnOccurrences(viewer, getModel(), BnnUiActivator.getDefault().getInjector());
        occurrences.install();
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
            occurrences.update();
            if (current.getProjectionAnnotationModel() != null) {
                BnnFolding.update(current.getProjectionAnnotationModel(), current.getDocument(), parsed);
            }
        });
    }

    /** While the text is unsaved, its live markers win over the builder's markers of the saved file. */
    @Override
    protected void firePropertyChange(int property) {
        super.firePropertyChange(property);
        IFile file = getInputFile();
        if (property == PROP_DIRTY && file != null) {
            UnsavedEditors.set(file, isDirty());
        }
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
        if (occurrences != null) {
            occurrences.uninstall();
        }
        // Markers describe the text in the editor; when that text is thrown away unsaved,
        // validate what is on disk again.
        IFile file = getInputFile();
        boolean unsaved = isDirty();
        super.dispose();
        if (file != null) {
            UnsavedEditors.set(file, false);
        }
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
