package org.bnn.dsl.ide.server;

import java.util.List;
import java.util.logging.Logger;

import org.eclipse.emf.common.util.URI;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.xtext.ide.server.BuildManager.Buildable;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.ProjectManager;
import org.eclipse.xtext.ide.server.WorkspaceManager;
import org.eclipse.xtext.resource.IResourceServiceProvider;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.xbase.lib.Functions.Function2;

import com.google.inject.Inject;

/**
 * Xtext's workspace manager with documents that follow the protocol's rules for positions
 * ({@link LspDocument}), so that every service reads positions through one place, and with the
 * client's mistakes told apart from the server's: a change whose range lies outside the document
 * or of a document that is not open is ignored with one log line, and a request on a document
 * that is neither open nor a language file in the workspace is an {@link InvalidRequestException}
 * (Xtext would try to load it, or hand the services no document).
 * <p>
 * An ignored change still builds: it runs as a write that cancels the build of the change before
 * it, and the reads queued behind it must not see that change's text with the model of the text
 * before (ranges on the wrong lines, the formatter and content assist on a stale node model).
 */
public class LspWorkspaceManager extends WorkspaceManager {

    private static final Logger LOG = Logger.getLogger(LspWorkspaceManager.class.getName());

    @Inject
    private IResourceServiceProvider.Registry languages;

    @Override
    public Buildable didOpen(URI uri, Integer version, String contents) {
        String text = contents == null ? "" : contents;
        Buildable build = super.didOpen(uri, version, text);
        getOpenDocuments().put(uri, new LspDocument(version, text));
        return build;
    }

    @Override
    public Buildable didChangeTextDocumentContent(URI uri, Integer version, Iterable<TextDocumentContentChangeEvent> changes) {
        Document document = getOpenDocuments().get(uri);
        if (document == null) {
            LOG.warning("change ignored: " + uri + " is not open");
            return buildPendingChanges();
        }
        try {
            getOpenDocuments().put(uri, LspDocument.of(document).applyTextDocumentChanges(changes));
        } catch (InvalidRequestException e) {
            LOG.warning("change of " + uri + " ignored: " + e.getMessage());
            return buildPendingChanges();
        }
        return didChangeFiles(List.of(uri), List.of());
    }

    /** The build of the files still dirty because a later write cancelled their build; nothing new. */
    private Buildable buildPendingChanges() {
        return didChangeFiles(List.of(), List.of());
    }

    @Override
    public <T> T doRead(URI uri, Function2<? super Document, ? super XtextResource, ? extends T> work) {
        URI resourceUri = uri.trimFragment();
        if (languages.getResourceServiceProvider(resourceUri) == null) {
            throw new InvalidRequestException(resourceUri + " is not a file of this language");
        }
        ProjectManager project = getProjectManager(resourceUri);
        if (project == null) {
            throw new InvalidRequestException(resourceUri + " lies in no workspace folder");
        }
        if (!isDocumentOpen(resourceUri) && !exists(resourceUri)) {
            throw new InvalidRequestException(resourceUri + " is neither open nor on disk");
        }
        return super.doRead(uri, work);
    }

    @Override
    protected Document getDocument(XtextResource resource) {
        return LspDocument.of(super.getDocument(resource));
    }
}
