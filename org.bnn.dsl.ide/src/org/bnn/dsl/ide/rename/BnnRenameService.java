package org.bnn.dsl.ide.rename;

import java.util.logging.Logger;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.xtext.ide.server.ILanguageServerAccess;
import org.eclipse.xtext.ide.server.rename.RenameService2;
import org.eclipse.xtext.ide.server.rename.ServerRefactoringIssueAcceptor;
import org.eclipse.xtext.parser.IParseResult;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.service.OperationCanceledManager;

import com.google.inject.Inject;

/**
 * Xtext's rename, except that a rename the serializer cannot write because the file has syntax
 * errors changes nothing and says why in one log line, where Xtext's fails with an internal error.
 * Xtext rewrites only the regions a rename changes; when it cannot place a change in half-typed
 * text it serializes the whole model, which text with syntax errors does not describe
 * (LanguageServerFuzzTest, seed 98).
 * <p>
 * LSP would have the refusal answered as an error the editor shows, but Xtext 2.42 runs the
 * rewrite in a nested read whose failures it logs as internal errors with their stack traces
 * (its own refactoring issues included); an empty edit is the quiet answer it allows.
 */
public class BnnRenameService extends RenameService2 {

    private static final Logger LOG = Logger.getLogger(BnnRenameService.class.getName());

    @Inject
    private OperationCanceledManager cancellations;

    @Override
    protected void applyModifications(EObject target, WorkspaceEdit edit, ServerRefactoringIssueAcceptor issues, Options options,
            ILanguageServerAccess.Context context) {
        try {
            super.applyModifications(target, edit, issues, options, context);
        } catch (RuntimeException e) {
            IParseResult parse = context.getResource() instanceof XtextResource resource ? resource.getParseResult() : null;
            if (cancellations.isOperationCanceledException(e) || parse == null || !parse.hasSyntaxErrors()) {
                throw e; // not explained by the syntax errors: a bug, for the request guard to report
            }
            LOG.warning(
                    "rename to '" + options.getRenameParams().getNewName() + "' not done: " + context.getResource().getURI().lastSegment()
                            + " has syntax errors (the first on line " + parse.getSyntaxErrors().iterator().next().getStartLine()
                            + ") that the rewrite would have to cross; fix them, then rename again");
        }
    }
}
