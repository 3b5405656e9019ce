/** Events a route publishes through its outbox. */
package ru.promtour.catalog.route.messaging;
