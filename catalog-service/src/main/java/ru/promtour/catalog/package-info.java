/** Enterprises, excursion programs, slots and their seat inventory; OCTO supplier, products and availability. */
package ru.promtour.catalog;
