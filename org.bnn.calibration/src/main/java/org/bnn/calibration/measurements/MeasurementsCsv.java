package org.bnn.calibration.measurements;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV of measured resistances (docs/reliability.md, "Calibrating from your own data"): a
 * header row naming the columns, then one measurement per row; lines starting with {@code #} are
 * comments. Every problem is a {@link MalformedMeasurementsException} naming the file, the line and
 * the problem, and the first problem of the file is the one reported.
 */
public final class MeasurementsCsv {
    public static final String STATE = "state";
    public static final String OHMS = "ohms";
    public static final String REGIME = "regime";
    public static final String SECONDS = "seconds";
    public static final String CYCLES = "cycles";
    /** Every column a file may have, the required ones first. */
    public static final List<String> COLUMNS = List.of(STATE, OHMS, REGIME, SECONDS, CYCLES);
    /** The regime of every measurement of a file without a regime column. */
    public static final String DEFAULT_REGIME = "measured";
    /**
     * The fewest measurements a group may have: below it the confidence intervals are wide and the
     * normality test has little power, so the fit would say little.
     */
    public static final int MIN_SAMPLES_PER_GROUP = 20;

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setCommentMarker('#')
            .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get();
    /** Commons CSV names the line where an unterminated quoted value starts this way. */
    private static final Pattern START_LINE = Pattern.compile("\\(startline (\\d+)\\)");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,199}");
    private static final Pattern NOT_FINITE = Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);
    /** Above 2^53 a double no longer holds every whole number. */
    private static final double LARGEST_EXACT_WHOLE = 0x1p53;

    private final String file;

    private MeasurementsCsv(String file) {
        this.file = file;
    }

    /** Reads {@code csv}; an unreadable file is an {@link IOException}, a malformed one a {@link MalformedMeasurementsException}. */
    public static Measurements read(Path csv) throws IOException, MalformedMeasurementsException {
        byte[] bytes = Files.readAllBytes(csv);
        return parse(csv.toString(), new String(bytes, StandardCharsets.UTF_8));
    }

    /** Parses the text of a CSV of measurements; {@code file} names it in messages. */
    public static Measurements parse(String file, String text) throws MalformedMeasurementsException {
        return new MeasurementsCsv(file).parse(text);
    }

    private Measurements parse(String text) throws MalformedMeasurementsException {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        int replaced = body.indexOf('\uFFFD');
        if (replaced >= 0) {
            throw problem(lineOf(body, replaced), "not UTF-8 text (save the file as UTF-8)");
        }
        try (CSVParser parser = FORMAT.parse(new StringReader(body))) {
            Rows rows = new Rows(parser);
            if (!rows.hasNext()) {
                throw problem(1, "empty file: expected a header row naming the columns " + String.join(", ", COLUMNS)
                        + " (the first two required)");
            }
            CSVRecord header = rows.next();
            List<String> columns = columns(header, rows.line(header));
            Map<GroupKey, List<Double>> values = new LinkedHashMap<>();
            Map<GroupKey, Integer> firstLines = new LinkedHashMap<>();
            int count = 0;
            while (rows.hasNext()) {
                CSVRecord record = rows.next();
                int line = rows.line(record);
                Row row = new Row(record, columns, line);
                GroupKey key = new GroupKey(row.regime(), row.state(), row.seconds(), row.cycles());
                double ohms = row.ohms();
                values.computeIfAbsent(key, k -> new ArrayList<>()).add(ohms);
                firstLines.putIfAbsent(key, line);
                count++;
            }
            if (count == 0) {
                throw problem(rows.line(header), "no measurements after the header");
            }
            List<MeasurementGroup> groups = groups(values, firstLines);
            checkFittable(groups);
            return new Measurements(file, count, columns, groups);
        } catch (IOException | UncheckedIOException e) {
            throw unreadable(e);
        }
    }

    /** The header's columns, lower case; each known, none twice, both required ones present. */
    private List<String> columns(CSVRecord header, int line) throws MalformedMeasurementsException {
        List<String> columns = new ArrayList<>();
        for (String value : header) {
            String column = value.toLowerCase(Locale.ROOT);
            if (!COLUMNS.contains(column)) {
                throw problem(line, "unknown column " + shown(value) + "; the columns are " + String.join(", ", COLUMNS)
                        + (looksLikeData(header) ? " (is the header row missing?)" : ""));
            }
            if (columns.contains(column)) {
                throw problem(line, "column " + column + " appears twice");
            }
            columns.add(column);
        }
        for (String required : List.of(STATE, OHMS)) {
            if (!columns.contains(required)) {
                throw problem(line, "missing column " + required + " (the header names " + String.join(", ", columns) + ")");
            }
        }
        return columns;
    }

    /** Whether a would-be header holds a state or a number: a data row where the header should be. */
    private static boolean looksLikeData(CSVRecord header) {
        return header.stream().anyMatch(value -> Numbers.parse(value) != null
                || Arrays.stream(ResistanceState.values()).anyMatch(state -> state.label().equalsIgnoreCase(value)));
    }

    /** Groups with their keys ordered: regimes as the file first names them, then {@link GroupKey#WITHIN_REGIME}. */
    private static List<MeasurementGroup> groups(Map<GroupKey, List<Double>> values, Map<GroupKey, Integer> firstLines) {
        List<String> regimes = values.keySet().stream().map(GroupKey::regime).distinct().toList();
        Comparator<GroupKey> order = Comparator.<GroupKey>comparingInt(key -> regimes.indexOf(key.regime()))
                .thenComparing(GroupKey.WITHIN_REGIME);
        return values.keySet().stream().sorted(order)
                .map(key -> new MeasurementGroup(key, firstLines.get(key), values.get(key))).toList();
    }

    /** Every group large enough and with some spread; the group met first in the file is reported first. */
    private void checkFittable(List<MeasurementGroup> groups) throws MalformedMeasurementsException {
        List<MeasurementGroup> byLine = groups.stream().sorted(Comparator.comparingInt(MeasurementGroup::firstLine)).toList();
        for (MeasurementGroup group : byLine) {
            int n = group.ohms().size();
            if (n < MIN_SAMPLES_PER_GROUP) {
                throw problem(group.firstLine(), "group " + group.key().describe() + " has " + n + " measurement"
                        + (n == 1 ? "" : "s") + "; a fit needs at least " + MIN_SAMPLES_PER_GROUP + " per group");
            }
            if (group.ohms().stream().distinct().count() == 1) {
                throw problem(group.firstLine(), "all " + n + " resistances of group " + group.key().describe()
                        + " are equal: there is no spread to fit");
            }
        }
    }

    private MalformedMeasurementsException unreadable(Exception e) {
        String message = String.valueOf(e.getMessage());
        Matcher start = START_LINE.matcher(message);
        int line = start.find() ? Integer.parseInt(start.group(1)) : 1;
        String problem = message.contains("EOF reached before encapsulated token finished")
                ? "a quoted value is not closed"
                : "not a readable CSV: " + message.replaceFirst("^.*?CSVException: ", "");
        return problem(line, problem);
    }

    private MalformedMeasurementsException problem(int line, String problem) {
        return new MalformedMeasurementsException(file, line, problem);
    }

    /**
     * A value as a message quotes it: on one line (line ends and tabs escaped) and at most 40
     * characters, so that the error stays one line whatever the file holds.
     */
    private static String shown(String value) {
        String escaped = value.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
        return "\"" + (escaped.length() > 40 ? escaped.substring(0, 37) + "..." : escaped) + "\"";
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
                line++;
            }
        }
        return line;
    }

    /** The parser's records with the line each starts on. */
    private static final class Rows implements Iterator<CSVRecord> {
        private final CSVParser parser;
        private final Iterator<CSVRecord> records;

        Rows(CSVParser parser) {
            this.parser = parser;
            this.records = parser.iterator();
        }

        @Override
        public boolean hasNext() {
            return records.hasNext();
        }

        @Override
        public CSVRecord next() {
            return records.next();
        }

        /**
         * The line {@code record} (the one just read) starts on: the parser has counted the lines up
         * to the record's end, less those inside its quoted values.
         */
        int line(CSVRecord record) {
            long inside = 0;
            for (String value : record) {
                inside += lineOf(value, value.length()) - 1;
            }
            return (int) (parser.getCurrentLineNumber() - inside);
        }
    }

    /** One data row, its values checked as they are asked for. */
    private final class Row {
        private final CSVRecord record;
        private final List<String> columns;
        private final int line;

        Row(CSVRecord record, List<String> columns, int line) throws MalformedMeasurementsException {
            this.record = record;
            this.columns = columns;
            this.line = line;
            if (record.size() != columns.size()) {
                throw problem(line, "expected " + columns.size() + " values (" + String.join(", ", columns) + "), found "
                        + record.size());
            }
        }

        String regime() throws MalformedMeasurementsException {
            if (!columns.contains(REGIME)) {
                return DEFAULT_REGIME;
            }
            String regime = value(REGIME);
            if (!NAME.matcher(regime).matches()) {
                throw problem(line, "regime " + shown(regime) + " is not a name (letters, digits and _, not starting with a digit,"
                        + " at most 200)");
            }
            return regime;
        }

        ResistanceState state() throws MalformedMeasurementsException {
            String state = value(STATE);
            for (ResistanceState known : ResistanceState.values()) {
                if (known.label().equalsIgnoreCase(state)) {
                    return known;
                }
            }
            throw problem(line, "unknown state " + shown(state) + "; expected lrs or hrs");
        }

        double ohms() throws MalformedMeasurementsException {
            double ohms = number(OHMS, "a resistance in ohms, e.g. 8000 or 8e3");
            if (!(ohms > 0)) {
                throw problem(line, "ohms must be positive, got " + value(OHMS));
            }
            return ohms;
        }

        Double seconds() throws MalformedMeasurementsException {
            if (!columns.contains(SECONDS)) {
                return null;
            }
            double seconds = number(SECONDS, "a time after programming in seconds, e.g. 3600");
            if (!(seconds > 0)) {
                throw problem(line, "seconds must be positive (aging is fitted over log10 of the time), got " + value(SECONDS));
            }
            return seconds;
        }

        Long cycles() throws MalformedMeasurementsException {
            if (!columns.contains(CYCLES)) {
                return null;
            }
            double cycles = number(CYCLES, "a number of program cycles, e.g. 1000 or 1e6");
            if (!(cycles >= 0) || cycles != Math.rint(cycles) || cycles > LARGEST_EXACT_WHOLE) {
                throw problem(line, "cycles must be a whole number, at least 0 and at most 2^53, got " + value(CYCLES));
            }
            return (long) cycles;
        }

        /** The column's value as a finite number; {@code expected} says what a valid one looks like. */
        private double number(String column, String expected) throws MalformedMeasurementsException {
            String text = value(column);
            Double number = Numbers.parse(text);
            if (NOT_FINITE.matcher(text).matches() || number != null && !Double.isFinite(number)) {
                throw problem(line, column + " must be a finite number, got " + text);
            }
            if (number == null) {
                throw problem(line, column + " is not a number: " + shown(text) + " (expected " + expected + ")");
            }
            return number;
        }

        private String value(String column) throws MalformedMeasurementsException {
            String value = record.get(columns.indexOf(column));
            if (value.isEmpty()) {
                throw problem(line, column + " is empty");
            }
            return value;
        }
    }
}
