package org.bnn.dsl.ui.hyperlinking;

import org.bnn.dsl.ui.internal.BnnUiActivator;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.Path;
import org.eclipse.emf.common.util.URI;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.hyperlink.IHyperlink;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;

/** A link to a declaration: opens its file in the .bnn editor and selects its name. */
final class BnnHyperlink implements IHyperlink {

    private final IRegion region;
    private final URI target;
    private final int offset;
    private final int length;

    BnnHyperlink(IRegion region, URI target, int offset, int length) {
        this.region = region;
        this.target = target;
        this.offset = offset;
        this.length = length;
    }

    @Override
    public IRegion getHyperlinkRegion() {
        return region;
    }

    @Override
    public String getTypeLabel() {
        return "Open Declaration";
    }

    @Override
    public String getHyperlinkText() {
        return "Open Declaration in " + target.lastSegment();
    }

    /** The workspace file of the declaration, or null when it is not in the workspace. */
    IFile targetFile() {
        if (!target.isPlatformResource()) {
            return null;
        }
        return ResourcesPlugin.getWorkspace().getRoot().getFile(new Path(target.toPlatformString(true)));
    }

    @Override
    public void open() {
        IFile file = targetFile();
        if (file == null || !file.exists()) {
            return;
        }
        try {
            IEditorPart editor = IDE.openEditor(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage(), file);
            if (editor instanceof ITextEditor text) {
                text.selectAndReveal(offset, length);
            }
        } catch (PartInitException e) {
            BnnUiActivator.log("Could not open " + file.getFullPath(), e);
        }
    }
}
