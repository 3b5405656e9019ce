/** CSV export shared by statements and analytics: UTF-8 with BOM, {@code ;}, formula cells neutralised. */
package ru.promtour.reporting.csv;
