package org.bnn.report.table;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * RFC 4180 CSV text of a header and rows of cells (Jackson's CSV writer quotes only the cells that
 * need it). Lines end with "\n" on every platform, so the same table gives the same bytes.
 */
final class CsvTable {
    private static final CsvMapper MAPPER = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();

    private CsvTable() {
    }

    static String write(List<String> header, List<List<String>> rows) {
        CsvSchema schema = CsvSchema.builder().addColumns(header, CsvSchema.ColumnType.STRING).setUseHeader(true).setLineSeparator("\n")
                .build();
        StringWriter text = new StringWriter();
        try (SequenceWriter writer = MAPPER.writer(schema).writeValues(text)) {
            for (List<String> row : rows) {
                if (row.size() != header.size()) {
                    throw new IllegalArgumentException("CSV row has " + row.size() + " cells, the header " + header.size() + ": " + row);
                }
                writer.write(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write CSV text", e);
        }
        return text.toString();
    }
}
