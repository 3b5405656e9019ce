package ru.promtour.reporting.csv;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * A table for spreadsheet users: written as UTF-8 with a byte-order mark (Excel then reads Cyrillic right), cells
 * separated by {@code ;} (the list separator of a Russian locale), quoted where needed, and a cell that starts with
 * {@code = + - @} (or a tab or carriage return) prefixed with {@code '} so a spreadsheet never runs it as a formula
 * (CSV injection).
 *
 * @param filename the download's name, e.g. {@code statement-2026-11.csv}
 */
public record CsvTable(String filename, List<String> header, List<List<?>> rows) {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    public CsvTable {
        Objects.requireNonNull(filename, "filename");
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    public byte[] bytes() {
        StringBuilder out = new StringBuilder();
        line(out, header);
        rows.forEach(row -> line(out, row));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(BOM);
        bytes.writeBytes(out.toString().getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    private static void line(StringBuilder out, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(';');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    /** One cell: numbers as they are, text neutralised and quoted when it holds {@code ; " CR LF}. */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number) {
            return value.toString();
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(';') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            text = '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
