package org.bnn.runtime.checks;

import java.util.Objects;
import java.util.Optional;

/**
 * A description record rejects a value: which record, which field (and, for a field holding a
 * collection, which item of it), and what kind of problem. The message is the one a user reads
 * ("Record(name).field must be ..., got VALUE"); a program that needs to know where the problem
 * lies (the language's validator, to put an error on the offending quantity) reads
 * {@link #record()}, {@link #field()}, {@link #item()} and {@link #problem()} instead of the text.
 *
 * <p>It is an {@link IllegalArgumentException}, so code that catches those still catches it.
 */
public final class SpecViolation extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The kind of problem with a value. */
    public enum Problem {
        /** A required value is absent (null, or an empty name). */
        MISSING,
        /** A value that must be above zero is zero or negative. */
        NOT_POSITIVE,
        /** A value that must be zero or more is negative. */
        NEGATIVE,
        /** A value is infinite or not a number. */
        NOT_FINITE,
        /** A value lies outside its allowed interval or set (a probability above 1, 17 input bits). */
        OUT_OF_RANGE,
        /** A value exceeds what the simulator can represent (a size above {@code Integer.MAX_VALUE}). */
        TOO_LARGE,
        /** Values that are each allowed do not fit together (HRS below LRS, a reference on a 2T2R cell). */
        INCONSISTENT,
        /** Two items of a collection that must differ are the same (two regimes, two layers with one name). */
        DUPLICATE,
        /** A value names something that does not exist (an unknown code, regime or layer). */
        UNKNOWN
    }

    private final String record;
    private final String name;
    private final String field;
    private final String item;
    private final Problem problem;

    /**
     * @param where   the record as messages name it: its type, followed by the instance's name in
     *                parentheses when it has one, e.g. {@code "RegimeSpec(nominal)"} or {@code "Pulse"}
     * @param field   the record component (or a dotted path into a nested one, {@code "hrs.medianOhms"})
     * @param item    the name of the offending item when the field holds a collection, else {@code null}
     * @param problem the kind of problem
     * @param message the message a user reads
     */
    public SpecViolation(String where, String field, String item, Problem problem, String message) {
        super(message);
        Objects.requireNonNull(where, "where");
        int open = where.indexOf('(');
        boolean named = open > 0 && where.endsWith(")");
        this.record = named ? where.substring(0, open) : where;
        this.name = named ? where.substring(open + 1, where.length() - 1) : null;
        this.field = Objects.requireNonNull(field, "field");
        this.item = item;
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    /** A problem with a field as a whole. */
    public SpecViolation(String where, String field, Problem problem, String message) {
        this(where, field, null, problem, message);
    }

    /** The record's type as messages name it, without the instance's name: {@code "RegimeSpec"}, {@code "Pulse"}, {@code "Conv"}. */
    public String record() {
        return record;
    }

    /** The name of the record's instance, when the record has one ({@code "nominal"} of {@code RegimeSpec(nominal)}). */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** The field (record component) holding the rejected value; a dotted path for a value of a nested record. */
    public String field() {
        return field;
    }

    /** The offending item of a collection field (a layer's or regime's name), when the problem is with one item. */
    public Optional<String> item() {
        return Optional.ofNullable(item);
    }

    public Problem problem() {
        return problem;
    }
}
