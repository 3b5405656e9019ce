/**
 * Monthly settlement between operators and enterprises: agreements (commission or net rates), statements priced from
 * the projection, and closed months frozen with adjustment lines for late changes.
 */
package ru.promtour.reporting.settlement;
