/** The enterprise console: a staff member's programs, slots, groups, approvals, manifests and messages. */
package ru.promtour.web.console;
