package ru.promtour.test.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.ImportSelector;
import org.springframework.core.type.AnnotationMetadata;

/** Picks, per server, the configuration that matches where {@link TestInfrastructure} gets it from. */
class TestInfrastructureSelector implements ImportSelector {

    private static final String CONFIGURATIONS = TestInfrastructureConfigurations.class.getName();

    @Override
    public String[] selectImports(AnnotationMetadata metadata) {
        Map<String, Object> attributes = metadata.getAnnotationAttributes(ImportTestInfrastructure.class.getName());
        boolean kafka = attributes == null || (Boolean) attributes.get("kafka");
        boolean mongo = attributes == null || (Boolean) attributes.get("mongo");
        TestInfrastructure infra = TestInfrastructure.get();
        List<String> imports = new ArrayList<>();
        if (kafka) {
            imports.add(CONFIGURATIONS + (infra.kafkaMode() == TestInfrastructure.Mode.TESTCONTAINERS
                    ? "$KafkaContainerConnection" : "$KafkaConnection"));
        }
        if (mongo) {
            imports.add(CONFIGURATIONS + (infra.mongoMode() == TestInfrastructure.Mode.TESTCONTAINERS
                    ? "$MongoContainerConnection" : "$MongoConnection"));
        }
        return imports.toArray(String[]::new);
    }
}
