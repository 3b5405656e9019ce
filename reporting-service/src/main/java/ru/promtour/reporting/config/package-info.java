/** Wiring: properties, security rules, indexes. */
package ru.promtour.reporting.config;
