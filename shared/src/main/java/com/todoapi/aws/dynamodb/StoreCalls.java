package com.todoapi.aws.dynamodb;

import com.todoapi.domain.DomainException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

import java.util.function.Supplier;

/**
 * Runs a table call and turns "the table is not answering" (no connection, throttling, a 5xx,
 * after the SDK's own retries) into UNAVAILABLE. Anything else is a bug and stays what it is.
 */
final class StoreCalls {

    private StoreCalls() {
    }

    static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkClientException e) {
            throw DomainException.unavailable(e);
        } catch (DynamoDbException e) {
            if (e.statusCode() >= 500 || (e.awsErrorDetails() != null
                    && isTransient(e.awsErrorDetails().errorCode()))) {
                throw DomainException.unavailable(e);
            }
            throw e;
        }
    }

    private static boolean isTransient(String errorCode) {
        return switch (String.valueOf(errorCode)) {
            case "ProvisionedThroughputExceededException", "RequestLimitExceeded", "ThrottlingException",
                 "InternalServerError", "ServiceUnavailable" -> true;
            default -> false;
        };
    }

    static void run(Runnable call) {
        call(() -> {
            call.run();
            return null;
        });
    }
}
