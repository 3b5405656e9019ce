/** The excursion program API for enterprises. */
package ru.promtour.catalog.excursion.web;
