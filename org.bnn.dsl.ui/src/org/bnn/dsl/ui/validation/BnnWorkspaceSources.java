package org.bnn.dsl.ui.validation;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.emf.common.util.URI;

/** Finds the .bnn files of a workspace project, as sources for cross-file references. */
public final class BnnWorkspaceSources {

    static final String EXTENSION = "bnn";
    private static final int LIMIT = 500;

    private BnnWorkspaceSources() {
    }

    public static URI uriOf(IFile file) {
        return URI.createPlatformResourceURI(file.getFullPath().toString(), true);
    }

    /** The .bnn files of {@code file}'s project, {@code file} itself excluded. */
    public static List<BnnDocumentValidator.Source> siblingsOf(IFile file) {
        List<BnnDocumentValidator.Source> result = new ArrayList<>();
        try {
            file.getProject().accept(resource -> {
                if (result.size() >= LIMIT || resource.isDerived() || resource.isTeamPrivateMember()) {
                    return false;
                }
                if (resource.getType() == IResource.FILE && EXTENSION.equals(resource.getFileExtension())
                        && !resource.equals(file)) {
                    result.add(source((IFile) resource));
                }
                return true;
            });
        } catch (CoreException e) {
            // a closed or deleted project: validate the file alone
        }
        return result;
    }

    private static BnnDocumentValidator.Source source(IFile file) {
        URI uri = uriOf(file);
        return new BnnDocumentValidator.Source() {
            @Override
            public URI uri() {
                return uri;
            }

            @Override
            public InputStream open() throws IOException {
                try {
                    return file.getContents(true);
                } catch (CoreException e) {
                    throw new IOException(e);
                }
            }
        };
    }
}
