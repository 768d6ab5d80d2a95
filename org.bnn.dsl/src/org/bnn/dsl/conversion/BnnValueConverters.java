package org.bnn.dsl.conversion;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.eclipse.xtext.Assignment;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.common.services.DefaultTerminalConverters;
import org.eclipse.xtext.conversion.IValueConverter;
import org.eclipse.xtext.conversion.ValueConverter;
import org.eclipse.xtext.conversion.ValueConverterException;
import org.eclipse.xtext.nodemodel.INode;

/**
 * Value converters of the .bnn language: a ValidID is read like an ID ('^' escapes a keyword),
 * and a qualified name segment by segment, so that references to escaped names resolve.
 */
public class BnnValueConverters extends DefaultTerminalConverters {

    private final IValueConverter<String> validId = new IValueConverter<>() {
        @Override
        public String toValue(String string, INode node) throws ValueConverterException {
            return ID().toValue(string, node);
        }

        @Override
        public String toString(String value) throws ValueConverterException {
            return ID().toString(value);
        }
    };

    private final IValueConverter<String> qualifiedName = new IValueConverter<>() {
        @Override
        public String toValue(String string, INode node) throws ValueConverterException {
            if (string == null) {
                return null;
            }
            List<String> segments = Arrays.stream(string.split("\\.", -1)).map(String::strip)
                    .map(segment -> segment.startsWith("^") ? segment.substring(1) : segment).toList();
            // An empty segment (what error recovery makes of "package .chip") would become an empty
            // qualified name, on which Xtext's scoping throws; the name is reported, not guessed.
            if (string.isBlank()) {
                throw new ValueConverterException("a name is missing", node, null);
            }
            if (segments.stream().anyMatch(String::isEmpty)) {
                throw new ValueConverterException("'" + string.strip() + "' is not a name: a part between dots is missing", node, null);
            }
            return String.join(".", segments);
        }

        @Override
        public String toString(String value) throws ValueConverterException {
            return Arrays.stream(value.split("\\.", -1)).map(validId::toString).collect(Collectors.joining("."));
        }
    };

    private final IValueConverter<Double> number = new IValueConverter<>() {
        @Override
        public Double toValue(String string, INode node) throws ValueConverterException {
            if (string == null || string.isBlank()) {
                throw new ValueConverterException("a number is missing", node, null);
            }
            try {
                return Double.valueOf(string.replaceAll("\\s+", ""));
            } catch (NumberFormatException e) {
                // No cause: Xtext's parser shows a cause's message (Java's "For input string") instead of ours.
                throw new ValueConverterException("'" + string.strip() + "' is not a number", node, null);
            }
        }

        @Override
        public String toString(Double value) throws ValueConverterException {
            return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString(value.longValue()) : value.toString();
        }
    };

    /**
     * Whole numbers (sizes, counts, seeds) as Java ints: a value beyond the int range is a
     * diagnostic that names the setting and the largest value, not a NumberFormatException.
     */
    private final IValueConverter<Integer> integer = new IValueConverter<>() {
        @Override
        public Integer toValue(String string, INode node) throws ValueConverterException {
            if (string == null || string.isBlank()) {
                throw new ValueConverterException("a whole number is missing", node, null);
            }
            BigInteger value = new BigInteger(string.strip());
            if (value.bitLength() > 31) {
                throw new ValueConverterException(String.format(Locale.ROOT, "%s %s is out of range: at most %d", setting(node), value,
                        Integer.MAX_VALUE), node, null);
            }
            return value.intValue();
        }

        @Override
        public String toString(Integer value) throws ValueConverterException {
            if (value == null) {
                throw new ValueConverterException("a whole number is missing", null, null);
            }
            return value.toString();
        }
    };

    /** What a number sets, from the grammar's assignment: "seed", "tile count", ... ("the number" when unknown). */
    private static String setting(INode node) {
        Assignment assignment = node == null ? null : GrammarUtil.containingAssignment(node.getGrammarElement());
        if (assignment == null) {
            return "the number";
        }
        return String.join(" ", assignment.getFeature().split("(?=\\p{Upper})")).toLowerCase(Locale.ROOT);
    }

    @ValueConverter(rule = "INT")
    @Override
    public IValueConverter<Integer> INT() {
        return integer;
    }

    @ValueConverter(rule = "org.eclipse.xtext.common.Terminals.INT")
    @Override
    public IValueConverter<Integer> TerminalsINT() {
        return integer;
    }

    /** Numbers with or without decimals and exponent, as doubles. */
    @ValueConverter(rule = "Number")
    public IValueConverter<Double> Number() {
        return number;
    }

    @ValueConverter(rule = "ValidID")
    public IValueConverter<String> ValidID() {
        return validId;
    }

    @ValueConverter(rule = "QualifiedName")
    public IValueConverter<String> QualifiedName() {
        return qualifiedName;
    }
}
