package ru.promtour.reporting.analytics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import ru.promtour.reporting.analytics.Reports.CancellationsRow;
import ru.promtour.reporting.analytics.Reports.FillRateRow;
import ru.promtour.reporting.analytics.Reports.LeadTimeRow;
import ru.promtour.reporting.analytics.Reports.Report;
import ru.promtour.reporting.analytics.Reports.TopProgramRow;
import ru.promtour.reporting.analytics.Reports.VisitorsRow;
import ru.promtour.reporting.csv.CsvTable;

/** The analytics as spreadsheets: the same rows as the JSON (a name not known: an empty cell), the total last. */
public final class ReportTables {

    private ReportTables() {
    }

    public static CsvTable visitors(Report<VisitorsRow> r) {
        return table(r, List.of("Группа", "Название", "Бронирований", "Мест", "Посетили", "Ожидаются", "Детей",
                "Взрослых", "Школьных групп", "Неявок"),
                v -> Arrays.asList(v.key(), v.label(), v.bookings(), v.units(), v.visitors(), v.expectedVisitors(),
                        v.children(), v.adults(), v.schoolGroups(), v.noShows()));
    }

    public static CsvTable fillRate(Report<FillRateRow> r) {
        return table(r, List.of("Группа", "Название", "Слотов", "Вместимость", "Продано", "Заполняемость"),
                v -> Arrays.asList(v.key(), v.label(), v.slots(), v.capacity(), v.sold(), v.fillRate()));
    }

    public static CsvTable leadTime(Report<LeadTimeRow> r) {
        return table(r, List.of("Группа", "Название", "Бронирований", "Среднее, дней", "Медиана, дней",
                "90-й перцентиль, дней", "0-7 дней", "8-30 дней", "31-90 дней", "более 90 дней"),
                v -> Arrays.asList(v.key(), v.label(), v.bookings(), v.averageDays(), v.medianDays(), v.p90Days(),
                        v.buckets().get("0-7"), v.buckets().get("8-30"), v.buckets().get("31-90"),
                        v.buckets().get("91+")));
    }

    public static CsvTable cancellations(Report<CancellationsRow> r) {
        return table(r, List.of("Группа", "Название", "Бронирований", "Мест", "Отменено оператором",
                "Из них поздно", "Отменено предприятием", "Отклонено", "Истекло", "Неявок", "Причины неявок"),
                v -> Arrays.asList(v.key(), v.label(), v.bookings(), v.units(), v.cancelledByOperator(),
                        v.lateCancellations(), v.cancelledBySupplier(), v.declined(), v.expired(), v.noShows(),
                        v.noShowCauses().toString()));
    }

    public static CsvTable topPrograms(Report<TopProgramRow> r) {
        return table(r, List.of("Место", "Программа", "Название", "Предприятие", "Название предприятия", "Регион",
                "Отрасль", "Бронирований", "Посетили", "Ожидаются", "Вместимость", "Продано", "Заполняемость"),
                v -> Arrays.asList(v.rank(), v.programId(), v.title(), v.enterpriseId(), v.enterpriseName(), v.region(),
                        v.industry(), v.bookings(), v.visitors(), v.expectedVisitors(), v.capacity(), v.sold(),
                        v.fillRate()));
    }

    private static <R> CsvTable table(Report<R> r, List<String> header, Function<R, List<?>> cells) {
        List<List<?>> rows = new ArrayList<>();
        r.rows().forEach(row -> rows.add(cells.apply(row)));
        if (r.total() != null) {
            rows.add(cells.apply(r.total()));
        }
        return new CsvTable(r.report() + "-" + r.groupBy() + "-" + r.from() + "-" + r.to() + ".csv", header, rows);
    }
}
