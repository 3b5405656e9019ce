/** Typed properties, the outbox collections, extra authorization rules and Mongo indexes. */
package ru.promtour.catalog.config;
