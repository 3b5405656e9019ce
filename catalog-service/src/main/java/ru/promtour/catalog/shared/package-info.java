/** Small building blocks every feature uses: domain errors and field-level validation. */
package ru.promtour.catalog.shared;
