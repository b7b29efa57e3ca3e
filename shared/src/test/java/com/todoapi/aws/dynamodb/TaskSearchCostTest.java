package com.todoapi.aws.dynamodb;

import com.todoapi.domain.Page;
import com.todoapi.idempotency.IdempotentRunner;
import com.todoapi.tasks.PlanChanges;
import com.todoapi.tasks.StatusFilter;
import com.todoapi.tasks.Task;
import com.todoapi.tasks.TaskOrder;
import com.todoapi.tasks.TaskQuery;
import com.todoapi.tasks.TaskService;
import com.todoapi.testing.AwsBackend;
import com.todoapi.testing.AwsBackendExtension;
import com.todoapi.testing.CapacityMeter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a search costs on DynamoDB Local, which reports consumed capacity as DynamoDB does: a
 * filtered or ordered list reads the user's whole task partition (one query, in 1 MB pages), so
 * its read units grow with the number of tasks, not with the page (docs/benchmarks.md, "Searching tasks").
 */
@ExtendWith(AwsBackendExtension.class)
class TaskSearchCostTest {

    @Test
    void aSearchReadsTheUsersTasksOnceWhateverThePage(AwsBackend aws) {
        for (int tasks : new int[] {1_000, 10_000}) {
            String user = "cost-" + UUID.randomUUID();
            fill(aws, user, tasks);
            CapacityMeter meter = new CapacityMeter();
            DynamoDbClient metered = meter.dynamoDb(aws);
            Tables tables = new Tables(metered, aws.tableName());
            TaskService service = new TaskService(new DynamoTaskStore(tables),
                    new IdempotentRunner(new DynamoIdempotencyStore(tables), Clock.systemUTC()), Clock.systemUTC());
            TaskQuery search = new TaskQuery(StatusFilter.ALL, Optional.empty(), false, Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.of("invoice"), TaskOrder.DUE, ZoneOffset.UTC, Instant.now());
            Page<Task, String> page = service.search(user, search, 20, Optional.empty());
            assertThat(page.items()).hasSize(20);
            double searchUnits = meter.readUnits();
            int searchCalls = meter.calls();
            assertThat(meter.itemsRead()).isEqualTo(tasks);

            meter.reset();
            service.search(user, TaskQuery.byStatus(StatusFilter.ALL, ZoneOffset.UTC, Instant.now()), 20, Optional.empty());
            double pageUnits = meter.readUnits();
            System.out.printf("search-cost tasks=%d search: %d queries, %.1f read units; a page by number: %.1f read units%n",
                    tasks, searchCalls, searchUnits, pageUnits);
            // Strongly consistent: one unit per 4 KB read; the items are about 330 bytes.
            assertThat(searchUnits).isBetween(tasks * 0.25 / 4, tasks * 0.5 / 4);
            // A query page holds at most 1 MB: 1,000 such tasks fit one, 10,000 need several.
            assertThat(searchCalls).isEqualTo(tasks == 1_000 ? 1 : (int) Math.ceil(searchUnits * 4 / 1024));
            assertThat(pageUnits).isLessThan(5);
        }
    }

    /** Tasks of a realistic size written straight to the table: a title, a sentence, a due day, a priority, two labels. */
    private static void fill(AwsBackend aws, String user, int count) {
        List<WriteRequest> writes = new ArrayList<>();
        Instant at = Instant.parse("2026-12-01T10:00:00Z");
        for (int n = 1; n <= count; n++) {
            var planning = PlanChanges.parse(Optional.of(Optional.of("2026-12-" + String.format("%02d", 1 + n % 28))),
                    Optional.of(n % 2 == 0 ? "high" : "low"), Optional.of(List.of("Work", "Q" + n % 4)), Optional.empty(),
                    Optional.empty(), ZoneOffset.UTC).planning();
            Task task = new Task(n, "Send the invoice to client " + n, "Remember to attach the signed contract and the "
                    + "timesheet for the month", false, at, at, 1, planning);
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder()
                    .item(TaskItem.SCHEMA.itemToMap(TaskItem.of(user, task), true)).build()).build());
        }
        DynamoDbClient client = aws.aws().dynamoDb();
        for (int from = 0; from < writes.size(); from += 25) {
            List<WriteRequest> batch = writes.subList(from, Math.min(writes.size(), from + 25));
            client.batchWriteItem(b -> b.requestItems(java.util.Map.of(aws.tableName(), batch)));
        }
    }
}
