/** Day routes of tour operators: programs of one region visited in order, with time windows and transfers. */
package ru.promtour.catalog.route;
