package org.bnn.dsl.ui.classpath;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.jdt.core.ClasspathContainerInitializer;
import org.eclipse.jdt.core.IClasspathContainer;
import org.eclipse.jdt.core.IJavaProject;
import org.eclipse.jdt.core.JavaCore;

/** Resolves {@link BnnRuntimeContainer#PATH} to the libraries installed with this plugin. */
public final class BnnRuntimeContainerInitializer extends ClasspathContainerInitializer {

    @Override
    public void initialize(IPath containerPath, IJavaProject project) throws CoreException {
        JavaCore.setClasspathContainer(containerPath, new IJavaProject[] {project},
                new IClasspathContainer[] {new BnnRuntimeContainer(BnnRuntimeLibraries.entries())}, null);
    }

    @Override
    public String getDescription(IPath containerPath, IJavaProject project) {
        return "BNN Runtime";
    }
}
