package org.bnn.dsl.ui.quickfix;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.bnn.dsl.ui.validation.BnnMarkers;
import org.eclipse.core.resources.IMarker;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.quickassist.IQuickAssistInvocationContext;
import org.eclipse.jface.text.quickassist.IQuickAssistProcessor;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.MarkerAnnotation;

/**
 * Quick Fix (Ctrl+1) in the editor: the resolutions of the BNN problem markers at the caret, the
 * same ones the Problems view offers ({@link BnnMarkerResolutionGenerator}).
 */
public final class BnnQuickAssistProcessor implements IQuickAssistProcessor {

    @Override
    public ICompletionProposal[] computeQuickAssistProposals(IQuickAssistInvocationContext context) {
        IAnnotationModel annotations = context.getSourceViewer().getAnnotationModel();
        if (annotations == null) {
            return new ICompletionProposal[0];
        }
        int offset = context.getOffset();
        List<ICompletionProposal> proposals = new ArrayList<>();
        for (Iterator<Annotation> it = annotations.getAnnotationIterator(); it.hasNext();) {
            Annotation annotation = it.next();
            Position position = annotations.getPosition(annotation);
            if (canFix(annotation) && position != null && position.getOffset() <= offset
                    && offset <= position.getOffset() + position.getLength()) {
                IMarker marker = ((MarkerAnnotation) annotation).getMarker();
                for (IMarkerResolution resolution : IDE.getMarkerHelpRegistry().getResolutions(marker)) {
                    proposals.add(new Fix(resolution, marker));
                }
            }
        }
        return proposals.toArray(ICompletionProposal[]::new);
    }

    @Override
    public boolean canFix(Annotation annotation) {
        if (annotation instanceof MarkerAnnotation marked && !annotation.isMarkedDeleted()) {
            IMarker marker = marked.getMarker();
            return marker.exists() && BnnMarkers.PROBLEM.equals(typeOf(marker))
                    && IDE.getMarkerHelpRegistry().hasResolutions(marker);
        }
        return false;
    }

    private static String typeOf(IMarker marker) {
        try {
            return marker.getType();
        } catch (org.eclipse.core.runtime.CoreException e) {
            return "";
        }
    }

    @Override
    public boolean canAssist(IQuickAssistInvocationContext context) {
        return false;
    }

    @Override
    public String getErrorMessage() {
        return null;
    }

    /** A marker resolution as a proposal of the Quick Fix popup. */
    private record Fix(IMarkerResolution resolution, IMarker marker) implements ICompletionProposal {

        @Override
        public void apply(IDocument document) {
            resolution.run(marker);
        }

        @Override
        public String getDisplayString() {
            return resolution.getLabel();
        }

        @Override
        public String getAdditionalProposalInfo() {
            return marker.getAttribute(IMarker.MESSAGE, "");
        }

        @Override
        public Point getSelection(IDocument document) {
            return null;
        }

        @Override
        public Image getImage() {
            return null;
        }

        @Override
        public IContextInformation getContextInformation() {
            return null;
        }
    }
}
