package org.bnn.dsl.generator;

import java.lang.reflect.RecordComponent;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Java expressions that rebuild runtime values: a record by its canonical constructor (named
 * through the type it is nested in, as in {@code new CellTechnology.TwoTransistorTwoResistor()}),
 * with its components rebuilt the same way, and {@code Optional}, {@code OptionalDouble}, numbers
 * and strings. It knows no record in particular, so the templates emit a cell technology without
 * branching on its kind, and a new kind needs no change here. The generated class must import the
 * outermost type of each record (the templates' import blocks do).
 */
public final class JavaValues {
    private JavaValues() {
    }

    /** The Java expression whose value equals {@code value}. */
    public static String of(Object value) {
        if (value instanceof Double number) {
            return number(number);
        }
        if (value instanceof Integer || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof Long number) {
            return number + "L";
        }
        if (value instanceof String text) {
            return JavaNames.stringLiteral(text);
        }
        if (value instanceof OptionalDouble optional) {
            return optional.isPresent() ? "OptionalDouble.of(" + number(optional.getAsDouble()) + ")" : "OptionalDouble.empty()";
        }
        if (value instanceof Optional<?> optional) {
            return optional.isPresent() ? "Optional.of(" + of(optional.get()) + ")" : "Optional.empty()";
        }
        if (value instanceof Enum<?> constant) {
            return typeName(constant.getDeclaringClass()) + "." + constant.name();
        }
        if (value instanceof java.util.List<?> list) {
            return "List.of(" + list.stream().map(JavaValues::of).collect(Collectors.joining(", ")) + ")";
        }
        if (value instanceof Record record) {
            return "new " + typeName(record.getClass()) + "(" + Stream.of(record.getClass().getRecordComponents())
                    .map(component -> of(componentValue(record, component))).collect(Collectors.joining(", ")) + ")";
        }
        throw new IllegalArgumentException("no Java expression for a " + (value == null ? "null" : value.getClass().getName()));
    }

    /** A Java double literal for any value, NaN and infinities included. */
    public static String number(double value) {
        if (Double.isNaN(value)) {
            return "Double.NaN";
        }
        if (value == Double.POSITIVE_INFINITY) {
            return "Double.POSITIVE_INFINITY";
        }
        if (value == Double.NEGATIVE_INFINITY) {
            return "Double.NEGATIVE_INFINITY";
        }
        return Double.toString(value);
    }

    private static String typeName(Class<?> type) {
        return type.getEnclosingClass() == null ? type.getSimpleName() : typeName(type.getEnclosingClass()) + "." + type.getSimpleName();
    }

    private static Object componentValue(Record record, RecordComponent component) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + record.getClass().getSimpleName() + "." + component.getName(), e);
        }
    }
}
