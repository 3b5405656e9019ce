package ru.promtour.reporting.settlement.web;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import ru.promtour.reporting.csv.CsvTable;
import ru.promtour.reporting.settlement.Party;
import ru.promtour.reporting.settlement.Statement;
import ru.promtour.reporting.settlement.StatementLine;

/**
 * A statement as a table for the accountants: a row per line, a subtotal row per counterparty and a grand total,
 * money in kopecks; one units column per unit type the statement holds.
 */
final class StatementCsv {

    private StatementCsv() {
    }

    static CsvTable of(Statement statement) {
        boolean operator = statement.party().type() == Party.Type.OPERATOR;
        List<String> types = new ArrayList<>(new TreeSet<>(statement.groups().stream()
                .flatMap(g -> g.lines().stream()).flatMap(l -> l.unitsByType().keySet().stream()).toList()));
        List<String> header = new ArrayList<>(List.of("Месяц", operator ? "ID предприятия" : "ID оператора",
                operator ? "Предприятие" : "Оператор", "Бронирование", "Номер поставщика", "Номер оператора",
                "ID программы", "Программа", "Дата визита", "Вид", "Корректировка за"));
        types.forEach(type -> header.add("Единиц " + type));
        header.addAll(List.of("Единиц всего", "Бронирований", "Сумма брутто, коп.", "Комиссия, коп.", "Нетто, коп.",
                "Валюта"));
        List<List<?>> rows = new ArrayList<>();
        for (Statement.Group group : statement.groups()) {
            Statement.Counterparty c = group.counterparty();
            for (StatementLine line : group.lines()) {
                List<Object> row = new ArrayList<>(List.of(statement.month(), c.id(), text(c.name()),
                        line.bookingId(), text(line.supplierReference()), text(line.resellerReference()),
                        text(line.programId()), text(line.programTitle()), text(line.visitDate()), line.kind(),
                        text(line.adjustmentOf())));
                types.forEach(type -> row.add(line.unitsByType().getOrDefault(type, 0)));
                row.addAll(List.of(line.units(), "", line.gross(), line.commission(), line.net(), line.currency()));
                rows.add(row);
            }
            rows.add(total(statement, c.id(), text(c.name()), "Итого по контрагенту", types.size(), group.subtotal()));
        }
        rows.add(total(statement, "", "", "Итого", types.size(), statement.totals()));
        return new CsvTable("statement-" + statement.party().id() + "-" + statement.month() + ".csv", header, rows);
    }

    private static List<Object> total(Statement statement, String id, String name, String label, int typeColumns,
                                      Statement.Totals totals) {
        List<Object> row = new ArrayList<>(List.of(statement.month(), id, name, label, "", "", "", "", "", "", ""));
        for (int i = 0; i < typeColumns; i++) {
            row.add("");
        }
        row.addAll(List.of(totals.units(), totals.bookings(), totals.gross(), totals.commission(), totals.net(),
                statement.currency()));
        return row;
    }

    /** {@code List.of} takes no nulls; an empty cell is what a missing value is in a spreadsheet. */
    private static String text(String value) {
        return value == null ? "" : value;
    }
}
