package org.bnn.dsl.validation;

import static org.bnn.dsl.spec.SpecTranslator.written;

import java.util.List;

import org.bnn.dsl.bnn.SplitKind;
import org.bnn.dsl.bnn.Training;
import org.bnn.dsl.spec.SpecTranslator;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.validation.Check;

import com.google.inject.Inject;

/** Rules of training blocks: sizes, learning rates, error injection, data split and seed. */
public class TrainingValidator extends ComposedBnnValidator {

    @Inject
    private SpecTranslator translator;

    @Check
    public void checkSettings(Training training) {
        if (written(training, BNN.getTraining_Epochs()) && training.getEpochs() < 1) {
            error("A training needs at least one epoch, got " + training.getEpochs(), training, BNN.getTraining_Epochs(),
                    BnnIssueCodes.NON_POSITIVE_SIZE);
        }
        if (written(training, BNN.getTraining_Batch()) && training.getBatch() < 2) {
            error("Batches need at least 2 examples (batch norm normalizes over the batch), got " + training.getBatch(), training,
                    BNN.getTraining_Batch(), BnnIssueCodes.NON_POSITIVE_SIZE);
        }
        for (var rate : RATES) {
            double value = (Double) training.eGet(rate);
            if (written(training, rate) && !(value > 0)) {
                error("A learning rate must be positive, got " + value, training, rate, BnnIssueCodes.PHYSICAL_RANGE);
            }
        }
        if (!injectBerValid(training)) {
            error("The injected bit error rate is in [0, 0.5), got " + training.getInjectBer(), training, BNN.getTraining_InjectBer(),
                    BnnIssueCodes.SWEEP_VALUES);
        }
        if (training.getData() != null && training.getData().getSplit() == SplitKind.TEST) {
            warning("Training on the test split leaves nothing held out: accuracy measured on it afterwards is optimistic",
                    training.getData(),
                    BNN.getDatasetInputs_Split(), BnnIssueCodes.TRAINING_ON_TEST_SPLIT);
        }
        if (!written(training, BNN.getTraining_Seed())) {
            warning(MessageNames.capitalizedOf(training) + " has no seed: it runs with seed 0; write 'seed N' to make the choice explicit",
                    training, BNN.getElement_Name(), BnnIssueCodes.MISSING_SEED);
        }
    }

    /**
     * What the runtime rejects in the training's own settings and no rule above names (a learning
     * rate too large to be finite, an empty file name), on the setting as written. The network and
     * its data set have rules of their own.
     */
    @Check
    public void checkRuntimeAcceptsSettings(Training training) {
        if (!settingsValid(training)) {
            return; // reported above
        }
        SpecTranslator.rejection(() -> translator.translate(training))
                .filter(rejection -> rejection.element().filter(element -> EcoreUtil.isAncestor(training, element)).isPresent())
                .ifPresent(rejection -> RejectionSites.report(getMessageAcceptor(), rejection, training, RejectionSites.nameOf(training),
                        MessageNames.capitalizedOf(training) + " cannot run: " + rejection.message(), BnnIssueCodes.PHYSICAL_RANGE));
    }

    private static final List<org.eclipse.emf.ecore.EAttribute> RATES = List.of(BNN.getTraining_LearningRate(),
            BNN.getTraining_FinalLearningRate());

    /** Whether the rules of {@link #checkSettings} find nothing to report. */
    private static boolean settingsValid(Training training) {
        return !(written(training, BNN.getTraining_Epochs()) && training.getEpochs() < 1)
                && !(written(training, BNN.getTraining_Batch()) && training.getBatch() < 2)
                && RATES.stream().noneMatch(rate -> written(training, rate) && !((Double) training.eGet(rate) > 0))
                && injectBerValid(training);
    }

    private static boolean injectBerValid(Training training) {
        return training.getInjectBer() >= 0 && training.getInjectBer() < 0.5;
    }
}
