package ru.promtour.booking.booking.web;

import java.util.regex.Pattern;

import ru.promtour.booking.booking.web.ManifestController.GroupView;
import ru.promtour.booking.booking.web.ManifestController.ManifestView;
import ru.promtour.booking.booking.web.ManifestController.VisitorView;

/**
 * The manifest as CSV (RFC 4180 quoting), one row per visitor with the group's columns repeated, safe to open in a
 * spreadsheet: a cell that a spreadsheet could take for a formula is prefixed with {@code '} so it stays text.
 */
final class ManifestCsv {

    static final String HEADER =
            "supplierReference,status,complete,leader,leaderPhone,unitId,type,fullName,birthDate,documentType,documentNumber\r\n";

    /**
     * What makes a cell a formula (OWASP "CSV injection"): a leading {@code = + - @} (or their full-width forms),
     * also after leading spaces or control characters, which some spreadsheets skip; and a leading tab, CR or LF,
     * which some take as a field separator and then read what follows as a new cell. Matched at the start only,
     * whatever follows (line breaks included).
     */
    private static final Pattern FORMULA = Pattern.compile("^(?:[\\t\\r\\n]|[\\p{Cntrl}\\p{Z}]*[=+\\-@\\x{FF1D}\\x{FF0B}\\x{FF0D}\\x{FF20}])");

    private ManifestCsv() {
    }

    static String of(ManifestView v) {
        StringBuilder out = new StringBuilder(HEADER);
        for (GroupView g : v.bookings()) {
            for (VisitorView p : g.visitors()) {
                out.append(String.join(",", cell(g.supplierReference()), cell(g.status()), cell(String.valueOf(g.complete())),
                        cell(g.leader()), cell(g.leaderPhone()), cell(p.unitId()), cell(p.type()), cell(p.fullName()),
                        cell(p.birthDate() == null ? null : p.birthDate().toString()), cell(p.documentType()),
                        cell(p.documentNumber()))).append("\r\n");
            }
        }
        return out.toString();
    }

    /** One quoted cell; a would-be formula is prefixed with {@code '}. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = FORMULA.matcher(value).lookingAt() ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
