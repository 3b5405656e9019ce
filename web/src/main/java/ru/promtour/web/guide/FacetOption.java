package ru.promtour.web.guide;

/**
 * One choice of a search select: the code the API knows, the name shown, and how many programmes have it (0 for a
 * chosen value the catalog no longer lists, kept so the form shows what was asked).
 */
public record FacetOption(String code, String label, long count) {
}
