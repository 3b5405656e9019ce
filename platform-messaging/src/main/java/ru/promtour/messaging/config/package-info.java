/** Spring Boot auto-configuration and the {@code platform.messaging.*} properties. */
package ru.promtour.messaging.config;
