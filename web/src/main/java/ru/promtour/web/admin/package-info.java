/** The regional office's pages: enterprises, tour operators, API keys, staff invitations and tourist-flow analytics. */
package ru.promtour.web.admin;
