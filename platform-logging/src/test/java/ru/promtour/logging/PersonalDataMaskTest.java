package ru.promtour.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PersonalDataMaskTest {

    @Test
    void emailKeepsTheFirstCharacterAndTheDomain() {
        assertThat(PersonalDataMask.mask("contact m.ivanova@school42.example confirmed"))
            .isEqualTo("contact m***@school42.example confirmed");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "+7 902 123-45-34|+7902*****34",
        "+7 (902) 123-45-34|+7902*****34",
        "+7(902)123-45-34|+7902*****34",
        "+79021234534|+7902*****34",
        "8 (902) 123 45 34|+7902*****34",
        "8-902-123-45-34|+7902*****34",
        "89021234534|+7902*****34",
        "8 4842 12-34-56|+7484*****56",
        "+7-902-123-45-34|+7902*****34",
    })
    void russianPhonesInEveryWritingAreMaskedToOneForm(String phone, String masked) {
        assertThat(PersonalDataMask.mask("позвонить " + phone + ", спросить")).isEqualTo("позвонить " + masked + ", спросить");
    }

    @Test
    void anInternationalNumberKeepsItsFirstFourAndLastTwoDigits() {
        assertThat(PersonalDataMask.mask("call +49 30 1234 5678")).isEqualTo("call +4930******78");
    }

    @Test
    void everyMatchInALineIsMaskedAmongCyrillicText() {
        String line = "Бронирование PT-TYGXCZ: контакт Мария (maria.petrova@школа.рф, +7 916 555-12-99), "
                + "запасной ivan@mail.example / 8(903)7771122.";
        assertThat(PersonalDataMask.mask(line)).isEqualTo(
                "Бронирование PT-TYGXCZ: контакт Мария (m***@школа.рф, +7916*****99), "
                + "запасной i***@mail.example / +7903*****22.");
    }

    @Test
    void aTextAtTheEdgesIsMasked() {
        assertThat(PersonalDataMask.mask("89021234534")).isEqualTo("+7902*****34");
        assertThat(PersonalDataMask.mask("a@b.ru")).isEqualTo("a***@b.ru");
    }

    @Test
    void aLineWithoutPersonalDataIsReturnedAsIs() {
        String line = "slot 7f3c created";
        assertThat(PersonalDataMask.mask(line)).isSameAs(line);
        assertThat(PersonalDataMask.mask(null)).isNull();
        assertThat(PersonalDataMask.mask("")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "booking 3f8a9c02-8123-4567-8901-234567890123 held",
        "booking id 81234567-8901-4234-8567-890123456789",
        "booking PT-TYGXCZ confirmed",
        "at 2026-12-05T08:00:00.123+03:00 and 2026-12-05 18:45:30",
        "slot slot-2026-12-05-0800-1 of excursion exc-89021234",
        "price 8 500.00 RUB, total 18900.50, 89.90",
        "listening on localhost:8080, kafka 127.0.0.1:9092, mongodb://localhost:27017",
        "trace 0af7651916cd43dd8448eb211c80319c span b7ad6b7169203331",
        "81234567890abcdef0123456789abcde",
        "trace 81234567890abcdef0123456789abcde",
        "booking 81234567-890a-4bcd-8ef0-123456789abc",
        "offset 1234567890123 epoch 1764921234567",
        "version org.apache.kafka@4.1.2 and spring-boot@4.0.9",
        "key=ABC-8902123453",
        "order no. 7-902-123-45-34",
    })
    void idsTimestampsPricesAndPortsAreNotMasked(String line) {
        assertThat(PersonalDataMask.mask(line)).isEqualTo(line);
    }

    @Test
    void aLongerDigitRunIsNotTakenForAPhone() {
        String line = "card 8902123453412 and 8-902-123-45-34-56";
        assertThat(PersonalDataMask.mask(line)).isEqualTo(line);
    }
}
