/** A clock tests move by hand, to stand in for the application's {@code Clock} bean. */
package ru.promtour.test.time;
