package org.bnn.runtime.experiment;

import org.bnn.runtime.checks.Checks;
import org.bnn.runtime.checks.SpecViolation;
import org.bnn.runtime.checks.SpecViolation.Problem;
import org.bnn.runtime.data.Split;

/** Where an experiment's inputs come from: seeded random inputs or a split of a dataset. */
public sealed interface InputSource {

    /** {@code count} seeded random inputs; without labels, results are agreement with the error-free chip. */
    record Random(int count) implements InputSource {
        public Random {
            Checks.positive("InputSource.Random", "count", count);
        }
    }

    /**
     * A labelled dataset read from {@code folder} (relative paths: to the description's folder).
     *
     * @param dataset "mnist", "fashion-mnist" or "cifar10" ({@link org.bnn.runtime.data.StandardDataset})
     * @param limit   the first {@code limit} examples, 0 for all
     */
    record Dataset(String dataset, String folder, Split split, int limit) implements InputSource {
        public Dataset {
            Checks.name("InputSource.Dataset", "dataset", dataset);
            Checks.name("InputSource.Dataset", "folder", folder);
            Checks.present("InputSource.Dataset", "split", split);
            if (limit < 0) {
                throw new SpecViolation("InputSource.Dataset", "limit", Problem.NEGATIVE,
                        "InputSource.Dataset.limit must be 0 (all) or positive, got " + limit);
            }
        }
    }
}
