package org.bnn.dsl.validation;

import static org.bnn.dsl.spec.SpecTranslator.written;

import java.util.List;
import java.util.Optional;

import org.bnn.dsl.bnn.ErrorLevelKind;
import org.bnn.dsl.bnn.Experiment;
import org.bnn.dsl.bnn.Mapping;
import org.bnn.dsl.bnn.Network;
import org.bnn.dsl.bnn.RandomInputs;
import org.bnn.dsl.bnn.ResamplingKind;
import org.bnn.dsl.spec.SpecTranslator;
import org.bnn.runtime.errors.DeviceErrors;
import org.bnn.runtime.errors.Resampling;
import org.bnn.runtime.spec.MappingSpec;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.xtext.validation.Check;

import com.google.inject.Inject;

/** Rules of experiments: sweep values, inputs, seeds and the error model (docs/language.md "Errors"). */
public class ExperimentValidator extends ComposedBnnValidator {

    @Inject
    private SpecTranslator translator;

    @Check
    public void checkSweep(Experiment experiment) {
        List<Double> points = experiment.getPoints();
        for (int i = 0; i < points.size(); i++) {
            double ber = points.get(i);
            if (!(ber >= 0 && ber <= 0.5)) {
                error("A bit error rate is in [0, 0.5], got " + ber, experiment, BNN.getExperiment_Points(), i, BnnIssueCodes.SWEEP_VALUES);
            } else if (i > 0 && ber <= points.get(i - 1)) {
                error("Sweep values must be ascending: " + ber + " follows " + points.get(i - 1), experiment, BNN.getExperiment_Points(), i,
                        BnnIssueCodes.SWEEP_VALUES);
            }
        }
        if (written(experiment, BNN.getExperiment_Trials()) && experiment.getTrials() < 1) {
            error("An experiment needs at least one trial, got " + experiment.getTrials(), experiment, BNN.getExperiment_Trials(),
                    BnnIssueCodes.SWEEP_VALUES);
        }
        if (experiment.isSweepLayers() && !(experiment.getLayerBer() > 0 && experiment.getLayerBer() <= 0.5)) {
            error("A layer sensitivity study flips weights at a bit error rate in (0, 0.5], got " + experiment.getLayerBer(), experiment,
                    BNN.getExperiment_LayerBer(), BnnIssueCodes.SWEEP_VALUES);
        }
        if (experiment.getInputs() instanceof RandomInputs random) {
            if (random.getCount() < 1) {
                error("The number of inputs must be positive, got " + random.getCount(), random, BNN.getRandomInputs_Count(),
                        BnnIssueCodes.NON_POSITIVE_SIZE);
            }
        }
        if (!written(experiment, BNN.getExperiment_Seed())) {
            warning(MessageNames.capitalizedOf(experiment)
                    + " has no seed: it runs with seed 0; write 'seed N' to make the choice explicit",
                    experiment, BNN.getElement_Name(), BnnIssueCodes.EXPERIMENT_WITHOUT_SEED);
        }
    }

    /**
     * Error level, resampling and sweep must make sense together (docs/language.md "Errors"), and a
     * device-level model needs what it reads on every mapping: a regime, a device, a sense amplifier,
     * 2T2R cells.
     */
    @Check
    public void checkErrorModel(Experiment experiment) {
        boolean deviceLevel = experiment.getLevel() == ErrorLevelKind.DEVICE;
        if (deviceLevel && experiment.getResampling() == ResamplingKind.PER_INFERENCE) {
            error("Device-level errors are drawn per chip (resistances, mismatch) or per read (noise), not per inference; "
                    + "use 'resample per-chip', 'resample per-read', or weight-level errors", experiment,
                    BNN.getExperiment_Resampling(), BnnIssueCodes.ERROR_MODEL);
        }
        if (deviceLevel && !experiment.isSweepRegimes() && experiment.getAgePoints().isEmpty() && !experiment.isSweepStuck()) {
            error("A device-level chip's bit errors follow from its regime: sweep regimes ('sweep regime { ... }'), how the "
                    + "devices age ('sweep time { ... }', temperature, cycles, reads) or stuck devices ('sweep stuck { ... }'), "
                    + "or use weight-level errors to sweep "
                    + (experiment.isSweepLayers() ? "layers" : "BER"), experiment,
                    BNN.getExperiment_Level(), BnnIssueCodes.ERROR_MODEL);
        }
        if (experiment.isPopcountDomain() && (deviceLevel || experiment.getResampling() != ResamplingKind.PER_INFERENCE)) {
            error("The popcount-domain mode samples weight-level per-inference errors: "
                    + "write 'errors weight-level resample per-inference popcount-domain', or drop 'popcount-domain'", experiment,
                    BNN.getExperiment_PopcountDomain(), BnnIssueCodes.ERROR_MODEL);
            return; // the rules above ran; what follows translates the experiment, which this error stops
        }
        Optional<MappingSpec> mapping = translator.tryTranslate(experiment.getMapping());
        if (mapping.isEmpty()) {
            return; // the rules on the mapping report why
        }
        for (int i = 0; i < experiment.getOtherMappings().size(); i++) {
            if (comparedMappingProblem(experiment, i).isPresent()) {
                return; // checkComparedMappings says why, at the mapping
            }
        }
        // what the runtime rejects and no rule above names (a regime listed twice, errors in a pool layer, ...)
        SpecTranslator.rejection(() -> translator.translate(experiment)).ifPresent(rejection -> RejectionSites.report(getMessageAcceptor(),
                rejection, experiment, RejectionSites.nameOf(experiment),
                MessageNames.capitalizedOf(experiment) + " cannot run: " + rejection.message(), BnnIssueCodes.ERROR_MODEL));
        // Weight-level regime sweeps follow each mapping's cells (CellTechnology); device-level errors need 2T2R and a PCSA.
        if (deviceLevel) {
            checkDeviceLevel(experiment, mapping.get(), BNN.getExperiment_Mapping(), -1);
            for (int i = 0; i < experiment.getOtherMappings().size(); i++) {
                Optional<MappingSpec> other = translator.tryTranslate(experiment.getOtherMappings().get(i));
                if (other.isPresent()) {
                    checkDeviceLevel(experiment, other.get(), BNN.getExperiment_OtherMappings(), i);
                }
            }
        }
    }

    private void checkDeviceLevel(Experiment experiment, MappingSpec mapping, EReference feature, int index) {
        try {
            DeviceErrors.forMapping(mapping, Resampling.PER_CHIP);
        } catch (IllegalArgumentException e) {
            error("Device-level errors cannot be modelled on mapping " + mapping.name() + ": " + e.getMessage(), experiment, feature, index,
                    BnnIssueCodes.ERROR_MODEL);
        }
    }

    /**
     * The mappings an experiment compares ({@code run A, B, C on ...}) run the same network (one set
     * of weights and inputs), each once.
     */
    @Check
    public void checkComparedMappings(Experiment experiment) {
        List<Mapping> others = experiment.getOtherMappings();
        for (int i = 0; i < others.size(); i++) {
            int index = i;
            comparedMappingProblem(experiment, i).ifPresent(message -> error(message, experiment, BNN.getExperiment_OtherMappings(), index,
                    BnnIssueCodes.ERROR_MODEL));
        }
    }

    /** What is wrong with the experiment's other mapping {@code i}, if anything (see {@link #checkComparedMappings}). */
    private static Optional<String> comparedMappingProblem(Experiment experiment, int i) {
        Mapping first = experiment.getMapping();
        Mapping other = experiment.getOtherMappings().get(i);
        if (first == null || first.eIsProxy() || other == null || other.eIsProxy()) {
            return Optional.empty();
        }
        if (other == first || experiment.getOtherMappings().subList(0, i).contains(other)) {
            return Optional.of(MessageNames.capitalizedOf(experiment) + " runs on " + MessageNames.of("mapping", other.getName())
                    + " twice: name each mapping once");
        }
        Network network = other.getNetwork();
        Network firstNetwork = first.getNetwork();
        // A network missing, unresolved or without a name is reported where it is written, not here.
        if (network == null || firstNetwork == null || network.eIsProxy() || firstNetwork.eIsProxy() || network.getName() == null
                || firstNetwork.getName() == null || network == firstNetwork) {
            return Optional.empty();
        }
        return Optional.of("The mappings an experiment compares must map the same network: " + MessageNames.of("mapping", other.getName())
                + " maps network " + network.getName() + ", " + MessageNames.of("mapping", first.getName()) + " maps network "
                + firstNetwork.getName());
    }

}
