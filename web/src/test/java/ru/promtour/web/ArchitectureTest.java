package ru.promtour.web;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The web module owns no data and has one way out (ADR 0008): only {@code gateway/} makes HTTP calls, and nothing here
 * touches a database or the broker. The page areas (guide, console, admin) do not reach into each other.
 */
@AnalyzeClasses(packages = "ru.promtour.web", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule onlyTheGatewayClientCallsOut = noClasses()
        .that().resideOutsideOfPackage("..web.gateway..")
        .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web.client..", "java.net.http..")
        .allowEmptyShould(true);

    @ArchTest
    static final ArchRule noStoreNoBroker = noClasses()
        .should().dependOnClassesThat().resideInAnyPackage("org.springframework.data..", "com.mongodb..",
                "org.apache.kafka..", "org.springframework.kafka..")
        .allowEmptyShould(true);

    @ArchTest
    static final ArchRule theGuideKnowsNoConsole = noClasses()
        .that().resideInAPackage("..web.guide..")
        .should().dependOnClassesThat().resideInAnyPackage("..web.console..", "..web.admin..")
        .allowEmptyShould(true);

    @ArchTest
    static final ArchRule theConsoleAndTheAdminPagesAreApart = noClasses()
        .that().resideInAPackage("..web.console..")
        .should().dependOnClassesThat().resideInAnyPackage("..web.admin..", "..web.guide..")
        .allowEmptyShould(true);
}
