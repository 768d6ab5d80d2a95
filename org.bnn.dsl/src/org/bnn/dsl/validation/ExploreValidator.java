package org.bnn.dsl.validation;

import static org.bnn.dsl.spec.SpecTranslator.written;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bnn.dsl.bnn.AxisValues;
import org.bnn.dsl.bnn.BerAxis;
import org.bnn.dsl.bnn.CellAxis;
import org.bnn.dsl.bnn.ErrorLevelKind;
import org.bnn.dsl.bnn.Explore;
import org.bnn.dsl.bnn.ExploreAxis;
import org.bnn.dsl.bnn.ExploreConstraint;
import org.bnn.dsl.bnn.InputBitsAxis;
import org.bnn.dsl.bnn.ObjectiveKind;
import org.bnn.dsl.bnn.RegimeAxis;
import org.bnn.dsl.bnn.ReplicationAxis;
import org.bnn.dsl.bnn.ResamplingKind;
import org.bnn.dsl.bnn.SamplingKind;
import org.bnn.dsl.bnn.TileAxis;
import org.bnn.dsl.spec.ExploreTranslator;
import org.bnn.dsl.spec.SpecTranslator;
import org.bnn.runtime.errors.ErrorLevel;
import org.bnn.runtime.errors.Resampling;
import org.bnn.runtime.experiment.ErrorSpec;
import org.bnn.runtime.explore.Constraint;
import org.bnn.runtime.spec.MappingSpec;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.validation.Check;

import com.google.inject.Inject;

/**
 * Rules of explorations (docs/explore.md): every axis has values, each once and in range, and applies to the
 * mapping; nothing is varied twice; the objectives are there, each once; the constraints can hold together.
 * What the runtime decides (an axis's applicability, a contradiction) is asked of it, not re-derived here.
 */
public class ExploreValidator extends ComposedBnnValidator {

    @Inject
    private SpecTranslator translator;

    @Inject
    private ExploreTranslator explorations;

    /** Each axis: values present, distinct, in range; whole numbers where the axis counts. */
    @Check
    public void checkAxisValues(ExploreAxis axis) {
        List<?> values = writtenValues(axis);
        AxisValues numbers = numbers(axis);
        if (numbers != null && numbers.isRange()) {
            ExploreTranslator.valuesProblem(numbers).ifPresent(problem -> error(problem, numbers, null, BnnIssueCodes.EXPLORE_AXIS_VALUES));
            if (ExploreTranslator.valuesProblem(numbers).isPresent()) {
                return;
            }
            values = ExploreTranslator.values(numbers);
        } else if (values.isEmpty()) {
            error("The axis '" + keyword(axis) + "' lists no value: give at least one, or remove the axis", axis, null,
                    BnnIssueCodes.EXPLORE_EMPTY_AXIS);
            return;
        } else if (ExploreTranslator.countProblem(values.size()).isPresent()) {
            error(ExploreTranslator.countProblem(values.size()).get(), axis, null, BnnIssueCodes.EXPLORE_AXIS_VALUES);
            return;
        }
        Set<Object> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            Optional<String> problem = valueProblem(axis, value);
            String identity = text(value);
            if (problem.isEmpty() && identity != null && !seen.add(identity)) {
                problem = Optional.of("The axis '" + keyword(axis) + "' lists " + text(value) + " twice");
            }
            if (problem.isPresent()) {
                EObject owner = numbers != null ? numbers : axis;
                EStructuralFeature feature = numbers != null ? BNN.getAxisValues_Values() : owner.eClass().getEStructuralFeatures().get(0);
                if (numbers != null && numbers.isRange()) {
                    error(problem.get(), numbers, null, BnnIssueCodes.EXPLORE_AXIS_VALUES);
                } else {
                    error(problem.get(), owner, feature, i, BnnIssueCodes.EXPLORE_AXIS_VALUES);
                }
            }
        }
    }

    /** An exploration's axes apply to its mapping (asked of the runtime), each once; objectives; sampling; seed. */
    @Check
    public void checkExplore(Explore explore) {
        boolean reported = checkObjectives(explore) | checkSampling(explore) | checkErrors(explore);
        Set<String> varied = new HashSet<>();
        List<ExploreAxis> axes = explore.getAxes();
        for (int i = 0; i < axes.size(); i++) {
            String what = axes.get(i) instanceof ReplicationAxis r && r.getLayer() != null && !r.getLayer().eIsProxy()
                    ? "replicate " + r.getLayer().getName()
                    : axes.get(i).eClass().getName();
            if (!varied.add(what)) {
                error("This exploration already varies " + keyword(axes.get(i)) + ": list all its values in one axis", explore,
                        BNN.getExplore_Axes(), i, BnnIssueCodes.EXPLORE_DUPLICATE_AXIS);
                reported = true;
            }
        }
        if (!written(explore, BNN.getExplore_Seed())) {
            warning(MessageNames.capitalizedOf(explore) + " has no seed: it runs with seed 0; write 'seed N' to make the choice explicit",
                    explore, BNN.getElement_Name(), BnnIssueCodes.EXPERIMENT_WITHOUT_SEED);
        }
        Optional<MappingSpec> mapping = translator.tryTranslate(explore.getMapping());
        if (mapping.isEmpty()) {
            return; // the mapping's rules say why
        }
        ErrorSpec errors = new ErrorSpec(explore.getLevel() == ErrorLevelKind.DEVICE ? ErrorLevel.DEVICE : ErrorLevel.WEIGHT,
                Resampling.valueOf(explore.getResampling().name()), List.of());
        for (ExploreAxis axis : axes) {
            Optional<org.bnn.runtime.explore.ExploreAxis> translated = SpecTranslator.attempt(() -> explorations.axis(axis));
            reported |= translated.isEmpty(); // checkAxisValues (or the linker) says why
            Optional<String> problem = translated.flatMap(a -> a.problemOn(mapping.get(), errors));
            if (problem.isPresent()) {
                error("The exploration cannot vary " + keyword(axis) + ": " + problem.get(), axis, null,
                        BnnIssueCodes.EXPLORE_AXIS_NOT_APPLICABLE);
                reported = true;
            }
        }
        reported |= checkConstraints(explore, mapping.get());
        if (!reported) {
            // what the runtime rejects and no rule above names (what sets the BER, a regime for programming costs, ...)
            SpecTranslator.rejection(() -> explorations.translate(explore)).ifPresent(rejection -> RejectionSites.report(
                    getMessageAcceptor(), rejection, explore, RejectionSites.nameOf(explore),
                    MessageNames.capitalizedOf(explore) + " cannot run: " + rejection.message(), BnnIssueCodes.EXPLORE_SETTINGS));
        }
    }

    private boolean checkObjectives(Explore explore) {
        if (explore.getObjectives().isEmpty()) {
            error(MessageNames.capitalizedOf(explore) + " ranks designs by nothing: write 'objectives accuracy, energy' (any of "
                    + "accuracy, energy, latency, tiles, programming, lifetime)", explore, BNN.getElement_Name(),
                    BnnIssueCodes.EXPLORE_OBJECTIVES);
            return true;
        }
        boolean reported = false;
        List<ObjectiveKind> objectives = explore.getObjectives();
        for (int i = 0; i < objectives.size(); i++) {
            if (objectives.subList(0, i).contains(objectives.get(i))) {
                error("The objective " + objectives.get(i).getLiteral() + " is listed twice", explore, BNN.getExplore_Objectives(), i,
                        BnnIssueCodes.EXPLORE_OBJECTIVES);
                reported = true;
            }
        }
        return reported;
    }

    private boolean checkSampling(Explore explore) {
        boolean count = written(explore, BNN.getExplore_Samples());
        if (explore.getSampling() == SamplingKind.GRID && count) {
            error("The grid visits every design: drop the count, or sample 'random N' or 'latin-hypercube N'", explore,
                    BNN.getExplore_Samples(), BnnIssueCodes.EXPLORE_SETTINGS);
            return true;
        }
        if (explore.getSampling() != SamplingKind.GRID && (!count || explore.getSamples() < 1)) {
            error("'" + explore.getSampling().getLiteral() + "' sampling draws a number of designs: write 'sample "
                    + explore.getSampling().getLiteral() + " N' with N at least 1", explore, BNN.getExplore_Sampling(),
                    BnnIssueCodes.EXPLORE_SETTINGS);
            return true;
        }
        if (written(explore, BNN.getExplore_Trials()) && explore.getTrials() < 1) {
            error("An exploration needs at least one trial, got " + explore.getTrials(), explore, BNN.getExplore_Trials(),
                    BnnIssueCodes.EXPLORE_SETTINGS);
            return true;
        }
        return false;
    }

    private boolean checkErrors(Explore explore) {
        if (explore.getLevel() == ErrorLevelKind.DEVICE && explore.getResampling() != ResamplingKind.PER_CHIP) {
            error("An exploration draws device-level errors per chip: its chips are cut into shards of inputs; write "
                    + "'errors device-level resample per-chip', or use weight-level errors", explore, BNN.getExplore_Resampling(),
                    BnnIssueCodes.EXPLORE_SETTINGS);
            return true;
        }
        return false;
    }

    /** Constraints that cannot hold together (the runtime's {@link Constraint#contradiction}), on the later one. */
    private boolean checkConstraints(Explore explore, MappingSpec mapping) {
        List<Constraint> constraints = new ArrayList<>();
        List<ExploreConstraint> written = new ArrayList<>();
        for (ExploreConstraint constraint : explore.getConstraints()) {
            Optional<Constraint> translated = SpecTranslator.attempt(() -> ExploreTranslator.constraint(constraint));
            if (translated.isPresent()) {
                constraints.add(translated.get());
                written.add(constraint);
            }
        }
        Optional<Constraint.Contradiction> contradiction = Constraint.contradiction(constraints, mapping.chip().tileCount());
        contradiction.ifPresent(c -> error("Contradictory constraints: " + c.reason(), written.get(c.index()), null,
                BnnIssueCodes.EXPLORE_CONTRADICTORY_CONSTRAINTS));
        for (ExploreConstraint constraint : explore.getConstraints()) {
            if (constraint.isChip() && constraint.getObjective() != ObjectiveKind.TILES) {
                error("Only tiles can be bounded by the chip ('require tiles <= chip'), not " + constraint.getObjective().getLiteral(),
                        constraint, BNN.getExploreConstraint_Chip(), BnnIssueCodes.EXPLORE_CONTRADICTORY_CONSTRAINTS);
                return true;
            }
        }
        return contradiction.isPresent();
    }

    /** What is wrong with one value of an axis on its own, if anything. */
    private static Optional<String> valueProblem(ExploreAxis axis, Object value) {
        if (axis instanceof BerAxis && value instanceof Double ber && !(ber >= 0 && ber <= 0.5)) {
            return Optional.of("A bit error rate is in [0, 0.5], got " + ber);
        }
        if ((axis instanceof InputBitsAxis || axis instanceof ReplicationAxis) && value instanceof Double number) {
            boolean whole = number == Math.rint(number);
            if (axis instanceof InputBitsAxis && !(whole && number >= 1 && number <= 16)) {
                return Optional.of("Input bits are whole numbers from 1 to 16, got " + text(number));
            }
            if (axis instanceof ReplicationAxis && !(whole && number >= 1 && number <= Integer.MAX_VALUE)) {
                return Optional.of("Copies of a layer are whole numbers from 1, got " + text(number));
            }
        }
        if (axis instanceof TileAxis && value instanceof org.bnn.dsl.bnn.TileSize size && (size.getRows() < 1 || size.getColumns() < 1)) {
            return Optional.of("A tile has at least one row and one column, got " + size.getRows() + " x " + size.getColumns());
        }
        if (axis instanceof CellAxis && value instanceof org.bnn.dsl.bnn.CellChoice cell) {
            Optional<SpecTranslator.Rejection> rejection = SpecTranslator.rejection(() -> ExploreTranslator.cell(cell));
            if (rejection.isPresent()) {
                return Optional.of(rejection.get().message());
            }
        }
        return Optional.empty();
    }

    /** The values as written: regimes, sizes, cells or numbers. */
    private static List<?> writtenValues(ExploreAxis axis) {
        if (axis instanceof RegimeAxis regimes) {
            return regimes.getRegimes();
        }
        if (axis instanceof TileAxis tiles) {
            return tiles.getSizes();
        }
        if (axis instanceof CellAxis cells) {
            return cells.getCells();
        }
        AxisValues numbers = numbers(axis);
        return numbers == null ? List.of() : numbers.getValues();
    }

    private static AxisValues numbers(ExploreAxis axis) {
        if (axis instanceof ReplicationAxis replication) {
            return replication.getValues();
        }
        if (axis instanceof InputBitsAxis bits) {
            return bits.getValues();
        }
        return axis instanceof BerAxis ber ? ber.getValues() : null;
    }

    /** The axis as written after {@code vary}. */
    private static String keyword(ExploreAxis axis) {
        if (axis instanceof RegimeAxis) {
            return "regime";
        }
        if (axis instanceof TileAxis) {
            return "tile";
        }
        if (axis instanceof CellAxis) {
            return "cells";
        }
        if (axis instanceof ReplicationAxis replication) {
            return "replicate"
                    + (replication.getLayer() == null || replication.getLayer().eIsProxy() ? "" : " " + replication.getLayer().getName());
        }
        return axis instanceof InputBitsAxis ? "input bits" : "ber";
    }

    private static String text(Object value) {
        if (value instanceof Double number) {
            return number == Math.rint(number) && Math.abs(number) < 1e15 ? Long.toString(number.longValue()) : number.toString();
        }
        if (value instanceof org.bnn.dsl.bnn.Regime regime) {
            return regime.eIsProxy() ? null : regime.getName(); // an unresolved name is the linker's to report
        }
        if (value instanceof org.bnn.dsl.bnn.TileSize size) {
            return size.getRows() + " x " + size.getColumns();
        }
        var node = NodeModelUtils.getNode((EObject) value);
        return node == null ? null : NodeModelUtils.getTokenText(node); // a cell as written, spaces normalised
    }
}
