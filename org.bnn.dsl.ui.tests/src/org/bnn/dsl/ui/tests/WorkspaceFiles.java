package org.bnn.dsl.ui.tests;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;

/** Reading workspace files in the tests: the Java files below a folder, a file's text. */
final class WorkspaceFiles {

    private WorkspaceFiles() {
    }

    /** The .java files below {@code folder}, none if it does not exist. */
    static List<IFile> javaFiles(IFolder folder) throws CoreException {
        List<IFile> files = new ArrayList<>();
        if (folder.exists()) {
            folder.accept(r -> {
                if (r.getType() == IResource.FILE && "java".equals(r.getFileExtension())) {
                    files.add((IFile) r);
                }
                return true;
            });
        }
        return files;
    }

    /** The text of {@code file} (UTF-8); a file that cannot be read fails the test. */
    static String contents(IFile file) {
        try (InputStream in = file.getContents(true)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | CoreException e) {
            throw new AssertionError(e);
        }
    }
}
