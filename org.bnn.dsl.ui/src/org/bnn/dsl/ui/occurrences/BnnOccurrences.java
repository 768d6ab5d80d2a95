package org.bnn.dsl.ui.occurrences;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bnn.dsl.ui.model.BnnDocumentModel;
import org.bnn.dsl.ui.model.ParsedDocument;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.text.source.IAnnotationModelExtension;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.jface.viewers.IPostSelectionProvider;
import org.eclipse.jface.viewers.ISelectionChangedListener;
import org.eclipse.jface.viewers.SelectionChangedEvent;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentHighlightParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.occurrences.IDocumentHighlightService;

import com.google.inject.Injector;

/**
 * Mark Occurrences: when the caret rests on a name, its declaration and the references to it in
 * this file are highlighted (the language server's document highlights). Reads the reconciler's
 * parse only; while that is older than the text, the highlights stay where they are.
 */
public final class BnnOccurrences implements ISelectionChangedListener {

    /** Annotation type, declared with its colours in plugin.xml. */
    public static final String TYPE = "org.bnn.dsl.ui.occurrences";

    private final ISourceViewer viewer;
    private final BnnDocumentModel model;
    private final Injector injector;
    private Annotation[] shown = new Annotation[0];

    public BnnOccurrences(ISourceViewer viewer, BnnDocumentModel model, Injector injector) {
        this.viewer = viewer;
        this.model = model;
        this.injector = injector;
    }

    public void install() {
        ((IPostSelectionProvider) viewer.getSelectionProvider()).addPostSelectionChangedListener(this);
    }

    public void uninstall() {
        ((IPostSelectionProvider) viewer.getSelectionProvider()).removePostSelectionChangedListener(this);
    }

    @Override
    public void selectionChanged(SelectionChangedEvent event) {
        update();
    }

    /** Highlights the occurrences of the name at the caret (UI thread). */
    public void update() {
        IDocument document = viewer.getDocument();
        ParsedDocument parsed = model.current(document);
        if (parsed == null || !(viewer.getSelectionProvider().getSelection() instanceof ITextSelection selection)) {
            return;
        }
        Document text = new Document(1, parsed.text());
        DocumentHighlightParams params = new DocumentHighlightParams(new TextDocumentIdentifier(parsed.resource().getURI().toString()),
                text.getPosition(selection.getOffset()));
        List<? extends DocumentHighlight> highlights = injector.getInstance(IDocumentHighlightService.class).getDocumentHighlights(text,
                parsed.resource(), params, () -> false);
        Map<Annotation, Position> added = new HashMap<>();
        for (DocumentHighlight highlight : highlights) {
            int start = text.getOffSet(highlight.getRange().getStart());
            int end = text.getOffSet(highlight.getRange().getEnd());
            added.put(new Annotation(TYPE, false, parsed.text().substring(start, end)), new Position(start, end - start));
        }
        IAnnotationModel annotations = viewer.getAnnotationModel();
        if (annotations instanceof IAnnotationModelExtension extension) {
            extension.replaceAnnotations(shown, added);
            shown = added.keySet().toArray(Annotation[]::new);
        }
    }
}
