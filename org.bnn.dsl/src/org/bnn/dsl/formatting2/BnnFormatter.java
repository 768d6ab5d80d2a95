package org.bnn.dsl.formatting2;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;

import org.bnn.dsl.bnn.Device;
import org.bnn.dsl.bnn.Element;
import org.bnn.dsl.bnn.AxisValues;
import org.bnn.dsl.bnn.Experiment;
import org.bnn.dsl.bnn.Explore;
import org.bnn.dsl.bnn.ExploreAxis;
import org.bnn.dsl.bnn.ExploreConstraint;
import org.bnn.dsl.bnn.Import;
import org.bnn.dsl.bnn.Layer;
import org.bnn.dsl.bnn.Model;
import org.bnn.dsl.bnn.Placement;
import org.bnn.dsl.bnn.ReadCondition;
import org.bnn.dsl.bnn.Sense;
import org.bnn.dsl.bnn.Tile;
import org.bnn.dsl.bnn.WeightValuesClause;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.formatting2.AbstractFormatter2;
import org.eclipse.xtext.formatting2.FormatterPreferenceKeys;
import org.eclipse.xtext.formatting2.FormatterRequest;
import org.eclipse.xtext.formatting2.IFormattableDocument;
import org.eclipse.xtext.formatting2.ITextReplacer;
import org.eclipse.xtext.formatting2.internal.SinglelineDocCommentReplacer;
import org.eclipse.xtext.formatting2.regionaccess.IComment;
import org.eclipse.xtext.formatting2.regionaccess.ISemanticRegion;
import org.eclipse.xtext.preferences.MapBasedPreferenceValues;
import org.eclipse.xtext.resource.XtextResource;

/**
 * The one layout of .bnn files, used by {@code bnn format}, the language server and the IDE:
 * declarations separated by a blank line, one clause per line inside braces (indented), tokens
 * separated by one space, none before {@code , : )} or after {@code (} nor around {@code ..}. The sense
 * amplifier's short block stays on one line, and so does a layer with its {@code weights ternary}; a placement of several layers puts each on its own
 * line, indented under {@code place}.
 */
public class BnnFormatter extends AbstractFormatter2 {

    /**
     * Comments keep their text; only their indentation follows the code (see {@link KeptCommentReplacer}).
     * Tokens the parser skipped are left alone ({@link SkippedTokenReplacer}).
     */
    @Override
    public ITextReplacer createCommentReplacer(IComment comment) {
        if (comment.getGrammarElement() == null) {
            return new SkippedTokenReplacer(comment);
        }
        ITextReplacer replacer = super.createCommentReplacer(comment);
        return replacer instanceof SinglelineDocCommentReplacer ? new KeptCommentReplacer(comment) : replacer;
    }

    /** Keywords that start a clause of a block; each goes on its own line. */
    private static final Set<String> CLAUSES = Set.of("stack", "node", "regime", "stuck", "lrs", "hrs", "set", "reset", "endurance",
            "cells", "sense", "popcount", "row", "tiles", "clock", "threshold", "adder", "buffer", "input", "dense", "conv", "pool",
            "output", "weights", "network", "replicate", "place", "allow", "run", "errors", "sweep", "trials", "seed", "report", "epochs",
            "batch",
            "vary", "sample", "objectives", "require",
            "adam", "inject", "norm", "save", "relaxation", "disturb", "wear", "from", "fails", "condition", "spares");

    /** The words a sweep's braced list follows ({@code sweep ber { ... }}, {@code sweep time { ... }}, ...). */
    private static final Set<String> SWEEP_LISTS = Set.of("ber", "regime", "time", "temperature", "cycles", "reads", "stuck");

    /** Four spaces per level, whatever the caller's preference: one layout everywhere. */
    @Override
    protected void initialize(FormatterRequest request) {
        MapBasedPreferenceValues preferences = new MapBasedPreferenceValues(request.getPreferences(), new HashMap<>());
        preferences.put(FormatterPreferenceKeys.indentation, "    ");
        request.setPreferences(preferences);
        super.initialize(request);
    }

    @Override
    public void format(Object object, IFormattableDocument document) {
        if (object instanceof XtextResource resource && !resource.getContents().isEmpty()) {
            format(resource.getContents().get(0), document);
        } else if (object instanceof Model model) {
            formatModel(model, document);
        }
    }

    private void formatModel(Model model, IFormattableDocument document) {
        ISemanticRegion previous = null;
        for (ISemanticRegion region : textRegionExtensions.allSemanticRegions(model)) {
            if (region.getLength() == 0) {
                // What error recovery leaves for a missing token (a rename formats such text): it
                // shares its hidden regions with its neighbours, so spacing it would conflict.
                continue;
            }
            if (previous != null) {
                space(previous, region, document);
            }
            previous = region;
        }
        for (EObject block : (Iterable<EObject>) () -> model.eAllContents()) {
            ISemanticRegion open = textRegionExtensions.regionFor(block).keyword("{");
            ISemanticRegion close = lastClosingBrace(block);
            if (open != null && close != null && !(block instanceof Sense)) {
                document.interior(open, close, f -> f.indent());
            }
        }
        for (Placement placement : EcoreUtil2.eAllOfType(model, Placement.class)) {
            formatPlacement(placement, document);
        }
        ISemanticRegion last = previous;
        if (last != null) {
            document.append(last, f -> f.setNewLines(1));
        }
    }

    private void space(ISemanticRegion previous, ISemanticRegion region, IFormattableDocument document) {
        String text = region.getText();
        EObject owner = region.getSemanticElement();
        boolean inSense = owner instanceof Sense && !text.equals("sense") || inlineOpen(previous) && !text.equals("}");
        if (startsDeclaration(region)) {
            int lines = owner instanceof Import && previous.getSemanticElement() instanceof Import ? 1 : 2;
            document.prepend(region, f -> f.setNewLines(lines));
        } else if (text.equals("}")) {
            document.prepend(region, inlineClose(region) ? f -> f.oneSpace() : f -> f.newLine());
        } else if (previous.getText().equals("{") && !inlineOpen(previous)) {
            document.prepend(region, f -> f.newLine());
        } else if (region.getGrammarElement() instanceof Keyword && CLAUSES.contains(text) && !inSense && startsClause(previous)
                && !(owner instanceof Tile && text.equals("clock")) && !(owner instanceof Device && text.equals("from"))
                && !ofLayer(owner) && !inExploreClause(owner, text, previous)) {
            document.prepend(region, f -> f.newLine());
        } else if (previous.getText().equals(",") && previous.getSemanticElement() instanceof Placement) {
            document.prepend(region, f -> f.newLine());
        } else if (text.equals(",") || text.equals(":") || text.equals(")") || text.equals("(") || previous.getText().equals("(")
                || text.equals("..") || previous.getText().equals("..")) {
            document.prepend(region, f -> f.noSpace());
        } else {
            document.prepend(region, f -> f.oneSpace());
        }
    }

    /** Several placed layers, each on its own line (see {@link #space}): indented under {@code place}. */
    private void formatPlacement(Placement placement, IFormattableDocument document) {
        if (placement.getLayers().size() < 2) {
            return;
        }
        List<ISemanticRegion> regions = new ArrayList<>();
        textRegionExtensions.allSemanticRegions(placement).forEach(regions::add);
        document.interior(regions.get(0), regions.get(regions.size() - 1), f -> f.indent());
    }

    /**
     * Braces that stay on one line: the sense amplifier's block, an experiment's condition, a sweep's value or regime
     * list and an exploration axis's values.
     */
    private static boolean inlineOpen(ISemanticRegion region) {
        ISemanticRegion previous = region.getPreviousSemanticRegion();
        EObject owner = region.getSemanticElement();
        return region.getText().equals("{") && (owner instanceof Sense || owner instanceof ReadCondition || axisList(owner)
                || previous != null && owner instanceof Experiment && SWEEP_LISTS.contains(previous.getText()));
    }

    private boolean inlineClose(ISemanticRegion region) {
        EObject owner = region.getSemanticElement();
        return owner instanceof Sense || owner instanceof ReadCondition || axisList(owner)
                || owner instanceof Experiment && region != lastClosingBrace(owner);
    }

    private static boolean axisList(EObject owner) {
        return owner instanceof ExploreAxis || owner instanceof AxisValues;
    }

    /**
     * A clause word inside an exploration's clause: the axis after {@code vary} ({@code vary input bits}, {@code vary
     * cells}), a range's {@code from}, an objective after {@code objectives} or a comma, the objective of a {@code require}.
     */
    private static boolean inExploreClause(EObject owner, String text, ISemanticRegion previous) {
        String before = previous.getText();
        return before.equals("vary") || owner instanceof AxisValues || owner instanceof ExploreConstraint && !text.equals("require")
                || owner instanceof Explore && (before.equals(",") || before.equals("objectives"));
    }

    private ISemanticRegion lastClosingBrace(EObject block) {
        List<ISemanticRegion> closes = textRegionExtensions.regionFor(block).keywords("}");
        return closes.isEmpty() ? null : closes.get(closes.size() - 1);
    }

    /** A layer's {@code weights binary|ternary} stays on the layer's line; the network's has a line of its own. */
    private static boolean ofLayer(EObject owner) {
        return owner instanceof WeightValuesClause && owner.eContainer() instanceof Layer;
    }

    /** The first token of a top-level declaration or of an import. */
    private boolean startsDeclaration(ISemanticRegion region) {
        EObject owner = region.getSemanticElement();
        return (owner instanceof Element || owner instanceof Import) && owner.eContainer() instanceof Model
                && region.getOffset() == textRegionExtensions.regionForEObject(owner).getOffset();
    }

    /**
     * A clause keyword starts a line unless it continues a clause ("per sense", "dense" after "output o:", "sweep regime",
     * "to lrs").
     */
    private static boolean startsClause(ISemanticRegion previous) {
        String text = previous.getText();
        return !(text.equals(":") || text.equals("per") || text.equals("of") || text.equals("row") || text.equals("energy")
                || text.equals("sweep") || text.equals("->") || text.equals("to"));
    }
}
