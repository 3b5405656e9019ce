/** Excursion programs: content, rules, units and prices, and their publish lifecycle. */
package ru.promtour.catalog.excursion;
