/** How log lines are written: ECS JSON or a readable pattern, both with personal data masked. */
package ru.promtour.logging.format;
