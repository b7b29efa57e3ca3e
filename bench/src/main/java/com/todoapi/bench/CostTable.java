package com.todoapi.bench;

import java.util.List;

/**
 * Dollars per million requests per route: Lambda's duration (the measured warm p50, billed by
 * the millisecond, at the template's 1 GB on arm64) and request charge, DynamoDB's request units
 * as consumed, API Gateway's request, and the route's own SQS calls. The chat worker's turn, the
 * queue's receives and deletes, logs and data transfer are not in it.
 */
final class CostTable {
    private static final double MEMORY_GB = 1.0;

    private CostTable() {
    }

    static String render(List<WarmRoutes.Result> results) {
        StringBuilder table = new StringBuilder()
                .append("| route | Lambda duration | Lambda requests | DynamoDB | API Gateway | SQS | total $ per million |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (WarmRoutes.Result r : results) {
            double duration = Math.ceil(r.p50()) / 1000 * MEMORY_GB * Prices.LAMBDA_ARM64_GB_SECOND * 1e6;
            double requests = Prices.LAMBDA_REQUEST * 1e6;
            double dynamoDb = (r.readUnits() * Prices.DYNAMODB_READ_UNIT + r.writeUnits() * Prices.DYNAMODB_WRITE_UNIT) * 1e6;
            double gateway = Prices.HTTP_API_REQUEST * 1e6;
            double sqs = r.sqsCalls() * Prices.SQS_REQUEST * 1e6;
            table.append(String.format("| `%s` | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |%n", r.route(), duration, requests,
                    dynamoDb, gateway, sqs, duration + requests + dynamoDb + gateway + sqs));
        }
        return table.toString();
    }
}
