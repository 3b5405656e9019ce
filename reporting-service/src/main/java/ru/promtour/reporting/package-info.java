/** reporting-service: settlement statements and tourist-flow analytics, projected from booking and catalog events. */
package ru.promtour.reporting;
