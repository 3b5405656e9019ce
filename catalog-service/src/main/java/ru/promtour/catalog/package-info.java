/** Enterprises, excursion programs, slots and day routes; availability from the seat ledger's events; OCTO supplier, products and availability. */
package ru.promtour.catalog;
