/** A real headless browser (Debian's chromium through chromedriver) for the tests of the web pages. */
package ru.promtour.e2e.browser;
