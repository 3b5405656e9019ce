/** OCTO for tour operators: the platform as supplier, published programs as products, slots as availability. */
package ru.promtour.catalog.octo;
