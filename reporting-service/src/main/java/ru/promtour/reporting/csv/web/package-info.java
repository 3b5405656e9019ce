/** Writes a {@link ru.promtour.reporting.csv.CsvTable} as {@code text/csv}. */
package ru.promtour.reporting.csv.web;
