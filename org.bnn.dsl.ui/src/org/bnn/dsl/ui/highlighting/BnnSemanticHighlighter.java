package org.bnn.dsl.ui.highlighting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.bnn.dsl.ui.internal.BnnUiActivator;
import org.bnn.dsl.ui.model.ParsedDocument;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.BadPositionCategoryException;
import org.eclipse.jface.text.DefaultPositionUpdater;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IPositionUpdater;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextPresentationListener;
import org.eclipse.jface.text.ITextViewerExtension4;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.TextAttribute;
import org.eclipse.jface.text.TextPresentation;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.swt.SWTException;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.xtext.ide.editor.syntaxcoloring.ISemanticHighlightingCalculator;
import org.eclipse.xtext.util.CancelIndicator;

/**
 * Semantic colouring in the Eclipse editor: what the language's semantic highlighting calculator
 * (the one the language server sends as semantic tokens) finds in the latest parse — names of
 * networks, layers, chips, …, units, choice words — merged over the lexical colours of every
 * presentation the viewer draws.
 * <p>
 * The calculator runs on the reconciler's thread; the ranges become document positions on the UI
 * thread, so they move with the text while the user types until the next parse replaces them.
 */
public final class BnnSemanticHighlighter implements ITextPresentationListener {

    /** A highlighted range of the text, kept up to date by the document's position updater. */
    private static final class StyledPosition extends Position {
        final TextAttribute attribute;

        StyledPosition(int offset, int length, TextAttribute attribute) {
            super(offset, length);
            this.attribute = attribute;
        }
    }

    private final ISourceViewer viewer;
    private final ISemanticHighlightingCalculator calculator;
    /** One position category per editor: two editors on one file share its document. */
    private final String category = BnnSemanticHighlighter.class.getName() + "@" + System.identityHashCode(this);
    private final IPositionUpdater updater = new DefaultPositionUpdater(category);
    private IDocument document;
    /** The positions in the document, in offset order; replaced as a whole on the UI thread. */
    private List<StyledPosition> positions = List.of();

    public BnnSemanticHighlighter(ISourceViewer viewer, ISemanticHighlightingCalculator calculator) {
        this.viewer = viewer;
        this.calculator = calculator;
    }

    /** Starts merging semantic styles into the viewer's presentations; call on the UI thread. */
    public void install() {
        ((ITextViewerExtension4) viewer).addTextPresentationListener(this);
    }

    /** Stops it and forgets the positions; call on the UI thread. */
    public void uninstall() {
        ((ITextViewerExtension4) viewer).removeTextPresentationListener(this);
        uninstallFrom(document);
        document = null;
        positions = List.of();
    }

    /**
     * The styled ranges of a parse as positions not yet in a document, in offset order and disjoint (where the calculator gives two
     * styles to one stretch of text, the first wins); call on the reconciler's thread.
     */
    private static List<StyledPosition> rangesOf(ParsedDocument parsed, ISemanticHighlightingCalculator calculator) {
        List<StyledPosition> ranges = new ArrayList<>();
        calculator.provideHighlightingFor(parsed.resource(), (offset, length, ids) -> {
            TextAttribute attribute = BnnHighlightingStyles.semanticAttribute(ids);
            if (attribute != null && length > 0) {
                ranges.add(new StyledPosition(offset, length, attribute));
            }
        }, CancelIndicator.NullImpl);
        ranges.sort(Comparator.comparingInt(Position::getOffset));
        List<StyledPosition> disjoint = new ArrayList<>(ranges.size());
        int covered = 0;
        for (StyledPosition range : ranges) {
            if (range.getOffset() >= covered) {
                disjoint.add(range);
                covered = range.getOffset() + range.getLength();
            }
        }
        return disjoint;
    }

    /**
     * Highlights a new parse: computes its ranges here (the reconciler's thread), then shows them on
     * the UI thread if the text is still the parsed one (else the next parse will).
     */
    public void update(ParsedDocument parsed) {
        List<StyledPosition> ranges;
        try {
            ranges = rangesOf(parsed, calculator);
        } catch (RuntimeException e) {
            BnnUiActivator.log("Semantic highlighting failed", e);
            return;
        }
        try {
            StyledText widget = viewer.getTextWidget();
            if (widget != null && !widget.isDisposed()) {
                widget.getDisplay().asyncExec(() -> show(parsed.text(), ranges));
            }
        } catch (SWTException e) {
            // the editor closed meanwhile: nothing to colour
        }
    }

    private void show(String parsedText, List<StyledPosition> ranges) {
        if (viewer.getTextWidget() == null || viewer.getTextWidget().isDisposed() || viewer.getDocument() == null
                || !parsedText.equals(viewer.getDocument().get())) {
            return;
        }
        replacePositions(ranges);
        viewer.invalidateTextPresentation();
    }

    /** Swaps the positions registered in the viewer's document (the viewer may have a new one). */
    private void replacePositions(List<StyledPosition> next) {
        IDocument current = viewer.getDocument();
        if (document != current) {
            uninstallFrom(document);
            current.addPositionCategory(category);
            current.addPositionUpdater(updater);
            document = current;
        } else {
            for (Position old : positions) {
                try {
                    document.removePosition(category, old);
                } catch (BadPositionCategoryException e) {
                    // registered with the category above
                }
            }
        }
        List<StyledPosition> added = new ArrayList<>(next.size());
        for (StyledPosition position : next) {
            try {
                document.addPosition(category, position);
                added.add(position);
            } catch (BadLocationException | BadPositionCategoryException e) {
                // outside the text: cannot happen for ranges of this very text
            }
        }
        positions = added;
    }

    private void uninstallFrom(IDocument old) {
        if (old == null) {
            return;
        }
        old.removePositionUpdater(updater);
        try {
            old.removePositionCategory(category);
        } catch (BadPositionCategoryException e) {
            // never added
        }
    }

    @Override
    public void applyTextPresentation(TextPresentation presentation) {
        IRegion extent = presentation.getExtent();
        int start = extent.getOffset();
        int end = start + extent.getLength();
        List<StyleRange> styles = new ArrayList<>();
        for (int i = firstEndingAfter(start); i < positions.size(); i++) {
            StyledPosition position = positions.get(i);
            if (position.getOffset() >= end) {
                break;
            }
            if (position.isDeleted() || position.getLength() == 0) {
                continue;
            }
            TextAttribute attribute = position.attribute;
            StyleRange style = new StyleRange(position.getOffset(), position.getLength(), attribute.getForeground(),
                    attribute.getBackground(), attribute.getStyle());
            styles.add(style);
        }
        if (!styles.isEmpty()) {
            presentation.mergeStyleRanges(styles.toArray(new StyleRange[0]));
        }
    }

    /** Index of the first position that ends after {@code offset} (positions are sorted and disjoint). */
    private int firstEndingAfter(int offset) {
        int low = 0;
        int high = positions.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            Position position = positions.get(middle);
            if (position.getOffset() + position.getLength() <= offset) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
