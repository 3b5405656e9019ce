package ru.promtour.gateway.instances;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.client.discovery.simple.InstanceProperties;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.support.DefaultConversionService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InstanceUriTest {

    private final DefaultConversionService conversions = conversions();

    private static DefaultConversionService conversions() {
        DefaultConversionService service = new DefaultConversionService();
        service.addConverter(new InstanceUri());
        return service;
    }

    @SuppressWarnings("unchecked")
    private List<InstanceProperties> instances(String setting) {
        return (List<InstanceProperties>) conversions.convert(setting, TypeDescriptor.valueOf(String.class),
                TypeDescriptor.collection(List.class, TypeDescriptor.valueOf(InstanceProperties.class)));
    }

    @Test
    void oneUrlIsOneInstanceAsBefore() {
        List<InstanceProperties> instances = instances("http://localhost:8082");

        assertThat(instances).singleElement().satisfies(instance -> {
            assertThat(instance.getHost()).isEqualTo("localhost");
            assertThat(instance.getPort()).isEqualTo(8082);
            assertThat(instance.isSecure()).isFalse();
            assertThat(instance.getInstanceId()).isEqualTo("localhost:8082");
            assertThat(instance.getUri()).isEqualTo(URI.create("http://localhost:8082"));
        });
    }

    @Test
    void aCommaSeparatedListIsOneInstanceEachInItsOrder() {
        List<InstanceProperties> instances = instances("http://localhost:8082, http://localhost:18082 ,https://booking-3/");

        assertThat(instances).extracting(InstanceProperties::getInstanceId)
            .containsExactly("localhost:8082", "localhost:18082", "booking-3:443");
        assertThat(instances.get(2).isSecure()).isTrue();
    }

    @Test
    void aUrlWithoutPortTakesTheSchemesPort() {
        assertThat(instances("http://web").get(0).getPort()).isEqualTo(80);
    }

    @Test
    void aUrlThatCannotNameAnInstanceIsRefusedWithTheValue() {
        for (String bad : List.of("localhost:8082", "ftp://host:21", "http://host:8082/api", "http://ho st:1")) {
            assertThatThrownBy(() -> instances("http://localhost:8081," + bad))
                .isInstanceOf(ConversionFailedException.class)
                .rootCause().hasMessageContaining(bad.strip());
        }
    }
}
