package org.bnn.calibration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.bnn.calibration.measurements.GroupKey;
import org.bnn.calibration.measurements.MalformedMeasurementsException;
import org.bnn.calibration.measurements.MeasurementGroup;
import org.bnn.calibration.measurements.Measurements;
import org.bnn.calibration.measurements.MeasurementsCsv;
import org.bnn.calibration.measurements.ResistanceState;
import org.junit.jupiter.api.Test;

/** The CSV of measurements: what it accepts, and the one line-numbered message of each malformed file. */
class MeasurementsCsvTest {
    /** {@code count} valid rows of columns state,ohms with distinct resistances. */
    private static String rows(String state, int count) {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < count; i++) {
            rows.append(state).append(',').append(8000 + i).append('\n');
        }
        return rows.toString();
    }

    private static final String HEADER = "state,ohms\n";
    /** A header and 20 LRS rows: lines 1 to 21. */
    private static final String VALID = HEADER + rows("lrs", 20);

    private static void assertMalformed(String csv, int line, String problem) {
        MalformedMeasurementsException e = assertThrows(MalformedMeasurementsException.class,
                () -> MeasurementsCsv.parse("cells.csv", csv));
        assertEquals("cells.csv:" + line + ": " + problem, e.getMessage());
        assertEquals(line, e.line());
    }

    @Test
    void readsGroupsInTheFilesRegimeOrderThenStateCyclesAndTime() throws Exception {
        StringBuilder csv = new StringBuilder("\uFEFF# measured on wafer 3\nRegime, State ,seconds,ohms,cycles\n");
        for (String prefix : List.of("strong,hrs,3600,", "strong,lrs,3600,", "strong,lrs,1,", "weak,lrs,1,")) {
            for (int i = 0; i < 20; i++) {
                csv.append(prefix).append("\"").append(1000 + i).append("e1\",10\n");
            }
        }
        Measurements measurements = MeasurementsCsv.parse("cells.csv", csv.toString().stripTrailing());
        assertEquals(80, measurements.count());
        assertEquals(List.of("regime", "state", "seconds", "ohms", "cycles"), measurements.columns());
        assertEquals(
                List.of(new GroupKey("strong", ResistanceState.LRS, 1.0, 10L), new GroupKey("strong", ResistanceState.LRS, 3600.0, 10L),
                        new GroupKey("strong", ResistanceState.HRS, 3600.0, 10L), new GroupKey("weak", ResistanceState.LRS, 1.0, 10L)),
                measurements.groups().stream().map(MeasurementGroup::key).toList());
        MeasurementGroup first = measurements.groups().get(0);
        assertEquals(43, first.firstLine());
        assertEquals(10000.0, first.ohms().get(0));
    }

    @Test
    void withoutRegimeColumnEveryMeasurementIsOfTheDefaultRegime() throws Exception {
        Measurements measurements = MeasurementsCsv.parse("cells.csv", VALID + rows("hrs", 20));
        assertEquals(
                List.of(new GroupKey("measured", ResistanceState.LRS, null, null),
                        new GroupKey("measured", ResistanceState.HRS, null, null)),
                measurements.groups().stream().map(MeasurementGroup::key).toList());
    }

    @Test
    void emptyFiles() {
        assertMalformed("", 1,
                "empty file: expected a header row naming the columns state, ohms, regime, seconds, cycles (the first two required)");
        assertMalformed("# only a comment\n\n", 1,
                "empty file: expected a header row naming the columns state, ohms, regime, seconds, cycles (the first two required)");
        assertMalformed("# data below\nstate,ohms\n", 2, "no measurements after the header");
    }

    @Test
    void headerProblems() {
        assertMalformed("# a comment first\nstate,regime\nlrs,x\n", 2, "missing column ohms (the header names state, regime)");
        assertMalformed("state,ohms,temperature\n", 1,
                "unknown column \"temperature\"; the columns are state, ohms, regime, seconds, cycles");
        assertMalformed("lrs,8000\n" + rows("lrs", 20), 1,
                "unknown column \"lrs\"; the columns are state, ohms, regime, seconds, cycles (is the header row missing?)");
        assertMalformed("state,ohms,Ohms\n", 1, "column ohms appears twice");
    }

    @Test
    void valueProblemsNameTheirLine() {
        assertMalformed(VALID + "lrs,8k\n", 22, "ohms is not a number: \"8k\" (expected a resistance in ohms, e.g. 8000 or 8e3)");
        assertMalformed(VALID + "lrs,8000d\n", 22, "ohms is not a number: \"8000d\" (expected a resistance in ohms, e.g. 8000 or 8e3)");
        assertMalformed(VALID + "lrs,-5\n", 22, "ohms must be positive, got -5");
        assertMalformed(VALID + "lrs,0\n", 22, "ohms must be positive, got 0");
        assertMalformed(VALID + "lrs,NaN\n", 22, "ohms must be a finite number, got NaN");
        assertMalformed(VALID + "lrs,1e400\n", 22, "ohms must be a finite number, got 1e400");
        assertMalformed(VALID + "lrs,\n", 22, "ohms is empty");
        assertMalformed(VALID + "set,8000\n", 22, "unknown state \"set\"; expected lrs or hrs");
        assertMalformed(VALID + "lrs,8000,1\n", 22, "expected 2 values (state, ohms), found 3");
        assertMalformed("state,ohms,regime\nlrs,8000,low power\n", 2,
                "regime \"low power\" is not a name (letters, digits and _, not starting with a digit, at most 200)");
        assertMalformed("state,ohms,seconds\nlrs,8000,0\n", 2, "seconds must be positive (aging is fitted over log10 of the time), got 0");
        assertMalformed("state,ohms,cycles\nlrs,8000,1.5\n", 2, "cycles must be a whole number, at least 0 and at most 2^53, got 1.5");
    }

    @Test
    void linesCountAsAnEditorShowsThem() {
        // Comments, blank lines and CRLF endings each count; the bad value is on line 6 of the file.
        assertMalformed("# wafer 3\r\nstate,ohms\r\n\r\n# die 7\r\nlrs,8000\r\nlrs,x\r\n", 6,
                "ohms is not a number: \"x\" (expected a resistance in ohms, e.g. 8000 or 8e3)");
        // A quoted value over two lines: the record's first line, the value on one line of the message.
        assertMalformed("state,ohms\nlrs,8000\n\"lrs\nx\",8000\n", 3, "unknown state \"lrs\\nx\"; expected lrs or hrs");
        assertMalformed("state,ohms\n\"lrs\nx\",8000\nlrs,x\n", 2, "unknown state \"lrs\\nx\"; expected lrs or hrs");
        assertMalformed("state,ohms\nlrs," + "9".repeat(50) + "x\n", 2,
                "ohms is not a number: \"" + "9".repeat(37) + "...\" (expected a resistance in ohms, e.g. 8000 or 8e3)");
        // The last line without a line end.
        assertMalformed("state,ohms\nlrs,8000\nlrs,x", 3, "ohms is not a number: \"x\" (expected a resistance in ohms, e.g. 8000 or 8e3)");
        assertMalformed("state,ohms\nlrs,\"8000\n", 2, "a quoted value is not closed");
        assertMalformed("state,ohms\nlrs,8000\nlrs,\u00ff\ufffd\n", 3, "not UTF-8 text (save the file as UTF-8)");
    }

    @Test
    void groupsTooSmallOrWithoutSpreadNameTheGroupAndItsFirstLine() {
        assertMalformed(VALID + rows("hrs", 19), 22,
                "group regime measured, state hrs has 19 measurements; a fit needs at least 20 per group");
        assertMalformed("state,ohms,regime,seconds\n" + "lrs,8000,low,3600\n".repeat(20) + "hrs,9000,low,3600\n", 2,
                "all 20 resistances of group regime low, state lrs, seconds 3600 are equal: there is no spread to fit");
        assertMalformed("state,ohms,regime,seconds\n" + rows("lrs", 20).replace("\n", ",low,3600\n") + "hrs,9000,low,3600\n", 22,
                "group regime low, state hrs, seconds 3600 has 1 measurement; a fit needs at least 20 per group");
    }
}
