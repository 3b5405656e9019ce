/** Public, read-only search of published excursions of active enterprises and their upcoming availability. */
package ru.promtour.catalog.search;
