package org.bnn.dsl.spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;

import org.bnn.dsl.bnn.AxisValues;
import org.bnn.dsl.bnn.BerAxis;
import org.bnn.dsl.bnn.BnnPackage;
import org.bnn.dsl.bnn.CellAxis;
import org.bnn.dsl.bnn.CellChoice;
import org.bnn.dsl.bnn.ComparisonKind;
import org.bnn.dsl.bnn.ErrorLevelKind;
import org.bnn.dsl.bnn.Explore;
import org.bnn.dsl.bnn.ExploreAxis;
import org.bnn.dsl.bnn.ExploreConstraint;
import org.bnn.dsl.bnn.InputBitsAxis;
import org.bnn.dsl.bnn.Mapping;
import org.bnn.dsl.bnn.ObjectiveKind;
import org.bnn.dsl.bnn.RegimeAxis;
import org.bnn.dsl.bnn.ReplicationAxis;
import org.bnn.dsl.bnn.SamplingKind;
import org.bnn.dsl.bnn.TileAxis;
import org.bnn.dsl.bnn.TileSize;
import org.bnn.dsl.files.DescriptionFiles;
import org.bnn.dsl.units.QuantityDimensions;
import org.bnn.runtime.device.ReadReference;
import org.bnn.runtime.errors.ErrorLevel;
import org.bnn.runtime.errors.Resampling;
import org.bnn.runtime.experiment.ErrorSpec;
import org.bnn.runtime.experiment.ReportSpec;
import org.bnn.runtime.explore.Constraint;
import org.bnn.runtime.explore.ExploreSpec;
import org.bnn.runtime.explore.Objective;
import org.bnn.runtime.explore.Sampling;
import org.bnn.runtime.spec.CellTechnology;
import org.eclipse.emf.ecore.EObject;

import com.google.inject.Inject;

/**
 * The bridge from an {@code explore} block to the runtime's {@link ExploreSpec}: the mapping, inputs and
 * weights as {@link SpecTranslator} translates them for an experiment, the axes with their lists and ranges
 * written out, the objectives and constraints in SI units (docs/explore.md).
 */
public class ExploreTranslator {
    /**
     * More values than this on one axis is a typing slip, not a study; it also keeps each axis of the generated Java
     * within a method's 64 KB of bytecode.
     */
    public static final int MAX_AXIS_VALUES = 1_000;

    @Inject
    private SpecTranslator translator;

    /** The exploration's spec, or empty when the model is incomplete or rejected (the validator says why). */
    public Optional<ExploreSpec> tryTranslate(Explore explore) {
        return SpecTranslator.attempt(() -> translate(explore));
    }

    /**
     * @throws SpecTranslator.IncompleteModelException when a reference is unresolved
     * @throws IllegalArgumentException                when a record rejects a value
     */
    public ExploreSpec translate(Explore explore) {
        if (explore == null || explore.getName() == null || explore.getInputs() == null) {
            throw new SpecTranslator.IncompleteModelException("the exploration is incomplete");
        }
        Mapping mapping = resolved(explore.getMapping());
        List<org.bnn.runtime.explore.ExploreAxis> axes = new ArrayList<>();
        for (ExploreAxis axis : explore.getAxes()) {
            axes.add(from(axis, () -> axis(axis)));
        }
        ErrorLevel level = explore.getLevel() == ErrorLevelKind.DEVICE ? ErrorLevel.DEVICE : ErrorLevel.WEIGHT;
        Resampling resampling = Resampling.valueOf(explore.getResampling().name());
        Sampling sampling = from(explore, () -> explore.getSampling() == SamplingKind.GRID
                ? Sampling.GRID
                : new Sampling(Sampling.Kind.valueOf(explore.getSampling().name()), explore.getSamples()));
        List<Constraint> constraints = new ArrayList<>();
        for (ExploreConstraint constraint : explore.getConstraints()) {
            constraints.add(from(constraint, () -> constraint(constraint)));
        }
        Optional<ReportSpec> report = explore.getReport() == null
                ? Optional.empty()
                : Optional.of(new ReportSpec(explore.getReport(), reportFormats(explore)));
        return from(explore,
                () -> new ExploreSpec(explore.getName(), translator.translate(mapping), translator.translate(explore.getInputs()),
                        new ErrorSpec(level, resampling, List.of()), axes, sampling, objectives(explore), constraints,
                        explore.getTrials() == 0 ? 1 : explore.getTrials(), explore.getSeed(), ExploreSpec.DEFAULT_SHARD_INPUTS,
                        weightsSeenFrom(explore, mapping), report));
    }

    /** The objectives as written, each once. */
    public static List<Objective> objectives(Explore explore) {
        return explore.getObjectives().stream().map(ExploreTranslator::objective).toList();
    }

    public static Objective objective(ObjectiveKind kind) {
        return Objective.valueOf(kind.name());
    }

    /**
     * The runtime's axis of one written axis.
     *
     * @throws IllegalArgumentException when the runtime rejects its values
     */
    public org.bnn.runtime.explore.ExploreAxis axis(ExploreAxis axis) {
        if (axis instanceof RegimeAxis regimes) {
            return new org.bnn.runtime.explore.ExploreAxis.Regimes(
                    regimes.getRegimes().stream().map(r -> resolved(r).getName()).toList());
        }
        if (axis instanceof TileAxis tiles) {
            List<org.bnn.runtime.explore.ExploreAxis.TileSize> sizes = new ArrayList<>();
            for (TileSize size : tiles.getSizes()) {
                sizes.add(new org.bnn.runtime.explore.ExploreAxis.TileSize(size.getRows(), size.getColumns()));
            }
            return new org.bnn.runtime.explore.ExploreAxis.TileSizes(sizes);
        }
        if (axis instanceof CellAxis cells) {
            return new org.bnn.runtime.explore.ExploreAxis.Cells(cells.getCells().stream().map(ExploreTranslator::cell).toList());
        }
        if (axis instanceof ReplicationAxis replication) {
            return new org.bnn.runtime.explore.ExploreAxis.Replication(resolved(replication.getLayer()).getName(),
                    wholeNumbers(values(replication.getValues())));
        }
        if (axis instanceof InputBitsAxis bits) {
            return new org.bnn.runtime.explore.ExploreAxis.InputBits(wholeNumbers(values(bits.getValues())));
        }
        return new org.bnn.runtime.explore.ExploreAxis.Ber(values(((BerAxis) axis).getValues()));
    }

    /** A cell technology written as in a tile's {@code cells} line. */
    public static CellTechnology cell(CellChoice choice) {
        Optional<ReadReference> reference = choice.isReferenceBest()
                ? Optional.of(new ReadReference.Best())
                : choice.getReference() == null
                        ? Optional.empty()
                        : Optional.of(new ReadReference.Fixed(QuantityDimensions.si(choice.getReference())));
        Optional<String> code = choice.isHasEcc() && choice.getEcc() != null ? Optional.of(choice.getEcc().getLiteral()) : Optional.empty();
        OptionalDouble decode = choice.getEccDecodeEnergy() == null
                ? OptionalDouble.empty()
                : OptionalDouble.of(QuantityDimensions.si(choice.getEccDecodeEnergy()));
        return CellTechnology.of(choice.getCell().getLiteral(), reference, code, decode);
    }

    /**
     * The values of a list or a range, in order: {@code from A to B step S} is A, A + S, ... up to B;
     * {@code from A to B log N} is N values from A to B evenly spaced on a log scale.
     *
     * @throws IllegalArgumentException with {@link #valuesProblem}'s message for values that are no axis
     */
    public static List<Double> values(AxisValues written) {
        if (written == null) {
            throw new SpecTranslator.IncompleteModelException("the axis values are missing");
        }
        valuesProblem(written).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        if (!written.isRange()) {
            return List.copyOf(written.getValues());
        }
        double first = written.getFirst();
        double last = written.getLast();
        List<Double> values = new ArrayList<>();
        if (SpecTranslator.written(written, BnnPackage.Literals.AXIS_VALUES__STEP)) {
            double step = written.getStep();
            // i·step rather than repeated additions, so 0.1 steps do not drift; a hair of slack keeps the last value.
            for (long i = 0; first + i * step <= last + Math.abs(step) * 1e-9; i++) {
                values.add(first + i * step);
            }
        } else {
            int count = written.getCount();
            for (int i = 0; i < count; i++) {
                values.add(i == count - 1 ? last : first * Math.pow(last / first, (double) i / (count - 1)));
            }
        }
        return values;
    }

    /** What is wrong with an axis that lists {@code count} values, or empty: more than {@link #MAX_AXIS_VALUES} (any axis). */
    public static Optional<String> countProblem(int count) {
        return count > MAX_AXIS_VALUES
                ? Optional.of("An axis takes at most " + MAX_AXIS_VALUES + " values; this one lists " + count)
                : Optional.empty();
    }

    /** What is wrong with an axis's values as written, or empty: a list of at most {@link #MAX_AXIS_VALUES}, or a range that gives so many. */
    public static Optional<String> valuesProblem(AxisValues written) {
        if (!written.isRange()) {
            return countProblem(written.getValues().size());
        }
        double first = written.getFirst();
        double last = written.getLast();
        if (!(last >= first)) {
            return Optional.of("A range runs upwards: " + last + " is below " + first);
        }
        if (SpecTranslator.written(written, BnnPackage.Literals.AXIS_VALUES__STEP)) {
            double step = written.getStep();
            if (!(step > 0)) {
                return Optional.of("A range's step must be positive, got " + step);
            }
            if ((last - first) / step + 1 > MAX_AXIS_VALUES) {
                return Optional
                        .of("A range gives at most " + MAX_AXIS_VALUES + " values; this one gives " + (long) ((last - first) / step + 1));
            }
            return Optional.empty();
        }
        if (written.getCount() < 2 || written.getCount() > MAX_AXIS_VALUES) {
            return Optional.of("A log range has 2 to " + MAX_AXIS_VALUES + " values, got " + written.getCount());
        }
        if (!(first > 0)) {
            return Optional.of("A log range starts above 0, got " + first + " (list 0 on its own: '{ 0, ... }')");
        }
        return Optional.empty();
    }

    /** Values that must be whole numbers (bits, copies). */
    private static List<Integer> wholeNumbers(List<Double> values) {
        List<Integer> whole = new ArrayList<>();
        for (double value : values) {
            if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("expected a whole number, got " + value);
            }
            whole.add((int) value);
        }
        return whole;
    }

    /** The runtime's constraint of one written constraint, its bound in SI units. */
    public static Constraint constraint(ExploreConstraint constraint) {
        if (constraint.getBound() == null && !constraint.isChip()) {
            throw new SpecTranslator.IncompleteModelException("the constraint's bound is missing");
        }
        return new Constraint(objective(constraint.getObjective()), constraint.getComparison() == ComparisonKind.AT_LEAST,
                constraint.isChip() ? OptionalDouble.empty() : OptionalDouble.of(QuantityDimensions.si(constraint.getBound())));
    }

    /** The formats listed after the report folder; CSV, JSON and Markdown when none is. */
    private static Set<ReportSpec.ReportFormat> reportFormats(Explore explore) {
        if (explore.getFormats().isEmpty()) {
            return Set.of(ReportSpec.ReportFormat.CSV, ReportSpec.ReportFormat.JSON, ReportSpec.ReportFormat.MD);
        }
        return explore.getFormats().stream().map(format -> ReportSpec.ReportFormat.valueOf(format.getName())).collect(Collectors.toSet());
    }

    /** The network's weights path as the exploration runs it: relative to the mapping's file, rebased onto the exploration's. */
    private static Optional<String> weightsSeenFrom(Explore explore, Mapping mapping) {
        Optional<String> weights = SpecTranslator.weightsSeenFrom(mapping);
        Optional<Path> mine = DescriptionFiles.folderOf(explore);
        Optional<Path> its = DescriptionFiles.folderOf(mapping);
        if (weights.isEmpty() || mine.isEmpty() || its.isEmpty() || mine.equals(its) || Path.of(weights.get()).isAbsolute()) {
            return weights;
        }
        return Optional.of(mine.get().relativize(its.get().resolve(weights.get())).toString());
    }

    private static <T extends EObject> T resolved(T target) {
        if (target == null || target.eIsProxy()) {
            throw new SpecTranslator.IncompleteModelException("an unresolved reference");
        }
        return target;
    }

    /** As {@link SpecTranslator}'s: a record's rejection is reported with the element whose translation built it. */
    private static <T> T from(EObject element, java.util.function.Supplier<T> translation) {
        try {
            return translation.get();
        } catch (org.bnn.runtime.checks.SpecViolation violation) {
            throw new SpecTranslator.RejectedElementException(element, violation);
        }
    }
}
