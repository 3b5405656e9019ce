package ru.promtour.catalog.excursion.messaging;

import java.util.List;

import ru.promtour.catalog.enterprise.Enterprise;
import ru.promtour.catalog.excursion.Excursion;
import ru.promtour.catalog.excursion.ExcursionProgram;

/**
 * Event-carried state of a published program: everything booking-service validates against and
 * notification-service tells visitors, so neither has to call the catalog.
 */
public record ExcursionDetails(LocalizedText title, LocalizedText description, EnterpriseInfo enterprise,
                               int durationMinutes, List<String> languages, int minAge, String bookingMode,
                               String meetingPoint, RulesInfo rules, List<UnitInfo> units, int minUnits,
                               int maxUnits, int bookingCutoffHours, int cancellationCutoffHours) {

    /** Russian text, with the English one when the enterprise gave it. */
    public record LocalizedText(String ru, String en) {
    }

    /** @param industry the enterprise's industry code, e.g. {@code CONFECTIONERY} (reporting groups by it) */
    public record EnterpriseInfo(String id, String name, String legalName, String region, String city,
                                 String address, String timeZone, String email, String phone, String industry) {
    }

    public record RulesInfo(String ppe, boolean ppeRequired, String dressCode, boolean photoAllowed,
                            String documents, int manifestLeadDays, String accessibility) {
    }

    /** {@code price} in kopecks (RUB). */
    public record UnitInfo(String id, String type, Integer minAge, Integer maxAge, long price, String currency,
                           Integer freeAccompanyingPerChildren) {
    }

    static ExcursionDetails of(Excursion excursion, Enterprise enterprise) {
        ExcursionProgram p = excursion.program();
        ExcursionProgram.Rules r = p.rules();
        return new ExcursionDetails(
                new LocalizedText(p.title(), p.titleEn()),
                new LocalizedText(p.description(), p.descriptionEn()),
                new EnterpriseInfo(enterprise.id(), enterprise.name(), enterprise.legalName(), enterprise.region(),
                        enterprise.city(), enterprise.address(), enterprise.timeZone(),
                        enterprise.contacts() == null ? null : enterprise.contacts().email(),
                        enterprise.contacts() == null ? null : enterprise.contacts().phone(), enterprise.industry()),
                p.durationMinutes(), p.languages(), p.minAge(), p.bookingMode().name(), p.meetingPoint(),
                new RulesInfo(r.ppe(), r.ppeRequired(), r.dressCode(), r.photoAllowed(), r.documents().name(),
                        r.manifestLeadDays(), r.accessibility()),
                p.units().stream().map(u -> new UnitInfo(u.id(), u.type().name(), u.minAge(), u.maxAge(), u.price(),
                        "RUB", u.freeAccompanyingPerChildren())).toList(),
                p.minUnits(), p.maxUnits(), p.bookingCutoffHours(), p.cancellationCutoffHours());
    }
}
