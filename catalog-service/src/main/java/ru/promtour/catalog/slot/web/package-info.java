/** The slot and schedule API for enterprises. */
package ru.promtour.catalog.slot.web;
