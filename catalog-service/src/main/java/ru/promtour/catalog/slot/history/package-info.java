/** Imports past slots of a published program from a region's previous registry (admin only, issue 18). */
package ru.promtour.catalog.slot.history;
