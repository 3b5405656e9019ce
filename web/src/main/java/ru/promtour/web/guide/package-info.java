/** The public excursion guide: search the programmes' factory excursions and read one programme, no account needed. */
package ru.promtour.web.guide;
