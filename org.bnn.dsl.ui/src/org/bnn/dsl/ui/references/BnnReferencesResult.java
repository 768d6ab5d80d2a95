package org.bnn.dsl.ui.references;

import org.eclipse.core.resources.IFile;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.search.ui.ISearchQuery;
import org.eclipse.search.ui.text.AbstractTextSearchResult;
import org.eclipse.search.ui.text.IEditorMatchAdapter;
import org.eclipse.search.ui.text.IFileMatchAdapter;
import org.eclipse.search.ui.text.Match;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IFileEditorInput;

/** The references found, one match per reference, grouped by file (the matches' elements). */
public final class BnnReferencesResult extends AbstractTextSearchResult implements IFileMatchAdapter, IEditorMatchAdapter {

    private final ISearchQuery query;

    BnnReferencesResult(ISearchQuery query) {
        this.query = query;
    }

    @Override
    public String getLabel() {
        return query.getLabel() + " (" + getMatchCount() + (getMatchCount() == 1 ? " reference)" : " references)");
    }

    @Override
    public String getTooltip() {
        return getLabel();
    }

    @Override
    public ImageDescriptor getImageDescriptor() {
        return null;
    }

    @Override
    public ISearchQuery getQuery() {
        return query;
    }

    @Override
    public IEditorMatchAdapter getEditorMatchAdapter() {
        return this;
    }

    @Override
    public IFileMatchAdapter getFileMatchAdapter() {
        return this;
    }

    @Override
    public Match[] computeContainedMatches(AbstractTextSearchResult result, IFile file) {
        return getMatches(file);
    }

    @Override
    public IFile getFile(Object element) {
        return element instanceof IFile file ? file : null;
    }

    @Override
    public boolean isShownInEditor(Match match, IEditorPart editor) {
        return editor.getEditorInput() instanceof IFileEditorInput input && input.getFile().equals(match.getElement());
    }

    @Override
    public Match[] computeContainedMatches(AbstractTextSearchResult result, IEditorPart editor) {
        return editor.getEditorInput() instanceof IFileEditorInput input ? getMatches(input.getFile()) : new Match[0];
    }
}
