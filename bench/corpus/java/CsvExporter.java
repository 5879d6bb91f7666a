package com.acme.reports.export;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.function.Function;

/** Writes rows as RFC 4180 CSV for the finance team's spreadsheet imports. */
public final class CsvExporter<T> {

    private final List<String> headers;
    private final List<Function<T, Object>> columns;

    public CsvExporter(List<String> headers, List<Function<T, Object>> columns) {
        if (headers.size() != columns.size()) {
            throw new IllegalArgumentException("one header per column");
        }
        this.headers = List.copyOf(headers);
        this.columns = List.copyOf(columns);
    }

    public int write(Iterable<T> rows, Writer out) throws IOException {
        writeLine(headers, out);
        int count = 0;
        for (T row : rows) {
            writeLine(columns.stream().map(column -> column.apply(row)).toList(), out);
            count++;
        }
        out.flush();
        return count;
    }

    private static void writeLine(List<?> values, Writer out) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quote(values.get(i)));
        }
        out.write("\r\n");
    }

    static String quote(Object value) {
        String text = value == null ? "" : value.toString();
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
