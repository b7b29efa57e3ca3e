package com.todoapi.local.template;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reads the project's real template.yaml, the one every deploy uses. */
class TemplateTest {
    private final Template template = Template.load(Path.of("..", "template.yaml"));

    @Test
    void everyFunctionHasARuntimeHandlerAndPackageFolder() {
        assertThat(template.functions()).isNotEmpty().allSatisfy(f -> {
            assertThat(f.runtime()).isEqualTo("java21");
            assertThat(f.handler()).contains("::handleRequest");
            assertThat(f.codeUri().toString()).contains("functions");
        });
    }

    @Test
    void healthIsRoutedWithItsEnvironmentAndGlobals() {
        FunctionSpec health = template.function("HealthFunction");
        assertThat(health.routes()).extracting(HttpRoute::routeKey).containsExactly("GET /health");
        assertThat(health.timeoutSeconds()).isEqualTo(5);
        assertThat(health.memorySizeMb()).isEqualTo(1024);
        assertThat(health.environment()).containsKeys("TABLE_NAME", "CHAT_QUEUE_URL", "JAVA_TOOL_OPTIONS");
        assertThat(health.environment().get("TABLE_NAME")).isEqualTo(Map.of("Ref", "TodoTable"));
    }

    @Test
    void everyFunctionIsPublishedWithSnapStart() throws Exception {
        Map<String, Object> root = TemplateYaml.read(Path.of("..", "template.yaml"));
        Map<String, Object> globals = Yaml.map(Yaml.map(root.get("Globals")).get("Function"));
        assertThat(Yaml.map(globals.get("SnapStart")).get("ApplyOn")).isEqualTo("PublishedVersions");
        assertThat(globals.get("AutoPublishAlias")).isEqualTo("live");
        Yaml.map(root.get("Resources")).forEach((id, resource) -> {
            if ("AWS::Serverless::Function".equals(Yaml.map(resource).get("Type"))) {
                assertThat(Yaml.map(Yaml.map(resource).get("Properties"))).as(id).doesNotContainKeys("SnapStart", "AutoPublishAlias");
            }
        });
    }

    @Test
    void theChatQueueRedrivesToItsDeadLetterQueue() {
        QueueSpec chat = template.queues().stream().filter(q -> q.logicalId().equals("ChatQueue")).findFirst().orElseThrow();
        assertThat(chat.deadLetterQueue()).hasValue("ChatDeadLetterQueue");
        assertThat(chat.maxReceiveCount()).isEqualTo(3);
    }

    @Test
    void resolvesIntrinsicsAgainstLocalResources() {
        Intrinsics.Resolver resolver = new Intrinsics.Resolver() {
            @Override
            public String ref(String name) {
                return "ref:" + name;
            }

            @Override
            public String getAtt(String logicalId, String attribute) {
                return "att:" + logicalId + "." + attribute;
            }
        };
        assertThat(Intrinsics.resolve(Map.of("Fn::Sub", "x-${Stage}-${Q.Arn}-${!Literal}"), resolver))
                .isEqualTo("x-ref:Stage-att:Q.Arn-${Literal}");
        assertThat(Intrinsics.resolve(Map.of("Fn::Join", java.util.List.of("/", java.util.List.of("a", Map.of("Ref", "B")))), resolver))
                .isEqualTo("a/ref:B");
        assertThat(Intrinsics.resolve(Map.of("Ref", "AWS::NoValue"), resolver)).isNull();
        assertThatThrownBy(() -> Intrinsics.resolve(Map.of("Fn::If", "x"), resolver)).hasMessageContaining("Fn::If is not supported");
    }
}
