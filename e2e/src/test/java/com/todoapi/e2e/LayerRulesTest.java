package com.todoapi.e2e;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.library.dependencies.Slice;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layers of shared/ and the functions as build rules (docs/architecture.md, "The tree"): the
 * domain, resource, agent and job packages know no AWS type; adapters never call up into services;
 * handlers reach AWS only through {@code wiring}; shared/'s packages, sub-packages included, have no cycle. Each rule is
 * written for a root package, so it runs on the product ({@code com.todoapi}) and on a fixture
 * ({@code com.todoapi.e2e.layered}) laid out the same way that breaks every one of them.
 */
@Tag("architecture")
class LayerRulesTest {
    private static final String FIXTURE = "com.todoapi.e2e.layered";

    static List<ArchRule> rules(String root) {
        String[] awsFree = {root + ".domain..", root + ".tasks..", root + ".profile..", root + ".conversations..", root + ".agent..",
                root + ".chat..", root + ".sweeper..", root + ".jobs..", root + ".health..", root + ".idempotency..",
                root + ".ratelimit..", root + ".pagination..", root + ".mcp..", root + ".apikeys..", root + ".live..",
                root + ".reminders..", root + ".liveaccess.."};
        return List.of(
                noClasses().that().resideInAnyPackage(awsFree)
                        .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "com.amazonaws..")
                        .because("the domain, the resources and the agent are plain Java; AWS lives in adapters"),
                noClasses().that().resideInAPackage(root + ".aws..")
                        .should().dependOnClassesThat(describe("are services",
                                (JavaClass c) -> c.getPackageName().startsWith(root + ".") && c.getSimpleName().endsWith("Service")))
                        .because("a store is called by a service, never the other way round"),
                noClasses().that().resideInAPackage(root + ".functions..")
                        .should().dependOnClassesThat().resideInAnyPackage(root + ".aws..", "software.amazon.awssdk..")
                        .because("handlers get their adapters from wiring, so what they touch in AWS is in one place"),
                // (**): one slice per package, sub-packages included, so agent -> agent.model -> agent is a cycle too
                slices().matching(root + ".(**)").that(describe("are in shared/",
                                (Slice s) -> !s.getNamePart(1).equals("functions") && !s.getNamePart(1).startsWith("functions.")))
                        .should().beFreeOfCycles()
                        .because("a cycle means two packages are one role split in two"));
    }

    @Test
    void theProductKeepsItsLayers() {
        JavaClasses product = new ClassFileImporter().importPackages("com.todoapi")
                .that(describe("shared and functions", (JavaClass c) -> !c.getPackageName().startsWith("com.todoapi.local")
                        && !c.getPackageName().startsWith("com.todoapi.testing")
                        && !c.getPackageName().startsWith("com.todoapi.e2e")
                        && !c.getPackageName().startsWith("com.todoapi.bench")));
        assertThat(product.stream().map(JavaClass::getName))
                .contains("com.todoapi.tasks.TaskService", "com.todoapi.aws.dynamodb.DynamoTaskStore",
                        "com.todoapi.functions.workers.ChatWorkerHandler", "com.todoapi.wiring.Services");
        for (ArchRule rule : rules("com.todoapi")) {
            rule.check(product);
        }
    }

    @Test
    void eachRuleCatchesTheFixtureThatBreaksIt() {
        JavaClasses fixture = new ClassFileImporter().importPackages(FIXTURE);
        assertThat(fixture).isNotEmpty();
        for (ArchRule rule : rules(FIXTURE)) {
            EvaluationResult result = rule.evaluate(fixture);
            assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
        }
    }

    /** The fixture's top-level cycle (chat, jobs) would fail a rule blind to sub-packages too: this one would not. */
    @Test
    void theCycleRuleSeesSubPackages() {
        JavaClasses fixture = new ClassFileImporter().importPackages(FIXTURE + ".agent");
        ArchRule noCycles = rules(FIXTURE).getLast();
        EvaluationResult result = noCycles.evaluate(fixture);
        assertThat(result.hasViolation()).isTrue();
        assertThat(String.join("\n", result.getFailureReport().getDetails()))
                .contains(FIXTURE + ".agent.model.Journal", FIXTURE + ".agent.builtin.Memory", FIXTURE + ".agent.Contract");
    }
}
