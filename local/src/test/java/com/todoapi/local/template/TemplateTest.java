package com.todoapi.local.template;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
        assertThatThrownBy(() -> Intrinsics.resolve(Map.of("Fn::If", List.of("C", "a", "b")), resolver))
                .as("a resolver that knows no conditions").hasMessageContaining("Fn::If is not supported");
    }

    @Test
    void everyFunctionLogsToItsOwnGroupKeptForLogRetentionDays() throws Exception {
        Map<String, Object> resources = Yaml.map(TemplateYaml.read(Path.of("..", "template.yaml")).get("Resources"));
        for (FunctionSpec function : template.functions()) {
            Map<String, Object> properties = Yaml.map(Yaml.map(resources.get(function.logicalId())).get("Properties"));
            Object group = Yaml.map(Yaml.map(properties.get("LoggingConfig")).get("LogGroup")).get("Ref");
            assertThat(group).as(function.logicalId() + "'s LoggingConfig.LogGroup").isNotNull();
            assertThat(template.resourceType(group.toString())).hasValue("AWS::Logs::LogGroup");
            Map<String, Object> groupProperties = Yaml.map(Yaml.map(resources.get(group.toString())).get("Properties"));
            assertThat(groupProperties.get("RetentionInDays")).isEqualTo(Map.of("Ref", "LogRetentionDays"));
            assertThat(groupProperties.get("LogGroupName").toString()).contains("/aws/lambda/").contains(function.logicalId());
        }
        assertThat(template.parameterDefault("LogRetentionDays")).hasValue("30");
    }

    @Test
    void theLogLevelLetsTheMetricLinesThrough() throws Exception {
        Map<String, Object> root = TemplateYaml.read(Path.of("..", "template.yaml"));
        Map<String, Object> logging = Yaml.map(Yaml.map(Yaml.map(root.get("Globals")).get("Function")).get("LoggingConfig"));
        assertThat(logging.get("LogFormat")).isEqualTo("JSON");
        assertThat(logging.get("ApplicationLogLevel")).as("EMF lines have no level: Lambda files them as INFO")
                .isIn("TRACE", "DEBUG", "INFO");
    }

    @Test
    void everyFunctionHasErrorAndThrottleAlarmsAndEveryApiFunctionADurationAlarmAtItsOwnTimeout() throws Exception {
        Map<String, Object> resources = Yaml.map(TemplateYaml.read(Path.of("..", "template.yaml")).get("Resources"));
        Pattern divisor = Pattern.compile("/ (\\d+)$");
        for (FunctionSpec function : template.functions()) {
            for (String metric : List.of("Errors", "Throttles")) {
                assertThat(alarmsOn(resources, function.logicalId(), metric)).as(function.logicalId() + " " + metric)
                        .hasSize(1);
            }
            List<Map<String, Object>> duration = alarmsOn(resources, function.logicalId(), "Duration");
            if (function.routes().isEmpty()) {
                continue;
            }
            assertThat(duration).as(function.logicalId() + " duration").hasSize(1);
            String expression = Yaml.list(duration.getFirst().get("Metrics")).stream().map(Yaml::map)
                    .map(q -> q.get("Expression")).filter(java.util.Objects::nonNull).findFirst().orElseThrow().toString();
            Matcher timeout = divisor.matcher(expression);
            assertThat(timeout.find()).as(expression).isTrue();
            assertThat(Integer.parseInt(timeout.group(1))).as(function.logicalId() + "'s timeout in the duration alarm")
                    .isEqualTo(function.timeoutSeconds() * 1000);
        }
    }

    @Test
    void everyDeadLetterQueueHasAnAlarmAndEveryAlarmNotifiesTheTopic() throws Exception {
        Map<String, Object> resources = Yaml.map(TemplateYaml.read(Path.of("..", "template.yaml")).get("Resources"));
        List<String> deadLetterQueues = new java.util.ArrayList<>();
        for (QueueSpec queue : template.queues()) {
            queue.deadLetterQueue().ifPresent(deadLetterQueues::add);
        }
        resources.values().stream().map(Yaml::map)
                .filter(r -> "AWS::Serverless::Function".equals(r.get("Type")))
                .map(r -> Yaml.map(r.get("Properties")))
                .forEach(p -> {
                    getAttTarget(Yaml.map(p.get("DeadLetterQueue")).get("TargetArn")).ifPresent(deadLetterQueues::add);
                    Yaml.map(p.get("Events")).values().forEach(e -> getAttTarget(Yaml.map(Yaml.map(
                            Yaml.map(e).get("Properties")).get("DeadLetterConfig")).get("Arn")).ifPresent(deadLetterQueues::add));
                });
        assertThat(deadLetterQueues).contains("ChatDeadLetterQueue", "CleanupDeadLetterQueue", "SweeperDeadLetterQueue",
                "ReminderDeadLetterQueue");
        for (String dlq : deadLetterQueues) {
            assertThat(resources.values().stream().map(Yaml::map)
                    .filter(r -> "AWS::CloudWatch::Alarm".equals(r.get("Type")))
                    .map(r -> Yaml.map(r.get("Properties")))
                    .filter(p -> "ApproximateNumberOfMessagesVisible".equals(p.get("MetricName")))
                    .anyMatch(p -> p.get("Dimensions").toString().contains(dlq))).as(dlq).isTrue();
        }
        resources.forEach((id, resource) -> {
            if ("AWS::CloudWatch::Alarm".equals(Yaml.map(resource).get("Type"))) {
                Map<String, Object> p = Yaml.map(Yaml.map(resource).get("Properties"));
                assertThat(p.get("AlarmActions")).as(id).isEqualTo(List.of(Map.of("Ref", "AlarmTopic")));
                assertThat(p.get("OKActions")).as(id).isEqualTo(List.of(Map.of("Ref", "AlarmTopic")));
            }
        });
    }

    /** Functions invoked asynchronously (a schedule) keep what fails; the others are invoked synchronously. */
    @Test
    void everyScheduledFunctionHasADeadLetterQueueForLambdaAndForEventBridge() throws Exception {
        Map<String, Object> resources = Yaml.map(TemplateYaml.read(Path.of("..", "template.yaml")).get("Resources"));
        for (FunctionSpec function : template.functions()) {
            Map<String, Object> p = Yaml.map(Yaml.map(resources.get(function.logicalId())).get("Properties"));
            Map<String, Object> dlq = Yaml.map(p.get("DeadLetterQueue"));
            Yaml.map(p.get("Events")).forEach((name, e) -> {
                String type = String.valueOf(Yaml.map(e).get("Type"));
                if (type.equals("Schedule") || type.equals("ScheduleV2")) {
                    assertThat(dlq.get("Type")).as(function.logicalId() + " DeadLetterQueue").isEqualTo("SQS");
                    Object eventDlq = Yaml.map(Yaml.map(Yaml.map(e).get("Properties")).get("DeadLetterConfig")).get("Arn");
                    assertThat(eventDlq).as(function.logicalId() + "." + name + " DeadLetterConfig").isEqualTo(dlq.get("TargetArn"));
                } else {
                    assertThat(type).as(function.logicalId() + "." + name + ": invoked synchronously").isIn("HttpApi", "SQS");
                }
            });
        }
    }

    /** With KmsKeyArn every store of the stack uses it, and every function's role may decrypt with it. */
    @Test
    void theKmsKeyParameterReachesEveryLogGroupTheTableTheSecretTheTopicAndEveryFunction() throws Exception {
        Map<String, Object> root = TemplateYaml.read(Path.of("..", "template.yaml"));
        Map<String, Object> resources = Yaml.map(root.get("Resources"));
        Map<String, Object> keyIfSet = Map.of("Fn::If", List.of("HasKmsKey", Map.of("Ref", "KmsKeyArn"), Map.of("Ref", "AWS::NoValue")));
        assertThat(template.parameterDefault("KmsKeyArn")).hasValue("");
        assertThat(Yaml.map(Yaml.map(root.get("Globals")).get("Function")).get("KmsKeyArn")).isEqualTo(keyIfSet);
        Map<String, String> keyProperty = Map.of("AWS::Logs::LogGroup", "KmsKeyId", "AWS::SecretsManager::Secret", "KmsKeyId",
                "AWS::SNS::Topic", "KmsMasterKeyId");
        resources.forEach((id, r) -> {
            Map<String, Object> resource = Yaml.map(r);
            Map<String, Object> p = Yaml.map(resource.get("Properties"));
            String type = String.valueOf(resource.get("Type"));
            if (keyProperty.containsKey(type)) {
                assertThat(p.get(keyProperty.get(type))).as(id).isEqualTo(keyIfSet);
            } else if (type.equals("AWS::DynamoDB::Table")) {
                assertThat(Yaml.map(p.get("SSESpecification")).get("KMSMasterKeyId")).as(id).isEqualTo(keyIfSet);
            } else if (type.equals("AWS::Serverless::Function")) {
                assertThat(Yaml.list(p.get("Policies"))).as(id + "'s policies").contains(
                        Map.of("Fn::If", List.of("HasKmsKey", Map.of("Ref", "FunctionKmsKeyPolicy"), Map.of("Ref", "AWS::NoValue"))));
            }
        });
        TemplateValues defaults = new TemplateValues(template, new Intrinsics.Resolver() {
            @Override
            public String ref(String name) {
                return template.parameterDefault(name).orElseThrow();
            }

            @Override
            public String getAtt(String logicalId, String attribute) {
                throw new AssertionError(logicalId);
            }
        });
        assertThat(defaults.condition("HasKmsKey")).as("no key by default").isFalse();
        assertThat(defaults.condition("HasReservedConcurrency")).as("no reserved concurrency by default").isFalse();
    }

    /** checkov's skips: each names a check and says why it does not apply (docs/deploy.md lists them). */
    @Test
    void everyCheckovSkipCarriesAComment() throws Exception {
        Map<String, Object> resources = Yaml.map(TemplateYaml.read(Path.of("..", "template.yaml")).get("Resources"));
        int skips = 0;
        for (Map.Entry<String, Object> r : resources.entrySet()) {
            Map<String, Object> checkov = Yaml.map(Yaml.map(Yaml.map(r.getValue()).get("Metadata")).get("checkov"));
            for (Object skip : Yaml.list(checkov.get("skip"))) {
                assertThat(String.valueOf(Yaml.map(skip).get("id"))).as(r.getKey()).matches("CKV2?_AWS_\\d+");
                assertThat(String.valueOf(Yaml.map(skip).get("comment")).length()).as(r.getKey() + " " + skip).isGreaterThan(40);
                skips++;
            }
        }
        assertThat(skips).isPositive();
    }

    private static java.util.Optional<String> getAttTarget(Object value) {
        Object getAtt = Yaml.map(value).get("Fn::GetAtt");
        return getAtt == null ? java.util.Optional.empty() : java.util.Optional.of(String.valueOf(Yaml.list(getAtt).get(0)));
    }

    /** The alarms on a Lambda metric of one function, as a plain metric or inside metric math. */
    private static List<Map<String, Object>> alarmsOn(Map<String, Object> resources, String function, String metric) {
        return resources.values().stream().map(Yaml::map)
                .filter(r -> "AWS::CloudWatch::Alarm".equals(r.get("Type")))
                .map(r -> Yaml.map(r.get("Properties")))
                .filter(p -> {
                    String text = p.toString();
                    return text.contains("MetricName=" + metric + ",") && text.contains("{Ref=" + function + "}");
                })
                .toList();
    }

    @Test
    void theOptionalUserPoolsBrowserClientUsesCodeWithPkceNoSecretAndRotatesRefreshTokens() throws Exception {
        Map<String, Object> root = TemplateYaml.read(Path.of("..", "template.yaml"));
        assertThat(template.parameterDefault("CreateUserPool")).hasValue("false");
        assertThat(template.condition("CreatesUserPool")).hasValue(Map.of("Fn::Equals", List.of(Map.of("Ref", "CreateUserPool"), "true")));
        Map<String, Object> resources = Yaml.map(root.get("Resources"));
        for (String id : List.of("UserPool", "UserPoolBrowserClient", "UserPoolLoginDomain", "UserPoolLoginBranding")) {
            assertThat(Yaml.map(resources.get(id)).get("Condition")).as(id + " exists only with the pool").isEqualTo("CreatesUserPool");
        }
        assertThat(Yaml.map(Yaml.map(resources.get("UserPool")).get("Properties")).get("UsernameAttributes"))
                .as("email sign-in").isEqualTo(List.of("email"));
        Map<String, Object> client = Yaml.map(Yaml.map(resources.get("UserPoolBrowserClient")).get("Properties"));
        assertThat(client.get("GenerateSecret")).as("a public client: a browser keeps no secret").isEqualTo(false);
        assertThat(client.get("AllowedOAuthFlows")).as("the authorization code flow only (with PKCE), no implicit")
                .isEqualTo(List.of("code"));
        assertThat(client.get("AllowedOAuthFlowsUserPoolClient")).isEqualTo(true);
        assertThat(client.get("CallbackURLs")).isEqualTo(Map.of("Ref", "AppCallbackUrls"));
        assertThat(client.get("LogoutURLs")).isEqualTo(Map.of("Ref", "AppLogoutUrls"));
        assertThat(Yaml.map(client.get("RefreshTokenRotation")).get("Feature")).isEqualTo("ENABLED");
        assertThat(Yaml.list(client.get("ExplicitAuthFlows"))).as("rotation refuses REFRESH_TOKEN_AUTH")
                .doesNotContain("ALLOW_REFRESH_TOKEN_AUTH");
        assertThat(client.get("AccessTokenValidity")).isEqualTo(15);
        assertThat(Yaml.map(client.get("TokenValidityUnits")).get("AccessToken")).isEqualTo("minutes");
        Map<String, Object> domain = Yaml.map(Yaml.map(resources.get("UserPoolLoginDomain")).get("Properties"));
        assertThat(domain.get("Domain")).isEqualTo(Map.of("Fn::Sub", "${UserPoolDomainPrefix}"));
        Map<String, Object> outputs = Yaml.map(root.get("Outputs"));
        for (String id : List.of("UserPoolId", "UserPoolClientId", "UserPoolIssuer", "UserPoolLoginUrl")) {
            assertThat(Yaml.map(outputs.get(id)).get("Condition")).as(id).isEqualTo("CreatesUserPool");
        }
    }

    @Test
    void withTheUserPoolOnEveryFunctionTrustsItsIssuerJwksAndClientAndOtherwiseTheJwtParameters() {
        for (FunctionSpec function : template.functions()) {
            Map<String, Object> env = function.environment();
            assertThat(resolved(env.get("JWT_ISSUER"), true)).as(function.logicalId()).isEqualTo("att:UserPool.ProviderURL");
            assertThat(resolved(env.get("JWT_JWKS_URL"), true)).isEqualTo("att:UserPool.ProviderURL/.well-known/jwks.json");
            assertThat(resolved(env.get("JWT_CLIENT_IDS"), true)).isEqualTo("ref:UserPoolBrowserClient");
            assertThat(resolved(env.get("JWT_AUDIENCE"), true)).isEqualTo("ref:UserPoolBrowserClient");
            assertThat(resolved(env.get("JWT_ISSUER"), false)).isEqualTo("param:JwtIssuer");
            assertThat(resolved(env.get("JWT_JWKS_URL"), false)).isEqualTo("param:JwtJwksUrl");
            assertThat(resolved(env.get("JWT_CLIENT_IDS"), false)).isEqualTo("param:JwtClientIds");
        }
    }

    /** A Globals value as CloudFormation would resolve it with CreateUserPool on or off. */
    private String resolved(Object value, boolean userPool) {
        Intrinsics.Resolver resolver = new Intrinsics.Resolver() {
            @Override
            public String ref(String name) {
                if (name.equals("CreateUserPool")) {
                    return Boolean.toString(userPool);
                }
                return template.hasParameter(name) ? "param:" + name : "ref:" + name;
            }

            @Override
            public String getAtt(String logicalId, String attribute) {
                return "att:" + logicalId + "." + attribute;
            }

            @Override
            public boolean condition(String name) {
                return new TemplateValues(template, this).condition(name);
            }
        };
        return Intrinsics.resolve(value, resolver);
    }

}
