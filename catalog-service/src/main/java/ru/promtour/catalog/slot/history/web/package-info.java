/** The admin's history-slot import endpoint. */
package ru.promtour.catalog.slot.history.web;
