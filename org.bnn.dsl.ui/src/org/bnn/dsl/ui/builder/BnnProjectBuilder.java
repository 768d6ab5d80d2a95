package org.bnn.dsl.ui.builder;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.bnn.dsl.ui.internal.BnnUiActivator;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;

/**
 * Validates every .bnn file of a project (so files that are not open have markers too) and
 * generates the Java simulation of the valid ones into {@code src-gen}. The project's .bnn files
 * are its index: they are loaded together, so a change in one file (a chip, a tile) re-checks the
 * files that use it.
 */
public final class BnnProjectBuilder extends IncrementalProjectBuilder {

    public static final String ID = "org.bnn.dsl.ui.builder";

    @Override
    protected IProject[] build(int kind, Map<String, String> args, IProgressMonitor monitor) throws CoreException {
        IResourceDelta delta = kind == FULL_BUILD ? null : getDelta(getProject());
        if (delta == null || touchesBnnFiles(delta)) {
            new BnnProjectBuild(getProject(), BnnUiActivator.getDefault().getInjector()).run(monitor);
        }
        return null;
    }

    @Override
    protected void clean(IProgressMonitor monitor) throws CoreException {
        new BnnProjectBuild(getProject(), BnnUiActivator.getDefault().getInjector()).clean(monitor);
    }

    private static boolean touchesBnnFiles(IResourceDelta delta) throws CoreException {
        AtomicBoolean found = new AtomicBoolean();
        delta.accept(child -> {
            IResource resource = child.getResource();
            if (resource.getType() == IResource.FILE && BnnProjectBuild.EXTENSION.equals(resource.getFileExtension())) {
                found.set(true);
            }
            return !found.get();
        });
        return found.get();
    }
}
