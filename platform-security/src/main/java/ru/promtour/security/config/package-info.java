/** Auto-configuration and the {@code platform.security.*} properties. */
package ru.promtour.security.config;
