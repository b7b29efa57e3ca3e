package com.todoapi.e2e;

import com.todoapi.testing.RepoFiles;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deploy proof can fail, and fails for the right reason: {@code ./dev iam-check} on recorded
 * calls (a small fixture in the recorder's format, e2e/src/test/resources/iam-check/calls) passes
 * on template.yaml and fails, naming the function, the action and the resource, on copies of it
 * with one grant removed, a resource narrowed to another table, a Deny added or a condition that
 * the call's key does not meet. The real proof, on what this build's suites recorded, is CI's
 * {@code ./dev iam-check --least-privilege} after {@code ./dev test}.
 */
@Tag("architecture")
class IamCheckTest {
    private static final Path CALLS = RepoFiles.root().resolve("e2e/src/test/resources/iam-check/calls");

    @TempDir
    Path work;

    @Test
    void everyRecordedCallIsAllowedByTheTemplate() throws Exception {
        Result result = iamCheck(RepoFiles.template(), CALLS);
        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.output()).contains("6 recorded calls of 3 functions")
                .contains("every recorded call is allowed by its function's role");
    }

    @Test
    void failsNamingTheSendWhenAFunctionLosesItsQueuePolicy() throws Exception {
        Path template = templateWith(block("PostMessageFunction"), """
                        - SQSSendMessagePolicy:
                            QueueName: !GetAtt ChatQueue.QueueName
                """, "");
        Result result = iamCheck(template, CALLS);
        assertThat(result.exit()).as(result.output()).isEqualTo(1);
        assertThat(result.output()).contains(
                "DENIED PostMessageFunction: sqs:SendMessage on arn:aws:sqs:us-east-1:000000000000:ChatQueue (1 calls; no statement allows it)");
    }

    @Test
    void failsWhenAResourceIsNarrowedToAnotherTable() throws Exception {
        Path template = templateWith(block("CreateTaskFunction"), """
                              Resource:
                                - !GetAtt TodoTable.Arn
                """, """
                              Resource:
                                - !Sub "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/ArchiveTable"
                """);
        Result result = iamCheck(template, CALLS);
        assertThat(result.exit()).as(result.output()).isEqualTo(1);
        assertThat(result.output()).contains("DENIED CreateTaskFunction: dynamodb:PutItem on "
                + "arn:aws:dynamodb:us-east-1:000000000000:table/TodoTable with dynamodb:LeadingKeys=['USER#fixture']");
    }

    @Test
    void anExplicitDenyWinsOverTheAllow() throws Exception {
        Path template = templateWith(block("ListTasksFunction"), """
                      Policies:
                        - Statement:
                """, """
                      Policies:
                        - Statement:
                            - Effect: Deny
                              Action: dynamodb:Query
                              Resource: !Sub "${TodoTable.Arn}/index/*"
                """);
        Result result = iamCheck(template, CALLS);
        assertThat(result.exit()).as(result.output()).isEqualTo(1);
        assertThat(result.output()).contains("DENIED ListTasksFunction: dynamodb:Query on "
                + "arn:aws:dynamodb:us-east-1:000000000000:table/TodoTable/index/gsi1")
                .contains("denied by ListTasksFunctionRolePolicy0 statement 1");
    }

    @Test
    void aConditionOnTheLeadingKeyIsEvaluatedPerItem() throws Exception {
        // CreateTaskFunction may update only rate windows (RATE#...); an update of a user item is refused.
        Path calls = copyOfCalls();
        Files.writeString(calls.resolve("CreateTaskFunction.jsonl"), """
                {"function":"CreateTaskFunction","service":"DynamoDb","operation":"TransactWriteItems","targets":[{"kind":"table","name":"TodoTable","item":"Update","key":{"pk":"USER#fixture","sk":"COUNTER#TASK"}}],"run":"fixture"}
                """, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Result result = iamCheck(RepoFiles.template(), calls);
        assertThat(result.exit()).as(result.output()).isEqualTo(1);
        assertThat(result.output()).contains("DENIED CreateTaskFunction: dynamodb:UpdateItem on "
                + "arn:aws:dynamodb:us-east-1:000000000000:table/TodoTable with dynamodb:LeadingKeys=['USER#fixture']");
    }

    @Test
    void anOperationWithNoKnownIamMappingFailsTheCheck() throws Exception {
        Path calls = copyOfCalls();
        Files.writeString(calls.resolve("ListTasksFunction.jsonl"), """
                {"function":"ListTasksFunction","service":"DynamoDb","operation":"ExecuteStatement","targets":[],"run":"fixture"}
                """, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Result result = iamCheck(RepoFiles.template(), calls);
        assertThat(result.exit()).as(result.output()).isEqualTo(1);
        assertThat(result.output()).contains("CANNOT CHECK ListTasksFunction: DynamoDb.ExecuteStatement: no IAM mapping");
    }

    @Test
    void aConnectionsCallIsCheckedAgainstThisApisStageAndItsMethod() throws Exception {
        Path calls = copyOfCalls();
        Path message = calls.resolve("RealtimeMessageFunction.jsonl");
        Files.writeString(message, """
                {"function":"RealtimeMessageFunction","service":"ApiGatewayManagementApi","operation":"PostToConnection","targets":[{"kind":"connection","endpoint":"http://127.0.0.1:3002/live","connection":"Ab1="}],"run":"fixture"}
                """, StandardCharsets.UTF_8);
        Result posted = iamCheck(RepoFiles.template(), calls);
        assertThat(posted.exit()).as("a post on the run's own WebSocket stage: " + posted.output()).isZero();

        Files.writeString(message, """
                {"function":"RealtimeMessageFunction","service":"ApiGatewayManagementApi","operation":"DeleteConnection","targets":[{"kind":"connection","endpoint":"http://127.0.0.1:3002/live","connection":"Ab1="}],"run":"fixture"}
                {"function":"RealtimeMessageFunction","service":"ApiGatewayManagementApi","operation":"PostToConnection","targets":[{"kind":"connection","endpoint":"https://other9api.execute-api.us-east-1.amazonaws.com/live","connection":"Ab1="}],"run":"fixture"}
                """, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Result refused = iamCheck(RepoFiles.template(), calls);
        assertThat(refused.exit()).as(refused.output()).isEqualTo(1);
        assertThat(refused.output())
                .contains("DENIED RealtimeMessageFunction: execute-api:ManageConnections on "
                        + "arn:aws:execute-api:us-east-1:000000000000:RealtimeApi/live/DELETE/@connections/Ab1=")
                .contains("DENIED RealtimeMessageFunction: execute-api:ManageConnections on "
                        + "arn:aws:execute-api:us-east-1:000000000000:other9api/live/POST/@connections/Ab1=");
    }

    /** The template's text from the function's block on, where the edit must land. */
    private static String block(String function) {
        return "\n  " + function + ":\n";
    }

    private Path templateWith(String blockStart, String old, String replacement) throws IOException {
        String text = Files.readString(RepoFiles.template());
        int start = text.indexOf(blockStart);
        assertThat(start).as("the template has " + blockStart.trim()).isNotNegative();
        int at = text.indexOf(old, start);
        int next = text.indexOf("\n  ", start + blockStart.length());
        while (next >= 0 && text.charAt(next + 3) == ' ') {
            next = text.indexOf("\n  ", next + 1);
        }
        assertThat(at).as("the block " + blockStart.trim() + " holds the text to change").isBetween(start, next);
        Path copy = work.resolve("template.yaml");
        Files.writeString(copy, text.substring(0, at) + replacement + text.substring(at + old.length()));
        return copy;
    }

    private Path copyOfCalls() throws IOException {
        Path copy = work.resolve("calls");
        Files.createDirectories(copy.resolve("runs"));
        try (var files = Files.walk(CALLS)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, copy.resolve(CALLS.relativize(file).toString()));
            }
        }
        return copy;
    }

    private record Result(int exit, String output) {
    }

    private static Result iamCheck(Path template, Path calls) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of("bash", "dev", "iam-check", "--template", template.toString(),
                "--calls", calls.toString()))
                .directory(RepoFiles.root().toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("iam-check finished").isTrue();
        return new Result(process.exitValue(), output);
    }
}
