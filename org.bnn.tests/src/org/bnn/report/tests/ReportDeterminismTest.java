package org.bnn.report.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.bnn.report.ReportFormat;
import org.bnn.report.ReportWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same report written twice gives the same bytes in every file (no time stamps, fixed ids, fixed order). */
class ReportDeterminismTest {

    @Test
    void twoWritesAreByteIdentical(@TempDir Path folder) throws Exception {
        List<Path> first = new ReportWriter(ReportFormat.ALL).write(SmallReport.realistic(), folder.resolve("first"));
        List<Path> second = new ReportWriter(ReportFormat.ALL).write(SmallReport.realistic(), folder.resolve("second"));
        assertEquals(10, first.size());
        assertEquals(first.stream().map(Path::getFileName).toList(), second.stream().map(Path::getFileName).toList());
        for (int i = 0; i < first.size(); i++) {
            assertArrayEquals(Files.readAllBytes(first.get(i)), Files.readAllBytes(second.get(i)), first.get(i).getFileName().toString());
        }
    }
}
