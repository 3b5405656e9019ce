package ru.promtour.web.console;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.validation.BeanPropertyBindingResult;

import static org.assertj.core.api.Assertions.assertThat;

/** Rubles as people type them, and the catalog's field names mapped back onto the form. */
class ProgramFormTest {

    private static Long kopecks(String typed) {
        ProgramForm form = new ProgramForm();
        return ProgramForm.kopecks("adultPrice", typed, true, new BeanPropertyBindingResult(form, "form"));
    }

    @Test
    void rublesWithCommaPointOrSpacesBecomeKopecks() {
        assertThat(kopecks("900")).isEqualTo(90_000L);
        assertThat(kopecks("900,50")).isEqualTo(90_050L);
        assertThat(kopecks("900.5")).isEqualTo(90_050L);
        assertThat(kopecks("1 200")).isEqualTo(120_000L);
        assertThat(kopecks("0")).isZero();
    }

    @Test
    void aPriceThatIsNotRublesIsAFieldErrorNotANumber() {
        for (String wrong : List.of("девятьсот", "-5", "1,005", "1e3", "2000000", "")) {
            ProgramForm form = new ProgramForm();
            BeanPropertyBindingResult errors = new BeanPropertyBindingResult(form, "form");
            assertThat(ProgramForm.kopecks("adultPrice", wrong, true, errors)).as(wrong).isNull();
            assertThat(errors.hasFieldErrors("adultPrice")).as(wrong).isTrue();
        }
    }

    @Test
    void anEmptyChildPriceMeansNoChildUnit() {
        ProgramForm form = new ProgramForm();
        form.setChildPrice(" ");
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(form, "form");

        Map<String, Object> body = form.toRequest(Map.of(), errors);

        assertThat(errors.hasErrors()).isFalse();
        assertThat((List<?>) body.get("units")).hasSize(1);
    }

    @Test
    void theCatalogsFieldNamesAreShownOnTheFormsFields() {
        assertThat(ProgramForm.formField("title")).isEqualTo("titleRu");
        assertThat(ProgramForm.formField("rules.documents")).isEqualTo("documents");
        assertThat(ProgramForm.formField("units[0].price")).isEqualTo("adultPrice");
        assertThat(ProgramForm.formField("units[1].maxAge")).isEqualTo("childMaxAge");
        assertThat(ProgramForm.formField("languages[0]")).isEqualTo("languages");
        assertThat(ProgramForm.formField("openingHours")).isNull();
    }

    @Test
    void aProgramReadBackFillsTheFormInRubles() {
        ProgramForm form = ProgramForm.of(Map.of("title", "Зефир", "units", List.of(
            Map.of("id", "adult", "type", "ADULT", "price", 90_000),
            Map.of("id", "child", "type", "CHILD", "minAge", 7, "maxAge", 17, "price", 50_050)),
            "rules", Map.of("documents", "PASSPORT", "photoAllowed", true)));

        assertThat(form.getTitleRu()).isEqualTo("Зефир");
        assertThat(form.getAdultPrice()).isEqualTo("900");
        assertThat(form.getChildPrice()).isEqualTo("500,50");
        assertThat(form.getChildMaxAge()).isEqualTo(17);
        assertThat(form.getDocuments()).isEqualTo("PASSPORT");
        assertThat(form.isPhotoAllowed()).isTrue();
    }

    @Test
    void aLanguageTheFormDoesNotUsuallyOfferIsOfferedSoAnEditKeepsIt() {
        ProgramForm form = ProgramForm.of(Map.of("languages", List.of("ru", "it")));

        assertThat(form.getLanguageOptions()).containsExactly("ru", "en", "de", "fr", "zh", "it");
        assertThat(form.getLanguages()).containsExactly("ru", "it");
    }
}
