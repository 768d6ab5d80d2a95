package org.bnn.dsl.ui.rename;

import java.util.List;
import java.util.Map;

import org.bnn.dsl.ui.model.ParsedDocument;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Path;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.ltk.core.refactoring.Change;
import org.eclipse.ltk.core.refactoring.CompositeChange;
import org.eclipse.ltk.core.refactoring.Refactoring;
import org.eclipse.ltk.core.refactoring.RefactoringStatus;
import org.eclipse.ltk.core.refactoring.TextFileChange;
import org.eclipse.text.edits.MultiTextEdit;
import org.eclipse.text.edits.ReplaceEdit;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.rename.IRenameService2;
import org.eclipse.xtext.resource.XtextResource;

import com.google.inject.Injector;

/**
 * Rename of the element at an offset and of every reference to it in the project: the language
 * server's rename (Xtext's, through the language's {@code IRenameService2}) on one parse of the
 * editor, its edits turned into one text change per file for the preview and the undo history.
 */
public final class BnnRenameRefactoring extends Refactoring {

    private final ParsedDocument parsed;
    private final int offset;
    private final String oldName;
    private final Injector injector;
    private String newName;
    private CompositeChange change;

    BnnRenameRefactoring(ParsedDocument parsed, int offset, String oldName, Injector injector) {
        this.parsed = parsed;
        this.offset = offset;
        this.oldName = oldName;
        this.newName = oldName;
        this.injector = injector;
    }

    @Override
    public String getName() {
        return "Rename " + oldName;
    }

    String oldName() {
        return oldName;
    }

    void setNewName(String newName) {
        this.newName = newName;
    }

    /** The change of the last final check (what the preview shows and Finish performs), or null. */
    public CompositeChange change() {
        return change;
    }

    @Override
    public RefactoringStatus checkInitialConditions(IProgressMonitor monitor) {
        return new RefactoringStatus();
    }

    @Override
    public RefactoringStatus checkFinalConditions(IProgressMonitor monitor) {
        if (newName == null || newName.isBlank() || newName.equals(oldName)) {
            return RefactoringStatus.createFatalErrorStatus("Enter a new name");
        }
        Document text = new Document(1, parsed.text());
        Position position = text.getPosition(offset);
        IRenameService2.Options options = new IRenameService2.Options();
        options.setLanguageServerAccess(new ParsedProjectAccess(parsed, injector));
        options.setRenameParams(new RenameParams(new TextDocumentIdentifier(parsed.resource().getURI().toString()), position, newName));
        options.setCancelIndicator(monitor::isCanceled);
        WorkspaceEdit edit;
        try {
            edit = injector.getInstance(IRenameService2.class).rename(options);
        } catch (RuntimeException e) {
            return RefactoringStatus.createFatalErrorStatus("Cannot rename " + oldName + " to " + newName + ": " + e.getMessage());
        }
        if (edit == null || edit.getChanges() == null || edit.getChanges().isEmpty()) {
            return RefactoringStatus.createFatalErrorStatus(
                    "Cannot rename " + oldName + " to " + newName + " (the file has syntax errors, or the name is not allowed here)");
        }
        change = new CompositeChange(getName());
        for (Map.Entry<String, List<TextEdit>> file : edit.getChanges().entrySet()) {
            TextFileChange fileChange = fileChange(URI.createURI(file.getKey()), file.getValue());
            if (fileChange == null) {
                return RefactoringStatus.createFatalErrorStatus("Cannot rename in " + file.getKey() + ": not a file of the workspace");
            }
            change.add(fileChange);
        }
        return new RefactoringStatus();
    }

    private TextFileChange fileChange(URI uri, List<TextEdit> edits) {
        Resource resource = parsed.resource().getResourceSet().getResource(uri, false);
        if (!uri.isPlatformResource() || !(resource instanceof XtextResource xtext) || xtext.getParseResult() == null) {
            return null;
        }
        IFile file = ResourcesPlugin.getWorkspace().getRoot().getFile(new Path(uri.toPlatformString(true)));
        Document text = new Document(1, xtext.getParseResult().getRootNode().getText());
        TextFileChange fileChange = new TextFileChange(file.getName(), file);
        MultiTextEdit all = new MultiTextEdit();
        for (TextEdit edit : edits) {
            int start = text.getOffSet(edit.getRange().getStart());
            int end = text.getOffSet(edit.getRange().getEnd());
            all.addChild(new ReplaceEdit(start, end - start, edit.getNewText()));
        }
        fileChange.setEdit(all);
        return fileChange;
    }

    @Override
    public Change createChange(IProgressMonitor monitor) {
        return change;
    }
}
