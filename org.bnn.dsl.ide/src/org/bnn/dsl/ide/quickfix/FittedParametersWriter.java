package org.bnn.dsl.ide.quickfix;

import java.util.ArrayList;
import java.util.List;

import org.bnn.calibration.fit.RegimeFit;
import org.bnn.calibration.report.DeviceBlock;
import org.bnn.calibration.report.DeviceBlock.FittedLines;
import org.bnn.dsl.bnn.BnnPackage;
import org.bnn.dsl.bnn.Device;
import org.bnn.dsl.bnn.Regime;
import org.bnn.dsl.spec.MeasuredDevices;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

import com.google.inject.Inject;

/**
 * The quick fix of a device {@code from measurements}: each regime gets the lrs, hrs and relaxation
 * lines of its fit, as {@code bnn fit} writes them ({@link DeviceBlock#fittedLines}), where the
 * language has them and where the regime does not write its own, and the clause goes. The device
 * then describes the same device without its file.
 */
public class FittedParametersWriter {
    private static final BnnPackage BNN = BnnPackage.eINSTANCE;

    @Inject
    private MeasuredDevices measured;

    /** The edits, or none when the device's file gives no fit (the validator says why). */
    public List<TextEdit> edits(Device device, Document document) {
        if (!(measured.of(device).orElse(null) instanceof MeasuredDevices.Fitted fitted)) {
            return List.of();
        }
        String text = document.getContents();
        String newline = text.contains("\r\n") ? "\r\n" : "\n";
        List<TextEdit> edits = new ArrayList<>();
        INode name = last(device, BNN.getElement_Name());
        INode file = last(device, BNN.getDevice_Measurements());
        if (name == null || file == null) {
            return List.of();
        }
        edits.add(new TextEdit(new Range(document.getPosition(name.getEndOffset()), document.getPosition(file.getEndOffset())), ""));
        for (Regime regime : device.getRegimes()) {
            if (regime.getName() != null && fitted.regime(regime.getName()) instanceof RegimeFit fit) {
                regime(regime, DeviceBlock.fittedLines(fitted.calibration(), fit), document, newline, edits);
            }
        }
        return edits;
    }

    /** The lines the regime leaves to the fit, each part right where the grammar has it. */
    private static void regime(Regime regime, FittedLines lines, Document document, String newline, List<TextEdit> edits) {
        INode name = last(regime, BNN.getRegime_Name());
        INode endurance = last(regime, BNN.getRegime_Endurance());
        if (name == null || endurance == null) {
            return;
        }
        String text = document.getContents();
        int brace = text.indexOf('{', name.getEndOffset());
        String indent = indentation(text, NodeModelUtils.findActualNodeFor(regime).getOffset()) + "    ";
        List<String> states = new ArrayList<>();
        if (regime.getLrs() == null) {
            states.addAll(lines.lrs());
        }
        if (regime.getHrs() == null) {
            if (regime.getLrs() != null) {
                insert(document, last(regime, BNN.getRegime_Lrs()).getEndOffset(), lines.hrs(), indent, newline, edits);
            } else {
                states.addAll(lines.hrs());
            }
        }
        insert(document, brace + 1, states, indent, newline, edits);
        if (regime.getRelaxation() == null) {
            insert(document, endurance.getEndOffset(), lines.relaxation(), indent, newline, edits);
        }
    }

    /** {@code lines} on lines of their own after {@code offset}, indented by {@code indent}. */
    private static void insert(Document document, int offset, List<String> lines, String indent, String newline, List<TextEdit> edits) {
        if (lines.isEmpty()) {
            return;
        }
        StringBuilder inserted = new StringBuilder();
        for (String line : lines) {
            inserted.append(newline).append(indent).append(line);
        }
        Position at = document.getPosition(offset);
        edits.add(new TextEdit(new Range(at, at), inserted.toString()));
    }

    /** The spaces and tabs that start the line of {@code offset}. */
    private static String indentation(String text, int offset) {
        int start = text.lastIndexOf('\n', offset - 1) + 1;
        int end = start;
        while (end < text.length() && (text.charAt(end) == ' ' || text.charAt(end) == '\t')) {
            end++;
        }
        return text.substring(start, end);
    }

    private static INode last(EObject object, EStructuralFeature feature) {
        List<INode> nodes = NodeModelUtils.findNodesForFeature(object, feature);
        return nodes.isEmpty() ? null : nodes.get(nodes.size() - 1);
    }
}
