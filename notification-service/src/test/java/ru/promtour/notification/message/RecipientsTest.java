package ru.promtour.notification.message;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecipientsTest {

    @Test
    void listingsMaskEmailAndPhone() {
        assertThat(Recipients.mask("m.ivanova@school42.example")).isEqualTo("m***@school42.example");
        assertThat(Recipients.mask("+79021231234")).isEqualTo("+7902***1234");
        assertThat(Recipients.mask("+7902")).isEqualTo("***02");
    }

    @Test
    void phonesAreNormalizedToE164OrRejected() {
        assertThat(Recipients.phone("+7 (902) 555-12-34")).contains("+79025551234");
        assertThat(Recipients.phone("89025551234")).contains("+79025551234");
        assertThat(Recipients.phone("555-12")).isEmpty();
        assertThat(Recipients.phone("+0123456789")).isEmpty();
    }

    @Test
    void emailsAreLowerCasedOrRejected() {
        assertThat(Recipients.email(" M.Ivanova@School42.example ")).contains("m.ivanova@school42.example");
        assertThat(Recipients.email("not-an-address")).isEmpty();
        assertThat(Recipients.email("a@b")).isEmpty();
    }
}
