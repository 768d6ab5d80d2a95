package org.bnn.dsl.ide.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.file.Path;
import java.util.List;

import org.bnn.dsl.ide.server.BnnLanguageServerLauncher;
import org.bnn.dsl.ide.server.LspWorkspaceManager;
import org.eclipse.emf.common.util.URI;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.xtext.ide.server.WorkspaceManager;
import org.eclipse.xtext.util.CancelIndicator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.inject.Guice;

/**
 * A change the server ignores (its range lies outside the document, or the document is not open)
 * still runs as a write, and a write cancels the build of the change before it: the ignored
 * change must build what is pending, else every read queued behind it sees the new text with the
 * model of the old one. The language server fuzz test found this as symbols on the wrong lines, a
 * formatter failing on a comment and content assist failing with a negative offset. Here the
 * workspace manager is driven directly: a build that is never run stands for a cancelled one.
 */
class IgnoredChangeBuildTest {
    private static final String BEFORE = "network Before {\n    input x: 4\n    dense y: 2\n}\n";

    @TempDir
    Path workspace;

    private WorkspaceManager manager;
    private URI uri;

    @BeforeEach
    void openADocument() {
        manager = Guice.createInjector(BnnLanguageServerLauncher.module()).getInstance(WorkspaceManager.class);
        assertInstanceOf(LspWorkspaceManager.class, manager);
        manager.initialize(URI.createFileURI(workspace.toString()), (file, issues) -> {
        }, CancelIndicator.NullImpl);
        uri = URI.createFileURI(workspace.resolve("a.bnn").toString());
        manager.didOpen(uri, 1, BEFORE).build(CancelIndicator.NullImpl);
    }

    @Test
    void aChangeOutsideTheDocumentBuildsTheChangeBefore() {
        changeTheNameWithoutBuilding();
        Position outside = new Position(99, 0);
        manager.didChangeTextDocumentContent(uri, 3, List.of(new TextDocumentContentChangeEvent(new Range(outside, outside), "x")))
                .build(CancelIndicator.NullImpl);

        assertModelFollowsText();
    }

    @Test
    void aChangeOfADocumentThatIsNotOpenBuildsTheChangeBefore() {
        changeTheNameWithoutBuilding();
        URI closed = URI.createFileURI(workspace.resolve("never-opened.bnn").toString());
        manager.didChangeTextDocumentContent(closed, 1, List.of(new TextDocumentContentChangeEvent("network Other {}")))
                .build(CancelIndicator.NullImpl);

        assertModelFollowsText();
    }

    /** Renames the network; the build this change returns is dropped, as a later write would cancel it. */
    private void changeTheNameWithoutBuilding() {
        manager.didChangeTextDocumentContent(uri, 2,
                List.of(new TextDocumentContentChangeEvent(new Range(new Position(0, 8), new Position(0, 14)), "Renamed after a while")));
    }

    private void assertModelFollowsText() {
        String[] seen = manager.doRead(uri, (document, resource) -> new String[] {document.getContents(),
            resource.getParseResult().getRootNode().getText()});
        assertEquals("network Renamed after a while {\n    input x: 4\n    dense y: 2\n}\n", seen[0]);
        assertEquals(seen[0], seen[1], "the node model's text");
    }
}
