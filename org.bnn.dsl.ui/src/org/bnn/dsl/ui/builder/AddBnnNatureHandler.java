package org.bnn.dsl.ui.builder;

import org.bnn.dsl.ui.classpath.BnnJavaProject;
import org.bnn.dsl.ui.internal.BnnUiActivator;
import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.handlers.HandlerUtil;

/**
 * Configure → Add BNN Nature: the selected projects get the BNN builder (validation of every .bnn
 * file, Java into src-gen) and become Java projects that compile src-gen against the BNN Runtime
 * container ({@link BnnJavaProject}).
 */
public final class AddBnnNatureHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        if (HandlerUtil.getCurrentSelection(event) instanceof IStructuredSelection selection) {
            for (Object element : selection) {
                IResource resource = Adapters.adapt(element, IResource.class);
                IProject project = resource == null ? null : resource.getProject();
                if (project != null && project.isOpen()) {
                    try {
                        BnnJavaProject.configure(project, null);
                        BnnNature.addTo(project);
                    } catch (CoreException e) {
                        BnnUiActivator.log("Could not add the BNN nature to " + project.getName(), e);
                    }
                }
            }
        }
        return null;
    }
}
