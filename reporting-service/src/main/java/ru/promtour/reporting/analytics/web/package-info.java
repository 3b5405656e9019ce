/** {@code /api/v1/analytics/**}: JSON and CSV. */
package ru.promtour.reporting.analytics.web;
