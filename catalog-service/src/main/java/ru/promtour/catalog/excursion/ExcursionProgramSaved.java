package ru.promtour.catalog.excursion;

/**
 * A program was saved (a PUT, in any status), published in-process right after its write: the slots follow its
 * booking cut-off ({@code slot.SlotCutoffs}), so this package needs no knowledge of slots.
 */
public record ExcursionProgramSaved(String excursionId, ExcursionProgram program) {
}
