package ru.promtour.reporting;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Kafka types stay in messaging/ (and config/ wiring), HTTP types stay in web/ (style.md). */
@AnalyzeClasses(packages = "ru.promtour.reporting", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule kafkaOnlyInMessaging = noClasses()
        .that().resideOutsideOfPackages("..messaging..", "..config..")
        .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..")
        .allowEmptyShould(true);

    @ArchTest
    static final ArchRule httpOnlyInWeb = noClasses()
        .that().resideOutsideOfPackages("..web..", "..config..")
        .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "org.springframework.http..", "jakarta.servlet..")
        .allowEmptyShould(true);
}
