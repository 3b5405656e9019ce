/** Enterprises, excursion programs and slots; availability from the seat ledger's events; OCTO supplier, products and availability. */
package ru.promtour.catalog;
