/** Events an excursion program publishes through its outbox. */
package ru.promtour.catalog.excursion.messaging;
