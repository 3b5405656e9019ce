/** Services trust only the gateway's signed internal token: verification, tenant roles, shared path rules, error shapes. */
package ru.promtour.security;
