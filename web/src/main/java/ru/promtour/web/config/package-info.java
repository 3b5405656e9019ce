/** Locale switch, security headers and typed settings of the web module. */
package ru.promtour.web.config;
