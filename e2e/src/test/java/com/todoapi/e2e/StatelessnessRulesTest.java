package com.todoapi.e2e;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.FileOutputStream;
import java.io.FileWriter;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/architecture.md's invariant as build rules over the compiled classes of shared/ and every function:
 * nothing a request leaves behind can reach the next one. The rules are also run against a
 * fixture that breaks each of them, so a rule that stopped seeing anything would fail here too.
 */
@Tag("architecture")
class StatelessnessRulesTest {
    /** What runs in Lambda: shared/ and the functions, not the local runtime or the tests. */
    private static final DescribedPredicate<JavaClass> PRODUCT_CODE = DescribedPredicate.describe(
            "shared and functions", c -> !c.getPackageName().startsWith("com.todoapi.local")
                    && !c.getPackageName().startsWith("com.todoapi.testing")
                    && !c.getPackageName().startsWith("com.todoapi.e2e"));

    /**
     * Types a static final may hold: immutable values, and thread-safe objects that hold nothing of
     * any request (docs/architecture.md: SDK clients, the mapper, schemas, the JWT processor, config).
     */
    private static final Set<String> ALLOWED_STATIC_TYPES = Set.of(
            "java.lang.String", "java.lang.Integer", "java.lang.Long", "java.lang.Boolean", "java.lang.Double",
            "java.time.Duration", "java.time.format.DateTimeFormatter", "java.util.regex.Pattern",
            "com.fasterxml.jackson.databind.ObjectMapper", "com.fasterxml.jackson.databind.ObjectReader",
            "com.fasterxml.jackson.core.type.TypeReference",
            "software.amazon.awssdk.enhanced.dynamodb.TableSchema",
            // The project's own: immutable by construction, or stateless strategies.
            "com.todoapi.agent.builtin.Patterns", "com.todoapi.tasks.VersionMatch",
            "com.todoapi.aws.dynamodb.Backoff", "com.todoapi.jobs.JobQueue", "com.todoapi.conversations.ReplyPoll",
            "com.todoapi.agent.model.Usage", "com.todoapi.live.LivePublisher", "com.todoapi.live.ConnectionCloser",
            "com.todoapi.live.ConnectionMessenger", "com.todoapi.tasks.TaskListener");

    private static final Set<String> FILE_WRITES = Set.of("write", "writeString", "newOutputStream",
            "newBufferedWriter", "createFile", "createDirectory", "createDirectories", "createTempFile",
            "createTempDirectory", "createLink", "createSymbolicLink", "copy", "move", "delete", "deleteIfExists",
            "setAttribute", "setLastModifiedTime", "setPosixFilePermissions");

    static List<ArchRule> rules() {
        return List.of(
                fields().that().areStatic().and().doNotHaveModifier(JavaModifier.SYNTHETIC).should().beFinal()
                        .because("a static that can change outlives the request that changed it"),
                fields().that().areStatic().and().areFinal().and().doNotHaveModifier(JavaModifier.SYNTHETIC)
                        .should(holdAnAllowedType())
                        .because("a static final collection, array or builder is state shared by every request"),
                fields().that().areNotStatic().and().areDeclaredInClassesThat().areAssignableTo(RequestStreamHandler.class)
                        .should().beFinal().andShould(notHoldACollectionOrArray())
                        .because("a handler instance serves many requests; what it holds must not change"),
                noClasses().should().callMethodWhere(fileWrite())
                        .orShould().callConstructorWhere(DescribedPredicate.describe("a file output stream, writer or random access file",
                                call -> call.getTargetOwner().isEquivalentTo(FileOutputStream.class)
                                        || call.getTargetOwner().isEquivalentTo(FileWriter.class)
                                        || call.getTargetOwner().isEquivalentTo(RandomAccessFile.class)))
                        .because("a function's disk is not state: the next request may run elsewhere"));
    }

    @Test
    void sharedAndTheFunctionsKeepNoStateBetweenRequests() {
        JavaClasses product = new ClassFileImporter().importPackages("com.todoapi").that(PRODUCT_CODE);
        assertThat(product.stream().map(JavaClass::getName))
                .as("the classes of shared/ and of every function are on the classpath")
                .contains("com.todoapi.lambda.HttpFunction", "com.todoapi.functions.tasks.CreateTaskHandler",
                        "com.todoapi.functions.conversations.PostMessageHandler",
                        "com.todoapi.functions.workers.ChatWorkerHandler", "com.todoapi.functions.health.HealthHandler",
                        "com.todoapi.functions.mcp.McpHandler", "com.todoapi.functions.apikeys.CreateApiKeyHandler")
                .noneMatch(name -> name.startsWith("com.todoapi.local.") || name.startsWith("com.todoapi.e2e."));
        for (ArchRule rule : rules()) {
            rule.check(product);
        }
    }

    @Test
    void eachRuleCatchesTheStatefulFixture() {
        JavaClasses fixture = new ClassFileImporter().importPackages("com.todoapi.e2e.stateful");
        assertThat(fixture).isNotEmpty();
        for (ArchRule rule : rules()) {
            EvaluationResult result = rule.evaluate(fixture);
            assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
        }
    }

    private static ArchCondition<JavaField> holdAnAllowedType() {
        return new ArchCondition<>("hold an immutable or request-independent type") {
            @Override
            public void check(JavaField field, ConditionEvents events) {
                JavaClass type = field.getRawType();
                boolean allowed = type.isPrimitive() || type.isEnum()
                        || ALLOWED_STATIC_TYPES.contains(type.getName());
                if (!allowed) {
                    events.add(SimpleConditionEvent.violated(field, field.getFullName() + " holds a "
                            + type.getName() + ", which is not on the allow-list of immutable types"));
                }
            }
        };
    }

    private static ArchCondition<JavaField> notHoldACollectionOrArray() {
        return new ArchCondition<>("not hold a collection, map or array") {
            @Override
            public void check(JavaField field, ConditionEvents events) {
                JavaClass type = field.getRawType();
                if (type.isArray() || type.isAssignableTo(java.util.Collection.class) || type.isAssignableTo(java.util.Map.class)
                        || type.isAssignableTo(StringBuilder.class)) {
                    events.add(SimpleConditionEvent.violated(field, field.getFullName() + " can change between requests"));
                }
            }
        };
    }

    private static DescribedPredicate<JavaMethodCall> fileWrite() {
        return DescribedPredicate.describe("a java.nio.file.Files write", call ->
                call.getTargetOwner().isEquivalentTo(Files.class) && FILE_WRITES.contains(call.getName()));
    }
}
