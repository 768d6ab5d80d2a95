package org.bnn.dsl.ui.model;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.bnn.dsl.ui.internal.BnnUiActivator;
import org.bnn.dsl.ui.validation.BnnDocumentValidator;
import org.bnn.dsl.ui.validation.BnnWorkspaceSources;
import org.eclipse.core.resources.IFile;
import org.eclipse.jface.text.IDocument;

import com.google.inject.Injector;

/**
 * The latest parse of one editor's text, published by the reconciler's background thread and read
 * by the features that need the model (code minings, hover, outline, folding, hyperlinks, content
 * assist, quick fixes), so the UI thread never parses.
 */
public final class BnnDocumentModel {

    private volatile ParsedDocument latest;
    private final List<Consumer<ParsedDocument>> listeners = new CopyOnWriteArrayList<>();

    /** Called by the reconciler with a finished parse; listeners run on the publishing (background) thread. */
    public void publish(ParsedDocument parsed) {
        latest = parsed;
        for (Consumer<ParsedDocument> listener : listeners) {
            listener.accept(parsed);
        }
    }

    /** The latest parse, or null before the first one. */
    public ParsedDocument latest() {
        return latest;
    }

    /** The latest parse if it is of the document's current text, else null (the text changed since). */
    public ParsedDocument current(IDocument document) {
        ParsedDocument parsed = latest;
        return parsed != null && document != null && parsed.text().equals(document.get()) ? parsed : null;
    }

    /**
     * The parse of the document's current text: the latest one if it is current, else a new one
     * (not published). Never call it on the UI thread; null when the file is unknown or unparsable.
     */
    public ParsedDocument currentOrParse(IDocument document, IFile file, Injector injector) {
        ParsedDocument parsed = current(document);
        if (parsed != null || file == null) {
            return parsed;
        }
        try {
            return injector.getInstance(BnnDocumentValidator.class).parse(BnnWorkspaceSources.uriOf(file), document.get(),
                    BnnWorkspaceSources.siblingsOf(file), () -> false);
        } catch (IOException | RuntimeException e) {
            BnnUiActivator.log("Could not parse " + file.getFullPath(), e);
            return null;
        }
    }

    public void addListener(Consumer<ParsedDocument> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<ParsedDocument> listener) {
        listeners.remove(listener);
    }
}
