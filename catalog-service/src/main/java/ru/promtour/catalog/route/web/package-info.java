/** The route API for operators and the admin (enterprises read the routes that include their programs). */
package ru.promtour.catalog.route.web;
