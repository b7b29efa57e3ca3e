package com.todoapi.aws.bedrock;

import com.todoapi.agent.model.ModelCallException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.bedrockruntime.model.InternalServerException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelErrorException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelNotReadyException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelTimeoutException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceUnavailableException;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;

import java.time.Duration;

/**
 * A failed Converse call as a {@link ModelCallException}. Throttling, the service or the model
 * not answering (5xx, 408, 424, a model not ready) and timeouts or a connection that failed on
 * this side may pass; a bad request, missing access, an unknown model, a spent quota and any
 * other 4xx will not. Messages name the status, the AWS error code or the exception's class,
 * never the service's own message, which may quote the prompt.
 */
final class ConverseFailures {


    private ConverseFailures() {
    }

    static ModelCallException of(SdkException failure, Duration timeout) {
        if (failure instanceof ApiCallTimeoutException || failure instanceof ApiCallAttemptTimeoutException) {
            String limit = timeout == null ? "its timeout" : timeout.toMillis() + " ms";
            return ModelCallException.retryable("the model did not answer within " + limit, null);
        }
        if (failure instanceof AwsServiceException service) {
            return service(service);
        }
        if (failure instanceof SdkClientException) {
            return ModelCallException.retryable("the model could not be reached ("
                    + failure.getClass().getSimpleName() + ")", null);
        }
        return ModelCallException.retryable("the model call failed (" + failure.getClass().getSimpleName() + ")", null);
    }

    private static ModelCallException service(AwsServiceException failure) {
        int status = failure.statusCode();
        String message = "Bedrock answered HTTP " + status + " (" + code(failure) + ")";
        boolean mayPass = mayPass(failure)
                || status == 408 || status == 429 || status >= 500;
        return mayPass ? ModelCallException.retryable(message, null) : ModelCallException.permanent(message);
    }

    private static String code(AwsServiceException failure) {
        String code = failure.awsErrorDetails() == null ? null : failure.awsErrorDetails().errorCode();
        return code != null && code.matches("[A-Za-z0-9_.-]{1,64}") ? code : failure.getClass().getSimpleName();
    }

    private static boolean mayPass(Exception failure) {
        return failure instanceof ThrottlingException || failure instanceof ServiceUnavailableException
                || failure instanceof InternalServerException || failure instanceof ModelTimeoutException
                || failure instanceof ModelNotReadyException || failure instanceof ModelErrorException;
    }
}
