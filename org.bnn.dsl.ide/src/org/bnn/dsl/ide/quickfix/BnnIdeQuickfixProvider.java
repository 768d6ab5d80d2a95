package org.bnn.dsl.ide.quickfix;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bnn.dsl.bnn.Device;
import org.bnn.dsl.bnn.Explore;
import org.bnn.dsl.bnn.ExploreAxis;
import org.bnn.dsl.bnn.LayerPlacement;
import org.bnn.dsl.bnn.Mapping;
import org.bnn.dsl.bnn.Placement;
import org.bnn.dsl.bnn.WeightValuesClause;
import org.bnn.dsl.units.Dimension;
import org.bnn.dsl.units.Units;
import org.bnn.dsl.validation.BnnIssueCodes;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.ide.editor.quickfix.AbstractDeclarativeIdeQuickfixProvider;
import org.eclipse.xtext.ide.editor.quickfix.DiagnosticResolution;
import org.eclipse.xtext.ide.editor.quickfix.DiagnosticResolutionAcceptor;
import org.eclipse.xtext.ide.editor.quickfix.ITextModification;
import org.eclipse.xtext.ide.editor.quickfix.QuickFix;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.codeActions.ICodeActionService2;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

import com.google.gson.JsonArray;
import com.google.inject.Inject;
import com.google.gson.JsonElement;

/**
 * Quick fixes of the .bnn language, written once for every editor: the language server offers
 * them as code actions, and the Eclipse plugin adapts them to marker resolutions.
 */
public class BnnIdeQuickfixProvider extends AbstractDeclarativeIdeQuickfixProvider {
    @Inject
    private FittedParametersWriter fittedParameters;

    /** The diagnostic being resolved: fix methods receive only the acceptor, labels need the data. */
    private final ThreadLocal<Diagnostic> resolving = new ThreadLocal<>();

    @Override
    public List<DiagnosticResolution> getResolutions(ICodeActionService2.Options options, Diagnostic diagnostic) {
        resolving.set(diagnostic);
        try {
            return super.getResolutions(options, diagnostic);
        } finally {
            resolving.remove();
        }
    }

    /** A unit of the wrong dimension, an unknown unit or a missing one: write the right unit. */
    @QuickFix(BnnIssueCodes.UNIT_MISMATCH)
    public void writeTheExpectedUnit(DiagnosticResolutionAcceptor acceptor) {
        Diagnostic diagnostic = resolving.get();
        List<String> data = data(diagnostic);
        if (data.isEmpty()) {
            return;
        }
        Dimension dimension = Dimension.valueOf(data.get(0));
        String written = data.size() > 1 ? data.get(1) : "";
        String unit = Units.withPrefixOf(written, dimension);
        if (written.isEmpty() && !unit.isEmpty()) {
            acceptor.accept("Add the unit " + unit, (ITextModification) (d, object, document) -> List.of(
                    new TextEdit(new Range(d.getRange().getEnd(), d.getRange().getEnd()), " " + unit)));
        } else if (!written.isEmpty()) {
            String replacement = unit;
            acceptor.accept(unit.isEmpty() ? "Remove '" + written + "'" : "Change '" + written + "' to '" + unit + "'",
                    (ITextModification) (d, object, document) -> replaceUnit(d, replacement));
        }
    }

    /** Padding holds −1 or +1: offer both. */
    @QuickFix(BnnIssueCodes.PADDING_VALUE)
    public void padWithMinusOrPlusOne(DiagnosticResolutionAcceptor acceptor) {
        for (String value : List.of("-1", "+1")) {
            acceptor.accept("Pad with " + value, (ITextModification) (d, object, document) -> createTextEdit(d, value));
        }
    }

    /** A bit-serial width outside 1..16: use the nearest valid width. */
    @QuickFix(BnnIssueCodes.BIT_SERIAL_WIDTH)
    public void useTheNearestBitWidth(DiagnosticResolutionAcceptor acceptor) {
        Diagnostic diagnostic = resolving.get();
        List<String> data = data(diagnostic);
        String nearest = !data.isEmpty() && data.get(0).matches("\\d+") && Integer.parseInt(data.get(0)) > 16 ? "16" : "1";
        acceptor.accept("Use " + nearest + " bits", (ITextModification) (d, object, document) -> createTextEdit(d, nearest));
    }

    /** A value the runtime needs above zero written with a minus sign ({@code -8 kOhm}): drop the sign. */
    @QuickFix(BnnIssueCodes.VALUE_NOT_POSITIVE)
    public void dropTheMinusSignOfANonPositiveValue(DiagnosticResolutionAcceptor acceptor) {
        dropTheMinusSign(acceptor);
    }

    /** A value the runtime needs to be zero or more written with a minus sign ({@code sigma -0.25}): drop the sign. */
    @QuickFix(BnnIssueCodes.VALUE_NEGATIVE)
    public void dropTheMinusSignOfANegativeValue(DiagnosticResolutionAcceptor acceptor) {
        dropTheMinusSign(acceptor);
    }

    /** Offered when the value as written (the issue data) starts with a minus sign; removes that sign. */
    private void dropTheMinusSign(DiagnosticResolutionAcceptor acceptor) {
        List<String> data = data(resolving.get());
        if (data.isEmpty() || !data.get(0).startsWith("-")) {
            return;
        }
        String value = data.get(0);
        acceptor.accept("Change '" + value + "' to '" + value.substring(1).strip() + "'", (ITextModification) (d, object, document) -> {
            int start = document.getOffSet(d.getRange().getStart());
            if (!document.getContents().startsWith("-", start)) {
                return List.of();
            }
            int end = start + 1;
            while (end < document.getContents().length() && Character.isWhitespace(document.getContents().charAt(end))) {
                end++; // "- 8 kOhm" keeps no space in front
            }
            return List.of(new TextEdit(new Range(d.getRange().getStart(), document.getPosition(end)), ""));
        });
    }

    /** A device from measurements: write each regime's fit into the file, so that it no longer needs the CSV. */
    @QuickFix(BnnIssueCodes.MEASURED_DEVICE)
    public void writeTheFittedParameters(DiagnosticResolutionAcceptor acceptor) {
        acceptor.accept("Write the fitted parameters into the file", (ITextModification) (d, object, document) -> {
            Device device = EcoreUtil2.getContainerOfType(object, Device.class);
            return device == null ? List.of() : fittedParameters.edits(device, document);
        });
    }

    /** A network larger than its chip: allow reprogramming (the validator then warns with its cost). */
    @QuickFix(BnnIssueCodes.MAPPING_EXCEEDS_CHIP)
    public void allowReprogramming(DiagnosticResolutionAcceptor acceptor) {
        acceptor.accept("Allow reprogramming the weights while the network runs", (ITextModification) (d, object,
                document) -> LastClause.add(EcoreUtil2.getContainerOfType(object, Mapping.class), document, "allow reprogramming"));
    }

    /** A layer's range that is too short, outside the chip, reversed or overlapping: the range the validator suggests. */
    @QuickFix(BnnIssueCodes.PLACEMENT_TOO_FEW_TILES)
    public void setTheRangeToTheTilesNeeded(DiagnosticResolutionAcceptor acceptor) {
        placeOnTheSuggestedRange(acceptor);
        useAutomaticPlacement(acceptor);
    }

    @QuickFix(BnnIssueCodes.PLACEMENT_OUTSIDE_CHIP)
    public void placeInsideTheChip(DiagnosticResolutionAcceptor acceptor) {
        placeOnTheSuggestedRange(acceptor);
        useAutomaticPlacement(acceptor);
    }

    @QuickFix(BnnIssueCodes.PLACEMENT_OVERLAP)
    public void moveToFreeTiles(DiagnosticResolutionAcceptor acceptor) {
        placeOnTheSuggestedRange(acceptor);
        useAutomaticPlacement(acceptor);
    }

    @QuickFix(BnnIssueCodes.PLACEMENT_REVERSED_RANGE)
    public void swapTheRangeEnds(DiagnosticResolutionAcceptor acceptor) {
        placeOnTheSuggestedRange(acceptor);
    }

    /** A layer left out of an explicit placement: add it on free tiles, or place every layer automatically. */
    @QuickFix(BnnIssueCodes.PLACEMENT_UNPLACED_LAYER)
    public void placeTheMissingLayer(DiagnosticResolutionAcceptor acceptor) {
        List<String> data = data(resolving.get());
        if (data.size() > 1 && !data.get(1).isEmpty()) {
            String clause = data.get(0) + " -> " + data.get(1);
            acceptor.accept("Place " + data.get(0) + " on " + data.get(1), (ITextModification) (d, object, document) -> {
                Placement placement = EcoreUtil2.getContainerOfType(object, Placement.class);
                ICompositeNode node = placement == null ? null : NodeModelUtils.findActualNodeFor(placement);
                if (node == null) {
                    return List.of();
                }
                Position end = document.getPosition(node.getEndOffset());
                return List.of(new TextEdit(new Range(end, end), ", " + clause));
            });
        }
        useAutomaticPlacement(acceptor);
    }

    /** A pooling layer placed on tiles: remove its clause (and the comma that joins it to the others). */
    @QuickFix(BnnIssueCodes.PLACEMENT_WITHOUT_WEIGHTS)
    public void removeThePlacement(DiagnosticResolutionAcceptor acceptor) {
        List<String> data = data(resolving.get());
        String layer = data.isEmpty() ? "it" : data.get(0);
        acceptor.accept("Remove the placement of " + layer, (ITextModification) (d, object, document) -> {
            LayerPlacement clause = EcoreUtil2.getContainerOfType(object, LayerPlacement.class);
            if (clause == null || !(clause.eContainer() instanceof Placement placement)) {
                return List.of();
            }
            List<LayerPlacement> layers = placement.getLayers();
            int index = layers.indexOf(clause);
            ICompositeNode removed = NodeModelUtils.findActualNodeFor(layers.size() == 1 ? placement : clause);
            int start = removed.getOffset();
            int end = removed.getEndOffset();
            if (layers.size() > 1 && index > 0) {
                start = NodeModelUtils.findActualNodeFor(layers.get(index - 1)).getEndOffset(); // from the comma before it
            } else if (layers.size() > 1) {
                end = NodeModelUtils.findActualNodeFor(layers.get(1)).getOffset(); // to the layer after its comma
            }
            return List.of(new TextEdit(new Range(document.getPosition(start), document.getPosition(end)), ""));
        });
    }

    /** An exploration's axis that lists no value: remove it, with its line when it stands alone on one. */
    @QuickFix(BnnIssueCodes.EXPLORE_EMPTY_AXIS)
    public void removeTheEmptyAxis(DiagnosticResolutionAcceptor acceptor) {
        acceptor.accept("Remove the empty axis", (ITextModification) (d, object, document) -> {
            ExploreAxis axis = EcoreUtil2.getContainerOfType(object, ExploreAxis.class);
            ICompositeNode node = axis == null ? null : NodeModelUtils.findActualNodeFor(axis);
            if (node == null) {
                return List.of();
            }
            int[] removed = AxisText.withItsLine(document.getContents(), node.getOffset(), node.getEndOffset());
            return List.of(new TextEdit(new Range(document.getPosition(removed[0]), document.getPosition(removed[1])), ""));
        });
    }

    /** An axis an exploration already varies: its values join the first such axis's list, and it goes. */
    @QuickFix(BnnIssueCodes.EXPLORE_DUPLICATE_AXIS)
    public void mergeTheDuplicateAxis(DiagnosticResolutionAcceptor acceptor) {
        acceptor.accept("Merge its values into the first axis", (ITextModification) (d, object, document) -> {
            Explore explore = EcoreUtil2.getContainerOfType(object, Explore.class);
            if (explore == null) {
                return List.of();
            }
            int at = document.getOffSet(d.getRange().getStart());
            List<ICompositeNode> nodes = explore.getAxes().stream().map(NodeModelUtils::findActualNodeFor).toList();
            int duplicate = -1;
            for (int i = 0; i < nodes.size(); i++) {
                if (nodes.get(i) != null && nodes.get(i).getOffset() <= at && at < nodes.get(i).getEndOffset()) {
                    duplicate = i;
                }
            }
            if (duplicate < 1) {
                return List.of();
            }
            ExploreAxis axis = explore.getAxes().get(duplicate);
            int first = -1;
            for (int i = 0; i < duplicate && first < 0; i++) {
                if (AxisText.sameAxis(explore.getAxes().get(i), axis)) {
                    first = i;
                }
            }
            String text = document.getContents();
            ICompositeNode into = first < 0 ? null : nodes.get(first);
            ICompositeNode from = nodes.get(duplicate);
            Optional<String> values = AxisText.listed(text, from.getOffset(), from.getEndOffset());
            int closing = into == null ? -1 : text.lastIndexOf('}', into.getEndOffset() - 1);
            Optional<String> kept = into == null
                    ? Optional.empty()
                    : AxisText.listed(text, into.getOffset(), into.getEndOffset());
            if (values.isEmpty() || kept.isEmpty() || closing < into.getOffset()) {
                return List.of(); // a range (from … to …) has no list to merge into
            }
            String joined = kept.get().isBlank() ? " " + values.get().strip() + " " : ", " + values.get().strip() + " ";
            int insertFrom = kept.get().isBlank() ? text.lastIndexOf('{', closing) + 1 : trimmedEnd(text, closing);
            int[] removed = AxisText.withItsLine(text, from.getOffset(), from.getEndOffset());
            return List.of(new TextEdit(new Range(document.getPosition(insertFrom), document.getPosition(closing)), joined),
                    new TextEdit(new Range(document.getPosition(removed[0]), document.getPosition(removed[1])), ""));
        });
    }

    /** The offset after the last non-blank character before {@code end}. */
    private static int trimmedEnd(String text, int end) {
        int i = end;
        while (i > 0 && Character.isWhitespace(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    /** A {@code weights binary|ternary} that changes nothing: remove it. */
    @QuickFix(BnnIssueCodes.REDUNDANT_WEIGHT_VALUES)
    public void removeTheRedundantWeightValues(DiagnosticResolutionAcceptor acceptor) {
        removeTheWeightValues(acceptor);
    }

    /** A {@code weights binary|ternary} on a pool layer, which has no weights: remove it. */
    @QuickFix(BnnIssueCodes.WEIGHT_VALUES_WITHOUT_WEIGHTS)
    public void removeTheWeightValuesOfAPool(DiagnosticResolutionAcceptor acceptor) {
        removeTheWeightValues(acceptor);
    }

    /** {@code weights} without its values: write either after it. */
    @QuickFix(BnnIssueCodes.WEIGHT_VALUES_MISSING)
    public void writeTheWeightValues(DiagnosticResolutionAcceptor acceptor) {
        for (String values : List.of("ternary", "binary")) {
            acceptor.accept("Write 'weights " + values + "'", (ITextModification) (d, object, document) -> List.of(
                    new TextEdit(new Range(d.getRange().getEnd(), d.getRange().getEnd()), " " + values)));
        }
    }

    /**
     * Removes the diagnostic's {@code weights binary|ternary}: on a layer's line with the spaces
     * before it, on a line of its own (the network's) with that whole line.
     */
    private static void removeTheWeightValues(DiagnosticResolutionAcceptor acceptor) {
        acceptor.accept("Remove the clause", (ITextModification) (d, object, document) -> {
            WeightValuesClause clause = EcoreUtil2.getContainerOfType(object, WeightValuesClause.class);
            ICompositeNode node = clause == null ? null : NodeModelUtils.findActualNodeFor(clause);
            if (node == null) {
                return List.of();
            }
            String text = document.getContents();
            int start = node.getOffset();
            int end = node.getEndOffset();
            while (start > 0 && (text.charAt(start - 1) == ' ' || text.charAt(start - 1) == '\t')) {
                start--;
            }
            int lineEnd = end;
            while (lineEnd < text.length() && (text.charAt(lineEnd) == ' ' || text.charAt(lineEnd) == '\t')) {
                lineEnd++;
            }
            boolean ownLine = (start == 0 || text.charAt(start - 1) == '\n') && (lineEnd == text.length() || text.startsWith("\n", lineEnd)
                    || text.startsWith("\r\n", lineEnd));
            if (ownLine) {
                end = lineEnd == text.length() ? lineEnd : lineEnd + (text.charAt(lineEnd) == '\r' ? 2 : 1);
            }
            return List.of(new TextEdit(new Range(document.getPosition(start), document.getPosition(end)), ""));
        });
    }

    /** Replaces the diagnostic's clause ({@code layer -> tiles a..b}) with the range in the issue data, if there is one. */
    private void placeOnTheSuggestedRange(DiagnosticResolutionAcceptor acceptor) {
        List<String> data = data(resolving.get());
        if (data.size() > 1 && !data.get(1).isEmpty()) {
            String clause = data.get(0) + " -> " + data.get(1);
            acceptor.accept("Place " + data.get(0) + " on " + data.get(1),
                    (ITextModification) (d, object, document) -> replaceEnclosing(LayerPlacement.class, object, document, clause));
        }
    }

    /** Replaces the whole placement clause with {@code place auto}. */
    private static void useAutomaticPlacement(DiagnosticResolutionAcceptor acceptor) {
        acceptor.accept("Use automatic placement (place auto)",
                (ITextModification) (d, object, document) -> replaceEnclosing(Placement.class, object, document, "place auto"));
    }

    /** Replaces the text of the {@code type} element that contains {@code object} (or is it) with {@code text}. */
    private static List<TextEdit> replaceEnclosing(Class<? extends EObject> type, EObject object, Document document, String text) {
        EObject element = EcoreUtil2.getContainerOfType(object, type);
        ICompositeNode node = element == null ? null : NodeModelUtils.findActualNodeFor(element);
        return node == null
                ? List.of()
                : List.of(new TextEdit(new Range(document.getPosition(node.getOffset()),
                        document.getPosition(node.getEndOffset())), text));
    }

    /** Replaces the unit token (the diagnostic's range) or, for a removal, also the space before it. */
    private static List<TextEdit> replaceUnit(Diagnostic diagnostic, String unit) {
        Range range = diagnostic.getRange();
        if (unit.isEmpty() && range.getStart().getCharacter() > 0) {
            Position start = new Position(range.getStart().getLine(), range.getStart().getCharacter() - 1);
            return List.of(new TextEdit(new Range(start, range.getEnd()), ""));
        }
        return List.of(new TextEdit(range, unit));
    }

    /** The issue data the validator attached, as it arrives: an array in-process, JSON over LSP. */
    private static List<String> data(Diagnostic diagnostic) {
        Object data = diagnostic.getData();
        List<String> values = new ArrayList<>();
        if (data instanceof String[] array) {
            values.addAll(List.of(array));
        } else if (data instanceof JsonArray json) {
            for (JsonElement element : json) {
                values.add(element.isJsonNull() ? "" : element.getAsString());
            }
        } else if (data instanceof List<?> list) {
            list.forEach(v -> values.add(String.valueOf(v)));
        }
        return values;
    }
}
