package ru.promtour.messaging.cloudevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class EventTypesTest {

    record A() {
    }

    record B() {
    }

    @Test
    void mapsTypesToClassesAndBack() {
        EventTypes types = EventTypes.builder().add("x.A.v1", A.class).add("x.B.v1", B.class).build();
        assertThat(types.classFor("x.A.v1")).isEqualTo(A.class);
        assertThat(types.classFor("x.C.v1")).isNull();
        assertThat(types.classFor(null)).isNull();
        assertThat(types.typeOf(B.class)).isEqualTo("x.B.v1");
        assertThat(types.isKnown("x.B.v1")).isTrue();
    }

    @Test
    void mergesContributionsAndRejectsConflicts() {
        EventTypes one = EventTypes.builder().add("x.A.v1", A.class).build();
        EventTypes two = EventTypes.builder().add("x.B.v1", B.class).add("x.A.v1", A.class).build();
        assertThat(EventTypes.merge(List.of(one, two)).asMap()).containsOnlyKeys("x.A.v1", "x.B.v1");
        assertThat(EventTypes.merge(List.of()).asMap()).isEmpty();

        EventTypes conflicting = EventTypes.builder().add("x.A.v1", B.class).build();
        assertThatThrownBy(() -> EventTypes.merge(List.of(one, conflicting)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("x.A.v1");
    }
}
