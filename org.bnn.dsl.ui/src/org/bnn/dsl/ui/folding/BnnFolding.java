package org.bnn.dsl.ui.folding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bnn.dsl.ui.model.ParsedDocument;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.projection.ProjectionAnnotation;
import org.eclipse.jface.text.source.projection.ProjectionAnnotationModel;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/**
 * Folding regions of a .bnn text: every element and nested block (regime, sense amplifier) that
 * spans more than one line. Regions that stay the same keep their folded state.
 */
public final class BnnFolding {

    private BnnFolding() {
    }

    /** Replaces the folding regions of {@code annotations} by those of the parse; call on the UI thread. */
    public static void update(ProjectionAnnotationModel annotations, IDocument document, ParsedDocument parsed) {
        if (!parsed.text().equals(document.get())) {
            return;
        }
        List<Position> wanted = regions(document, parsed);
        Map<Position, Annotation> existing = new HashMap<>();
        for (Iterator<Annotation> it = annotations.getAnnotationIterator(); it.hasNext();) {
            Annotation annotation = it.next();
            if (annotation instanceof ProjectionAnnotation) {
                existing.put(annotations.getPosition(annotation), annotation);
            }
        }
        Map<Annotation, Position> added = new HashMap<>();
        for (Position position : wanted) {
            if (existing.remove(position) == null) {
                added.put(new ProjectionAnnotation(), position);
            }
        }
        annotations.modifyAnnotations(existing.values().toArray(new Annotation[0]), added, null);
    }

    /** Whole lines from an element's first to its last line, for elements spanning two lines or more. */
    static List<Position> regions(IDocument document, ParsedDocument parsed) {
        Set<Position> regions = new LinkedHashSet<>();
        for (Iterator<EObject> it = parsed.resource().getAllContents(); it.hasNext();) {
            EObject element = it.next();
            ICompositeNode node = element.eContainer() == null ? null : NodeModelUtils.getNode(element); // not the whole file
            if (node == null) {
                continue;
            }
            try {
                int first = document.getLineOfOffset(node.getOffset());
                int last = document.getLineOfOffset(node.getEndOffset());
                if (last > first) {
                    int start = document.getLineOffset(first);
                    int end = document.getLineOffset(last) + document.getLineLength(last);
                    regions.add(new Position(start, end - start));
                }
            } catch (BadLocationException e) {
                // a node outside the text: nothing to fold
            }
        }
        return new ArrayList<>(regions);
    }
}
