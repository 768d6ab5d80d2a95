package org.bnn.fuzz;

import java.lang.reflect.RecordComponent;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.bnn.runtime.json.SpecJson;

/**
 * Whether a spec survives its JSON ({@link SpecJson}) as an equal spec, as an exploration and its simulations
 * must to travel to Spark executors ({@code ExplorationJob} refuses one that does not), and if not, where it
 * first differs: the field (a path through the records, as {@code ExploreSpec.axes[0].rates[1]}) and the JSON
 * line.
 */
final class SpecRoundTrip {
    private static final int SHOWN = 200;

    private SpecRoundTrip() {
    }

    /** Empty when {@code spec} reads back from its JSON equal to itself; else what differs, the field first. */
    static <T> Optional<String> difference(T spec, Class<T> type) {
        String json = SpecJson.write(spec);
        T read;
        try {
            read = SpecJson.read(json, type);
        } catch (IllegalArgumentException e) {
            return Optional.of("the JSON of " + type.getSimpleName() + " does not read back: " + e.getMessage());
        }
        if (spec.equals(read)) {
            return Optional.empty();
        }
        String field = fieldDifference(type.getSimpleName(), spec, read)
                .orElse(type.getSimpleName() + ": unequal, though every field is equal");
        String line = lineDifference(json, SpecJson.write(read)).orElse("its JSON is written back the same");
        return Optional.of(field + "\n" + line);
    }

    /** The first field, depth first, whose values differ: components of records, elements of lists, values of maps. */
    static Optional<String> fieldDifference(String path, Object written, Object read) {
        if (Objects.equals(written, read)) {
            return Optional.empty();
        }
        if (written instanceof List<?> a && read instanceof List<?> b) {
            for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                Optional<String> difference = fieldDifference(path + "[" + i + "]", a.get(i), b.get(i));
                if (difference.isPresent()) {
                    return difference;
                }
            }
            return Optional.of(path + ": " + a.size() + " values read back as " + b.size());
        }
        if (written instanceof Optional<?> a && read instanceof Optional<?> b && a.isPresent() && b.isPresent()) {
            return fieldDifference(path, a.get(), b.get());
        }
        if (written instanceof Map<?, ?> a && read instanceof Map<?, ?> b && a.keySet().equals(b.keySet())) {
            for (Map.Entry<?, ?> entry : a.entrySet().stream().sorted(Comparator.comparing(e -> String.valueOf(e.getKey()))).toList()) {
                Optional<String> difference = fieldDifference(path + "[" + entry.getKey() + "]", entry.getValue(), b.get(entry.getKey()));
                if (difference.isPresent()) {
                    return difference;
                }
            }
        }
        if (written != null && read != null && written.getClass() == read.getClass() && written.getClass().isRecord()) {
            for (RecordComponent component : written.getClass().getRecordComponents()) {
                Optional<String> difference = fieldDifference(path + "." + component.getName(), value(component, written),
                        value(component, read));
                if (difference.isPresent()) {
                    return difference;
                }
            }
        }
        return Optional.of(path + ": " + shown(written) + " read back as " + shown(read));
    }

    /** The first line of the JSON written from the spec read back that is not the line first written. */
    static Optional<String> lineDifference(String written, String again) {
        List<String> a = written.lines().toList();
        List<String> b = again.lines().toList();
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            String first = i < a.size() ? a.get(i).strip() : "(end)";
            String second = i < b.size() ? b.get(i).strip() : "(end)";
            if (!first.equals(second)) {
                return Optional.of("JSON line " + (i + 1) + ": " + first + " is written back as " + second);
            }
        }
        return Optional.empty();
    }

    private static Object value(RecordComponent component, Object record) {
        try {
            component.getAccessor().trySetAccessible();
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private static String shown(Object value) {
        String text = value instanceof Double d ? Double.toString(d) : String.valueOf(value);
        return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "...";
    }
}
