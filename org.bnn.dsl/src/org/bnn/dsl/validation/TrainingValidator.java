package org.bnn.dsl.validation;

import static org.bnn.dsl.spec.SpecTranslator.written;

import java.util.List;

import org.bnn.dsl.bnn.SplitKind;
import org.bnn.dsl.bnn.Training;
import org.eclipse.xtext.validation.Check;

/** Rules of training blocks: sizes, learning rates, error injection, data split and seed. */
public class TrainingValidator extends ComposedBnnValidator {

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
        for (var rate : List.of(BNN.getTraining_LearningRate(), BNN.getTraining_FinalLearningRate())) {
            double value = (Double) training.eGet(rate);
            if (written(training, rate) && !(value > 0)) {
                error("A learning rate must be positive, got " + value, training, rate, BnnIssueCodes.PHYSICAL_RANGE);
            }
        }
        if (!(training.getInjectBer() >= 0 && training.getInjectBer() < 0.5)) {
            error("The injected bit error rate is in [0, 0.5), got " + training.getInjectBer(), training, BNN.getTraining_InjectBer(),
                    BnnIssueCodes.SWEEP_VALUES);
        }
        if (training.getData() != null && training.getData().getSplit() == SplitKind.TEST) {
            warning("Training on the test split leaves nothing held out: accuracy measured on it afterwards is optimistic", training.getData(),
                    BNN.getDatasetInputs_Split(), BnnIssueCodes.TRAINING_ON_TEST_SPLIT);
        }
        if (!written(training, BNN.getTraining_Seed())) {
            warning(MessageNames.capitalizedOf(training) + " has no seed: it runs with seed 0; write 'seed N' to make the choice explicit",
                    training, BNN.getElement_Name(), BnnIssueCodes.MISSING_SEED);
        }
    }
}
