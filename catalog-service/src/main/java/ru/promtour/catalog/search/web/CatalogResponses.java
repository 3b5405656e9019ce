package ru.promtour.catalog.search.web;

import java.util.List;

import ru.promtour.catalog.enterprise.Enterprise;
import ru.promtour.catalog.excursion.Excursion;
import ru.promtour.catalog.excursion.ExcursionProgram;
import ru.promtour.catalog.excursion.OpeningHours;
import ru.promtour.catalog.search.CatalogSearch;
import ru.promtour.catalog.slot.Slot;
import ru.promtour.catalog.slot.messaging.SlotEvents;

/** What the public catalog shows; never seat holders, versions or internal state. */
final class CatalogResponses {

    static final String CURRENCY = "RUB";

    private CatalogResponses() {
    }

    /** A text in Russian with its optional English version. */
    record Text(String ru, String en) {
    }

    /** An amount in kopecks. */
    record Price(long amount, String currency) {
        static Price rub(long kopecks) {
            return new Price(kopecks, CURRENCY);
        }
    }

    /** Where the excursion takes place. */
    record PublicEnterprise(String id, String name, String region, String city, String address,
                            Enterprise.Coordinates coordinates, String industry, String timeZone) {
        static PublicEnterprise of(Enterprise e) {
            return new PublicEnterprise(e.id(), e.name(), e.region(), e.city(), e.address(), e.coordinates(),
                    e.industry(), e.timeZone());
        }
    }

    /**
     * A bookable slot: {@code start} is local with offset (OCTO style) in {@code timeZone}. A day of an opening-hours
     * program is {@code allDay} with its {@code openingHours} (its start is the first opening time, {@code available}
     * the day's free seats); a start time has none.
     */
    record NextSlot(String id, String start, String timeZone, int available, boolean allDay,
                    List<OpeningHours.TimeRange> openingHours) {
        static NextSlot of(Slot s) {
            return new NextSlot(s.id(), SlotEvents.LOCAL.format(s.localStart()), s.timeZone(), s.available(),
                    s.allDay(), hours(s));
        }
    }

    private static List<OpeningHours.TimeRange> hours(Slot s) {
        return s.openingHours() == null ? List.of() : s.openingHours();
    }

    /** One search result, with the site rules (PPE, documents, …) a visitor should know before choosing it. */
    record Item(String id, Text title, PublicEnterprise enterprise, int durationMinutes, List<String> languages,
                int minAge, String bookingMode, String availabilityType, Price priceFrom, List<NextSlot> nextSlots,
                ExcursionProgram.Rules rules) {
        static Item of(CatalogSearch.Match m) {
            ExcursionProgram p = m.excursion().program();
            return new Item(m.excursion().id(), new Text(p.title(), p.titleEn()), PublicEnterprise.of(m.enterprise()),
                    p.durationMinutes(), p.languages(), p.minAge(), p.bookingMode().name(), p.availabilityType().name(),
                    Price.rub(CatalogSearch.priceFrom(p)), m.nextSlots().stream().map(NextSlot::of).toList(), p.rules());
        }
    }

    /** One page of results. */
    record Page(List<Item> items, int page, int size, long total) {
    }

    /** A priced kind of visitor. */
    record UnitPrice(String id, String type, Integer minAge, Integer maxAge, Price price,
                     Integer freeAccompanyingPerChildren) {
        static UnitPrice of(ExcursionProgram.Unit u) {
            return new UnitPrice(u.id(), u.type().name(), u.minAge(), u.maxAge(), Price.rub(u.price()),
                    u.freeAccompanyingPerChildren());
        }
    }

    /**
     * A slot of the coming days: {@code status} AVAILABLE, SOLD_OUT or CLOSED (also after the booking cut-off); a day
     * of an opening-hours program with {@code allDay} and the day's {@code openingHours}.
     */
    record SlotAvailability(String id, String start, String timeZone, int available, String status, boolean allDay,
                            List<OpeningHours.TimeRange> openingHours) {
        static SlotAvailability of(CatalogSearch.Availability a) {
            Slot s = a.slot();
            return new SlotAvailability(s.id(), SlotEvents.LOCAL.format(s.localStart()), s.timeZone(), s.available(),
                    a.status().name(), s.allDay(), hours(s));
        }
    }

    /** The enterprise on the detail page, with its public contacts. */
    record EnterpriseDetail(String id, String name, String region, String city, String address,
                            Enterprise.Coordinates coordinates, String industry, String timeZone, String description,
                            Enterprise.Contacts contacts) {
        static EnterpriseDetail of(Enterprise e) {
            return new EnterpriseDetail(e.id(), e.name(), e.region(), e.city(), e.address(), e.coordinates(),
                    e.industry(), e.timeZone(), e.description(), e.contacts());
        }
    }

    /** The public program with the availability of the next {@value CatalogSearch#DETAIL_DAYS} days. */
    record Detail(String id, Text title, Text description, EnterpriseDetail enterprise, int durationMinutes,
                  List<String> languages, int minAge, String bookingMode, String availabilityType, String meetingPoint,
                  ExcursionProgram.Rules rules, List<UnitPrice> units, int minUnits, int maxUnits,
                  int bookingCutoffHours, int cancellationCutoffHours, Price priceFrom,
                  List<SlotAvailability> availability) {
        static Detail of(CatalogSearch.Detail d) {
            Excursion e = d.excursion();
            ExcursionProgram p = e.program();
            return new Detail(e.id(), new Text(p.title(), p.titleEn()), new Text(p.description(), p.descriptionEn()),
                    EnterpriseDetail.of(d.enterprise()), p.durationMinutes(), p.languages(), p.minAge(),
                    p.bookingMode().name(), p.availabilityType().name(), p.meetingPoint(), p.rules(), p.units().stream().map(UnitPrice::of).toList(),
                    p.minUnits(), p.maxUnits(), p.bookingCutoffHours(), p.cancellationCutoffHours(),
                    Price.rub(CatalogSearch.priceFrom(p)), d.availability().stream().map(SlotAvailability::of).toList());
        }
    }
}
