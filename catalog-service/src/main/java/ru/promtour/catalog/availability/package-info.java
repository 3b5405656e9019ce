/** Announces a slot's OCTO availability once its seats or status changed, for the operators' availability webhooks. */
package ru.promtour.catalog.availability;
