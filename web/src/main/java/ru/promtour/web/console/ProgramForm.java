package ru.promtour.web.console;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.validation.Errors;

/**
 * The program form as typed (prices in rubles, the title in two languages), turned into the catalog's
 * {@code ExcursionRequest} body and back. Prices are read by hand so a wrong one is a sentence next to its field;
 * the API's own field names are mapped back onto the form's ({@link #formField}).
 */
public class ProgramForm {

    /** The tour languages the form always offers; a program's others are offered too ({@link #getLanguageOptions}). */
    private static final List<String> LANGUAGES = List.of("ru", "en", "de", "fr", "zh");

    /** Keys of the catalog's answer that a PUT does not take back. */
    private static final List<String> READ_ONLY = List.of("id", "enterpriseId", "status", "version", "createdAt",
            "updatedAt", "publishedAt");

    /** Whole rubles with at most two decimals (the comma already turned into a point). */
    private static final Pattern RUBLES = Pattern.compile("^\\d{1,9}(\\.\\d{1,2})?$");
    /** The catalog takes at most 100 000 000 kopecks a unit. */
    private static final BigDecimal MAX_RUBLES = BigDecimal.valueOf(1_000_000);

    private String titleRu;
    private String titleEn;
    private String description;
    private Integer durationMinutes = 90;
    private List<String> languages = new ArrayList<>(List.of("ru"));
    private Integer minAge = 0;
    private String bookingMode = "INSTANT";
    private String meetingPoint;
    private String ppe;
    private String dressCode;
    private boolean photoAllowed;
    private String documents = "NONE";
    private String adultPrice = "900";
    private String childPrice = "500";
    private Integer childMinAge = 7;
    private Integer childMaxAge = 17;
    private Integer minUnits = 1;
    private Integer maxUnits = 40;
    private Integer bookingCutoffHours = 24;
    private Integer cancellationCutoffHours = 48;

    /**
     * The request body: {@code base} is the program as the catalog has it (on edit; empty for a new one), so a PUT keeps
     * what this form does not show (English description, accessibility, other units, opening hours). Wrong prices
     * are rejected into {@code errors}; the body is only meant to be sent when there are none.
     */
    public Map<String, Object> toRequest(Map<String, Object> base, Errors errors) {
        Map<String, Object> body = new LinkedHashMap<>(base);
        READ_ONLY.forEach(body::remove);
        body.put("title", trim(titleRu));
        body.put("titleEn", trim(titleEn));
        body.put("description", trim(description));
        body.put("durationMinutes", durationMinutes);
        body.put("languages", languages == null ? List.of() : List.copyOf(languages));
        body.put("minAge", minAge);
        body.put("bookingMode", bookingMode);
        body.put("meetingPoint", trim(meetingPoint));
        Map<String, Object> rules = new LinkedHashMap<>(map(base.get("rules")));
        rules.put("ppe", trim(ppe));
        rules.put("dressCode", trim(dressCode));
        rules.put("photoAllowed", photoAllowed);
        rules.put("documents", documents);
        body.put("rules", rules);
        body.put("units", units(base, errors));
        body.put("minUnits", minUnits);
        body.put("maxUnits", maxUnits);
        body.put("bookingCutoffHours", bookingCutoffHours);
        body.put("cancellationCutoffHours", cancellationCutoffHours);
        return body;
    }

    /** The adult unit, the child unit when it has a price, then any other unit the program already had. */
    private List<Map<String, Object>> units(Map<String, Object> base, Errors errors) {
        List<Map<String, Object>> units = new ArrayList<>();
        Long adult = kopecks("adultPrice", adultPrice, true, errors);
        Map<String, Object> adultUnit = new LinkedHashMap<>();
        adultUnit.put("id", "adult");
        adultUnit.put("type", "ADULT");
        adultUnit.put("price", adult);
        units.add(adultUnit);
        Long child = kopecks("childPrice", childPrice, false, errors);
        if (child != null) {
            Map<String, Object> childUnit = new LinkedHashMap<>();
            childUnit.put("id", "child");
            childUnit.put("type", "CHILD");
            childUnit.put("minAge", childMinAge);
            childUnit.put("maxAge", childMaxAge);
            childUnit.put("price", child);
            units.add(childUnit);
        }
        if (base.get("units") instanceof List<?> existing) {
            for (Object unit : existing) {
                Map<String, Object> other = map(unit);
                if (!"adult".equals(other.get("id")) && !"child".equals(other.get("id"))) {
                    units.add(other);
                }
            }
        }
        return units;
    }

    /** Rubles as typed ({@code 900}, {@code 900,50}, {@code 1 200.5}) in kopecks; null when blank or wrong. */
    static Long kopecks(String field, String rubles, boolean required, Errors errors) {
        String text = rubles == null ? "" : rubles.replace(" ", "").replace(" ", "").replace(',', '.').strip();
        if (text.isEmpty()) {
            if (required) {
                errors.rejectValue(field, "program.error.priceRequired", "Enter a price in rubles");
            }
            return null;
        }
        BigDecimal value = RUBLES.matcher(text).matches() ? new BigDecimal(text) : null;
        if (value == null || value.compareTo(MAX_RUBLES) > 0) {
            errors.rejectValue(field, "program.error.price", "Enter a price in rubles, e.g. 900 or 900,50");
            return null;
        }
        return value.movePointRight(2).longValueExact();
    }

    /** The form filled from the catalog's answer for a program (edit). */
    public static ProgramForm of(Map<String, Object> program) {
        ProgramForm form = new ProgramForm();
        form.titleRu = (String) program.get("title");
        form.titleEn = (String) program.get("titleEn");
        form.description = (String) program.get("description");
        form.durationMinutes = integer(program.get("durationMinutes"));
        form.languages = new ArrayList<>();
        if (program.get("languages") instanceof List<?> given) {
            given.forEach(language -> form.languages.add(String.valueOf(language)));
        }
        form.minAge = integer(program.get("minAge"));
        form.bookingMode = (String) program.get("bookingMode");
        form.meetingPoint = (String) program.get("meetingPoint");
        Map<String, Object> rules = map(program.get("rules"));
        form.ppe = (String) rules.get("ppe");
        form.dressCode = (String) rules.get("dressCode");
        form.photoAllowed = Boolean.TRUE.equals(rules.get("photoAllowed"));
        form.documents = rules.get("documents") == null ? "NONE" : rules.get("documents").toString();
        form.adultPrice = "";
        form.childPrice = "";
        if (program.get("units") instanceof List<?> units) {
            for (Object each : units) {
                Map<String, Object> unit = map(each);
                String price = unit.get("price") instanceof Number n ? ConsoleFormat.rublesText(n.longValue()) : "";
                if ("adult".equals(unit.get("id"))) {
                    form.adultPrice = price;
                }
                else if ("child".equals(unit.get("id"))) {
                    form.childPrice = price;
                    form.childMinAge = integer(unit.get("minAge"));
                    form.childMaxAge = integer(unit.get("maxAge"));
                }
            }
        }
        form.minUnits = integer(program.get("minUnits"));
        form.maxUnits = integer(program.get("maxUnits"));
        form.bookingCutoffHours = integer(program.get("bookingCutoffHours"));
        form.cancellationCutoffHours = integer(program.get("cancellationCutoffHours"));
        return form;
    }

    /**
     * The form field showing an API field ({@code title} → {@code titleRu}, {@code units[0].price} →
     * {@code adultPrice}, {@code rules.ppe} → {@code ppe}); null when the form has no such field.
     */
    static String formField(String apiField) {
        String field = apiField.replaceAll("\\[\\d+]$", "");
        return switch (field) {
            case "title" -> "titleRu";
            case "titleEn", "description", "durationMinutes", "languages", "minAge", "bookingMode", "meetingPoint",
                 "minUnits", "maxUnits", "bookingCutoffHours", "cancellationCutoffHours" -> field;
            case "rules.ppe" -> "ppe";
            case "rules.dressCode" -> "dressCode";
            case "rules.photoAllowed" -> "photoAllowed";
            case "rules.documents" -> "documents";
            case "units[0].price", "units" -> "adultPrice";
            case "units[1].price" -> "childPrice";
            case "units[1].minAge" -> "childMinAge";
            case "units[1].maxAge" -> "childMaxAge";
            default -> null;
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static Integer integer(Object value) {
        return value instanceof Number n ? n.intValue() : null;
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The usual languages and any other this program has, so an edit never drops one it cannot show. */
    public List<String> getLanguageOptions() {
        Set<String> options = new LinkedHashSet<>(LANGUAGES);
        if (languages != null) {
            options.addAll(languages);
        }
        return List.copyOf(options);
    }

    public String getTitleRu() { return titleRu; }
    public void setTitleRu(String titleRu) { this.titleRu = titleRu; }
    public String getTitleEn() { return titleEn; }
    public void setTitleEn(String titleEn) { this.titleEn = titleEn; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public Integer getDurationMinutes() { return durationMinutes; }
    public void setDurationMinutes(Integer durationMinutes) { this.durationMinutes = durationMinutes; }
    public List<String> getLanguages() { return languages; }
    public void setLanguages(List<String> languages) { this.languages = languages; }
    public Integer getMinAge() { return minAge; }
    public void setMinAge(Integer minAge) { this.minAge = minAge; }
    public String getBookingMode() { return bookingMode; }
    public void setBookingMode(String bookingMode) { this.bookingMode = bookingMode; }
    public String getMeetingPoint() { return meetingPoint; }
    public void setMeetingPoint(String meetingPoint) { this.meetingPoint = meetingPoint; }
    public String getPpe() { return ppe; }
    public void setPpe(String ppe) { this.ppe = ppe; }
    public String getDressCode() { return dressCode; }
    public void setDressCode(String dressCode) { this.dressCode = dressCode; }
    public boolean isPhotoAllowed() { return photoAllowed; }
    public void setPhotoAllowed(boolean photoAllowed) { this.photoAllowed = photoAllowed; }
    public String getDocuments() { return documents; }
    public void setDocuments(String documents) { this.documents = documents; }
    public String getAdultPrice() { return adultPrice; }
    public void setAdultPrice(String adultPrice) { this.adultPrice = adultPrice; }
    public String getChildPrice() { return childPrice; }
    public void setChildPrice(String childPrice) { this.childPrice = childPrice; }
    public Integer getChildMinAge() { return childMinAge; }
    public void setChildMinAge(Integer childMinAge) { this.childMinAge = childMinAge; }
    public Integer getChildMaxAge() { return childMaxAge; }
    public void setChildMaxAge(Integer childMaxAge) { this.childMaxAge = childMaxAge; }
    public Integer getMinUnits() { return minUnits; }
    public void setMinUnits(Integer minUnits) { this.minUnits = minUnits; }
    public Integer getMaxUnits() { return maxUnits; }
    public void setMaxUnits(Integer maxUnits) { this.maxUnits = maxUnits; }
    public Integer getBookingCutoffHours() { return bookingCutoffHours; }
    public void setBookingCutoffHours(Integer bookingCutoffHours) { this.bookingCutoffHours = bookingCutoffHours; }
    public Integer getCancellationCutoffHours() { return cancellationCutoffHours; }
    public void setCancellationCutoffHours(Integer cancellationCutoffHours) { this.cancellationCutoffHours = cancellationCutoffHours; }
}
