package org.bnn.fuzz;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the pipeline did with one input: the stages it entered and the promises it broke.
 *
 * @param entered the stages the input got to (RUN only when the model was small enough to run)
 */
public record Verdict(Set<Stage> entered, List<Failure> failures, long millis) {

    public boolean passed() {
        return failures.isEmpty();
    }

    /** Every failure, for an assertion message. */
    public String report() {
        return failures.stream().map(f -> f.stage() + ": " + f.kind() + "\n" + f.detail()).collect(Collectors.joining("\n\n"));
    }
}
