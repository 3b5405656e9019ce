package ru.promtour.catalog.excursion;

/** A program is offered to operators and the public only while {@code PUBLISHED}. */
public enum ExcursionStatus {
    DRAFT, PUBLISHED, UNPUBLISHED
}
