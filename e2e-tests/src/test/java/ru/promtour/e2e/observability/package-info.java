/** The compose stack's monitoring files (dashboards, alert and recording rules) read as data, and the checks on them. */
package ru.promtour.e2e.observability;
