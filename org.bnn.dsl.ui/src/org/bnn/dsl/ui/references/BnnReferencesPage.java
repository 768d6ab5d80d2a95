package org.bnn.dsl.ui.references;

import java.util.Arrays;

import org.eclipse.core.resources.IFile;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.StructuredViewer;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.search.ui.text.AbstractTextSearchResult;
import org.eclipse.search.ui.text.AbstractTextSearchViewPage;

/** The Search view's page for references: the files that refer, with their number of references. */
public final class BnnReferencesPage extends AbstractTextSearchViewPage {

    @Override
    protected void elementsChanged(Object[] objects) {
        refresh();
    }

    @Override
    protected void clear() {
        refresh();
    }

    private void refresh() {
        StructuredViewer viewer = getViewer();
        if (viewer != null && getInput() != null) {
            viewer.setInput(getInput());
        }
    }

    @Override
    protected void configureTreeViewer(TreeViewer viewer) {
        viewer.setContentProvider(new FilesOfResult());
        viewer.setLabelProvider(new FileLabels(this));
    }

    @Override
    protected void configureTableViewer(TableViewer viewer) {
        viewer.setContentProvider(new FilesOfResult());
        viewer.setLabelProvider(new FileLabels(this));
    }

    /** The files with references, sorted by path. */
    private static final class FilesOfResult extends ArrayContentProvider implements ITreeContentProvider {
        @Override
        public Object[] getElements(Object input) {
            return input instanceof AbstractTextSearchResult result
                    ? Arrays.stream(result.getElements()).sorted((a, b) -> a.toString().compareTo(b.toString())).toArray()
                    : new Object[0];
        }

        @Override
        public Object[] getChildren(Object parent) {
            return new Object[0];
        }

        @Override
        public Object getParent(Object element) {
            return null;
        }

        @Override
        public boolean hasChildren(Object element) {
            return false;
        }
    }

    /** "quickstart.bnn – /project (2 references)". */
    private static final class FileLabels extends LabelProvider {
        private final BnnReferencesPage page;

        FileLabels(BnnReferencesPage page) {
            this.page = page;
        }

        @Override
        public String getText(Object element) {
            if (!(element instanceof IFile file)) {
                return String.valueOf(element);
            }
            int count = page.getInput() == null ? 0 : page.getInput().getMatchCount(file);
            return file.getName() + " – " + file.getParent().getFullPath() + " (" + count + (count == 1 ? " reference)" : " references)");
        }
    }
}
