package org.bnn.dsl.ui.tests;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A fresh workspace project for each test ({@code @RegisterExtension}), deleted afterwards. */
final class TemporaryProject implements BeforeEachCallback, AfterEachCallback {

    private final String prefix;
    private IProject project;

    TemporaryProject(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws CoreException {
        project = ResourcesPlugin.getWorkspace().getRoot().getProject(prefix + "-" + System.nanoTime());
        project.create(null);
        project.open(null);
    }

    @Override
    public void afterEach(ExtensionContext context) throws CoreException {
        project.delete(true, true, null);
    }

    IProject project() {
        return project;
    }

    /** Creates a file of the project with {@code text} (UTF-8). */
    IFile write(String name, String text) throws CoreException {
        IFile file = project.getFile(name);
        file.create(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), true, null);
        return file;
    }
}
