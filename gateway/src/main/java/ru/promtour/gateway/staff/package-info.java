/** People of the platform: staff accounts, their invitations, passwords, sign-in lockout and session tokens. */
package ru.promtour.gateway.staff;
