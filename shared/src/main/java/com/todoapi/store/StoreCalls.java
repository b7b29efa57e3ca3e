package com.todoapi.store;

import com.todoapi.domain.DomainException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs a table call and turns "the table is not answering" (no connection, throttling, a 5xx,
 * after the SDK's own retries) into UNAVAILABLE. Anything else is a bug and stays what it is.
 */
final class StoreCalls {
    private static final Set<String> TRANSIENT_CODES = Set.of(
            "ProvisionedThroughputExceededException", "RequestLimitExceeded", "ThrottlingException",
            "InternalServerError", "ServiceUnavailable");

    private StoreCalls() {
    }

    static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkClientException e) {
            throw DomainException.unavailable(e);
        } catch (DynamoDbException e) {
            if (e.statusCode() >= 500 || (e.awsErrorDetails() != null
                    && TRANSIENT_CODES.contains(e.awsErrorDetails().errorCode()))) {
                throw DomainException.unavailable(e);
            }
            throw e;
        }
    }

    static void run(Runnable call) {
        call(() -> {
            call.run();
            return null;
        });
    }
}
