package com.todoapi.bench;

/**
 * AWS list prices the cost table uses: us-east-1, on-demand, first pricing tier, free tiers left
 * out, as published on the pages below and read on 2026-11-22. Change them here when they change.
 */
final class Prices {
    /** Lambda, arm64, per GB-second of duration (billed by the millisecond). https://aws.amazon.com/lambda/pricing/ */
    static final double LAMBDA_ARM64_GB_SECOND = 0.0000133334;
    /** Lambda, x86_64, per GB-second of duration (billed by the millisecond). https://aws.amazon.com/lambda/pricing/ */
    static final double LAMBDA_X86_GB_SECOND = 0.0000166667;
    /** Lambda, per request. https://aws.amazon.com/lambda/pricing/ */
    static final double LAMBDA_REQUEST = 0.20 / 1_000_000;
    /** DynamoDB on-demand, per write request unit. https://aws.amazon.com/dynamodb/pricing/on-demand/ */
    static final double DYNAMODB_WRITE_UNIT = 0.625 / 1_000_000;
    /** DynamoDB on-demand, per read request unit. https://aws.amazon.com/dynamodb/pricing/on-demand/ */
    static final double DYNAMODB_READ_UNIT = 0.125 / 1_000_000;
    /** API Gateway HTTP API, per request up to 512 KB (first 300 million a month). https://aws.amazon.com/api-gateway/pricing/ */
    static final double HTTP_API_REQUEST = 1.00 / 1_000_000;
    /**
     * API Gateway WebSocket API, per message sent or received, metered in 32 KB increments (first
     * billion a month), and per connection minute. AWS's page (https://aws.amazon.com/api-gateway/pricing/)
     * could not be read from here; the figures are those two summaries of it give
     * (https://amnic.com/blogs/aws-api-gateway-pricing, https://awsforengineers.com/blog/aws-api-gateway-pricing-explained),
     * read 2026-12-05.
     */
    static final double WEBSOCKET_MESSAGE = 1.00 / 1_000_000;
    static final double WEBSOCKET_CONNECTION_MINUTE = 0.25 / 1_000_000;
    /** SQS standard queue, per request up to 64 KB. https://aws.amazon.com/sqs/pricing/ */
    static final double SQS_REQUEST = 0.40 / 1_000_000;

    /**
     * OpenAI gpt-4.1-mini, standard tier, per input token (not cached) and per output token: $0.40 and
     * $1.60 per million: an assumption to check. OpenAI's own pricing page
     * (https://developers.openai.com/api/docs/pricing) could not be read from here; the figures are those of
     * https://losclouds.com/ai-models/gpt-4-1-mini ("verified Apr 2, 2026") and
     * https://vercel.com/ai-gateway/models/gpt-4.1-mini/api, read 2026-12-03.
     */
    static final double GPT_4_1_MINI_INPUT_TOKEN = 0.40 / 1_000_000;
    static final double GPT_4_1_MINI_OUTPUT_TOKEN = 1.60 / 1_000_000;

    private Prices() {
    }
}
