/** Tourist-flow analytics for the regional office and each enterprise: visitors, fill rate, lead time, cancellations. */
package ru.promtour.reporting.analytics;
