package org.bnn.fuzz;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Random;

import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * How long the fuzzing properties run. In the normal test suite: the tries and the fixed seed of
 * the {@code @Property} annotation (so CI is deterministic), or {@code -Dbnn.fuzz.tries=N} tries.
 * In a campaign ({@code -Dbnn.fuzz.minutes=M}): the property is run again and again with random
 * seeds for its share of M minutes; each new failure, as jqwik shrank it, goes to the campaign.
 */
public final class FuzzBudget implements AroundPropertyHook {
    /** Tries of one property run in a campaign: short runs, so that a run ends soon after its deadline. */
    private static final int CAMPAIGN_TRIES = 200;

    /** The share of a campaign's minutes a property gets, and how its falsified sample becomes an input. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    public @interface Share {
        double value();
    }

    /** Turns the falsified parameters of a property into the input that failed. */
    public interface Sample {
        FuzzInput input(List<Object> parameters);
    }

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        if (Campaign.minutes().isEmpty()) {
            Integer tries = Integer.getInteger("bnn.fuzz.tries");
            if (tries != null) {
                context.attributes().setTries(tries);
            }
            return property.execute();
        }
        Campaign.rememberCorpus();
        double share = context.findAnnotation(Share.class).map(Share::value).orElse(1.0);
        long budget = (long) (Campaign.minutes().get() * share * 60_000);
        long start = System.currentTimeMillis();
        Random seeds = new Random();
        Sample sample = (Sample) context.testInstance();
        PropertyExecutionResult last = null;
        int found = 0;
        Campaign.until(start + budget);
        try {
            while (System.currentTimeMillis() - start < budget) {
                context.attributes().setSeed(Long.toString(seeds.nextLong()));
                context.attributes().setTries(CAMPAIGN_TRIES);
                context.attributes().setAfterFailure(AfterFailureMode.RANDOM_SEED);
                last = property.execute();
                if (last.status() == PropertyExecutionResult.Status.FAILED && last.falsifiedParameters().isPresent()) {
                    Campaign.found(sample.input(last.falsifiedParameters().get()));
                    found++;
                }
            }
        } finally {
            Campaign.until(Long.MAX_VALUE);
            // The figures so far count even when the harness itself failed.
            Campaign.spent(context.label(), (System.currentTimeMillis() - start) / 60_000.0);
            context.reporter().publishValue("fuzz campaign", Campaign.writeSummary());
        }
        return found == 0 && last != null ? last.mapToSuccessful()
                : last == null ? property.execute() : last.mapToFailed(found + " new failures, written to the corpus (see " + Campaign.SUMMARY + ")");
    }
}
