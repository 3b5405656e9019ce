/** Visitor manifests of a slot, the ManifestIncomplete warning and the removal of visitors' personal data after the visit. */
package ru.promtour.booking.booking.manifest;
