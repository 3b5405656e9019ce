package ru.promtour.reporting.analytics;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import ru.promtour.reporting.analytics.Reports.Report;
import ru.promtour.reporting.analytics.Reports.TopProgramRow;
import ru.promtour.reporting.analytics.Reports.VisitorsRow;

import static org.assertj.core.api.Assertions.assertThat;

/** A name the projection does not know yet (a program whose event has not arrived) is an empty cell, not a failure. */
class ReportTablesTest {

    @Test
    void aMissingNameIsAnEmptyCell() {
        VisitorsRow unknown = new VisitorsRow("exc-1", null, 1, 3, 3, 0, 0, 3, 0, 0);
        Report<VisitorsRow> visitors = new Report<>("visitors", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31),
                "program", null, null, null, List.of(unknown), unknown);
        assertThat(new String(ReportTables.visitors(visitors).bytes(), StandardCharsets.UTF_8).lines().toList())
                .containsSubsequence("exc-1;;1;3;3;0;0;3;0;0");

        TopProgramRow top = new TopProgramRow(1, "exc-1", null, "ent-1", null, "UNKNOWN", "UNKNOWN", 1, 3, 0, 0, 3, 0);
        Report<TopProgramRow> programs = new Report<>("top-programs", LocalDate.of(2026, 10, 1),
                LocalDate.of(2026, 10, 31), "program", null, null, null, List.of(top), null);
        assertThat(new String(ReportTables.topPrograms(programs).bytes(), StandardCharsets.UTF_8))
                .contains("1;exc-1;;ent-1;;UNKNOWN;UNKNOWN;1;3;0;0;3;0");
    }
}
