package ru.promtour.catalog.octo.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import static com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL;

/**
 * The OCTO response shapes (component schemas of {@code contracts/octo/openapi.yaml}). Fields the spec
 * requires are always written, {@code null} where it allows null; the {@code octo/pricing} fields
 * ({@code NON_NULL}) only when that capability was asked for.
 */
final class OctoJson {

    private OctoJson() {
    }

    record Supplier(String id, String name, String endpoint, Contact contact) {
    }

    record Contact(String website, String email, String telephone, String address) {
    }

    record Capability(String id, int revision, boolean required, List<String> dependencies, String docs) {
    }

    record Product(String id, String internalName, String reference, String locale, String timeZone,
                   boolean allowFreesale, boolean instantConfirmation, boolean instantDelivery,
                   boolean availabilityRequired, String availabilityType, List<String> deliveryFormats,
                   List<String> deliveryMethods, String redemptionMethod, List<Option> options,
                   @JsonInclude(NON_NULL) String defaultCurrency,
                   @JsonInclude(NON_NULL) List<String> availableCurrencies,
                   @JsonInclude(NON_NULL) String pricingPer,
                   @JsonInclude(NON_NULL) List<RouteLeg> legs) {
    }

    /**
     * A leg of a route product (the platform's extension, in the spirit of {@code octo/packages}): the reseller
     * books the route; each leg is the product {@code productId} at a start inside the local window, at least
     * {@code transferMinutes} after the previous leg's end.
     */
    record RouteLeg(int position, String productId, String title, String enterpriseId, String earliestLocalTime,
                    String latestLocalTime, int transferMinutes, int durationMinutes, String meetingPoint) {
    }

    record Option(String id, @JsonProperty("default") boolean isDefault, String internalName, String reference,
                  List<String> availabilityLocalStartTimes, String cancellationCutoff, int cancellationCutoffAmount,
                  String cancellationCutoffUnit, List<String> requiredContactFields, OptionRestrictions restrictions,
                  List<Unit> units, @JsonInclude(NON_NULL) List<Pricing> pricingFrom) {
    }

    record OptionRestrictions(Integer minUnits, Integer maxUnits) {
    }

    record Unit(String id, String internalName, String reference, String type, UnitRestrictions restrictions,
                List<String> requiredContactFields, @JsonInclude(NON_NULL) List<Pricing> pricingFrom,
                @JsonInclude(NON_NULL) List<Pricing> pricing) {
    }

    record UnitRestrictions(int minAge, int maxAge, boolean idRequired, Integer minQuantity, Integer maxQuantity,
                            int paxCount, List<String> accompaniedBy) {
    }

    /** Amounts in minor units (kopecks); the platform takes no commission, so {@code net} equals {@code retail}. */
    record Pricing(long original, long retail, Long net, String currency, int currencyPrecision,
                   List<Object> includedTaxes) {
    }

    record PricingUnit(String unitId, long original, long retail, Long net, String currency, int currencyPrecision,
                       List<Object> includedTaxes) {
    }

    record Availability(String id, String localDateTimeStart, String localDateTimeEnd, String utcCutoffAt,
                        boolean allDay, boolean available, String status, Integer vacancies, Integer capacity,
                        Integer maxUnits, List<OpeningHours> openingHours,
                        @JsonInclude(NON_NULL) List<PricingUnit> unitPricing,
                        @JsonInclude(NON_NULL) Pricing pricing) {
    }

    record CalendarDay(String localDate, boolean available, String status, Integer vacancies, Integer capacity,
                       List<OpeningHours> openingHours,
                       @JsonInclude(NON_NULL) List<PricingUnit> unitPricingFrom,
                       @JsonInclude(NON_NULL) Pricing pricingFrom) {
    }

    record OpeningHours(String from, String to) {
    }
}
