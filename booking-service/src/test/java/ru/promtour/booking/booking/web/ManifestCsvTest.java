package ru.promtour.booking.booking.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import ru.promtour.booking.booking.web.ManifestController.GroupView;
import ru.promtour.booking.booking.web.ManifestController.ManifestView;
import ru.promtour.booking.booking.web.ManifestController.VisitorView;

import static org.assertj.core.api.Assertions.assertThat;

/** The manifest CSV keeps every would-be formula a text cell, and everything else as it is. */
class ManifestCsvTest {

    @ParameterizedTest
    @ValueSource(strings = {"=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1:A2)", "=1+1\nfoo", "=HYPERLINK(\"http://x\")\r\nbar",
            "\t=cmd", "\r=HYPERLINK(\"http://x\")", "\n=1+1", " =1+1", "\u00a0=1+1", "\u0000=1+1", "\tplain", "\rplain",
            "＝1+1", "＋1"})
    void aCellThatASpreadsheetCouldTakeForAFormulaIsText(String value) {
        assertThat(ManifestCsv.cell(value)).isEqualTo("\"'" + value.replace("\"", "\"\"") + "\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Петров Пётр", "2514 123456", "O'Brien", "a=b", "x\n=1+1", "PT-7K3M9Q", ""})
    void otherCellsAreOnlyQuoted(String value) {
        assertThat(ManifestCsv.cell(value)).isEqualTo("\"" + value.replace("\"", "\"\"") + "\"");
    }

    @Test
    void aRowPerVisitorWithTheFormulaInAMultiLineNameNeutralised() {
        VisitorView visitor = new VisitorView("adult", "ADULT", "=1+1\nfoo", LocalDate.parse("1980-05-01"), "PASSPORT", "2514 123456");
        GroupView group = new GroupView("b-1", "PT-1", "CONFIRMED", "op-1", 1, true, "Иванова Мария", "+79025551234", List.of(visitor));
        ManifestView view = new ManifestView("slot-1", "exc-1", "Завод", Instant.EPOCH, "Europe/Moscow", "PASSPORT",
                Instant.EPOCH, 1, 1, List.of(group));

        assertThat(ManifestCsv.of(view)).isEqualTo(ManifestCsv.HEADER
                + "\"PT-1\",\"CONFIRMED\",\"true\",\"Иванова Мария\",\"'+79025551234\",\"adult\",\"ADULT\",\"'=1+1\nfoo\","
                + "\"1980-05-01\",\"PASSPORT\",\"2514 123456\"\r\n");
    }
}
