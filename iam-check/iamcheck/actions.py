"""What IAM authorises for each recorded call: the action(s), the resource ARN, the context keys.

Written from the services' authorization references, not from the operation names, which often
differ: a transaction is authorised item by item by each item's own action (DynamoDB's "Using IAM
with DynamoDB transactions"), a batch send is sqs:SendMessage, Bedrock's Converse is
bedrock:InvokeModel. An operation missing here fails the check: add it before using it.
"""
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Request:
    action: str
    resource: str
    context: dict = field(default_factory=dict, hash=False, compare=False)


class UnknownOperation(Exception):
    pass


# DynamoDB: operation -> IAM action, for calls on one item or one table
_DYNAMODB = {
    "GetItem": "dynamodb:GetItem",
    "PutItem": "dynamodb:PutItem",
    "UpdateItem": "dynamodb:UpdateItem",
    "DeleteItem": "dynamodb:DeleteItem",
    "Query": "dynamodb:Query",
    "Scan": "dynamodb:Scan",
    "DescribeTable": "dynamodb:DescribeTable",
    "BatchWriteItem": "dynamodb:BatchWriteItem",
    "BatchGetItem": "dynamodb:BatchGetItem",
}
# an item inside TransactWriteItems / TransactGetItems -> the action that authorises it
_TRANSACT_ITEM = {
    "Put": "dynamodb:PutItem",
    "Update": "dynamodb:UpdateItem",
    "Delete": "dynamodb:DeleteItem",
    "ConditionCheck": "dynamodb:ConditionCheckItem",
    "Get": "dynamodb:GetItem",
}
_SQS = {
    "SendMessage": "sqs:SendMessage",
    "SendMessageBatch": "sqs:SendMessage",
    "ReceiveMessage": "sqs:ReceiveMessage",
    "DeleteMessage": "sqs:DeleteMessage",
    "DeleteMessageBatch": "sqs:DeleteMessage",
    "ChangeMessageVisibility": "sqs:ChangeMessageVisibility",
    "ChangeMessageVisibilityBatch": "sqs:ChangeMessageVisibility",
    "GetQueueAttributes": "sqs:GetQueueAttributes",
    "GetQueueUrl": "sqs:GetQueueUrl",
}
# The WebSocket API's management endpoint: every operation is execute-api:ManageConnections, on
# arn:aws:execute-api:region:account:api-id/stage/METHOD/@connections/{connection_id} (API Gateway's
# "Control access to WebSocket APIs with IAM authorization": @connections uses the REST APIs' ARN format).
_CONNECTIONS = {
    "PostToConnection": "POST",
    "GetConnection": "GET",
    "DeleteConnection": "DELETE",
}
_BEDROCK = {
    "Converse": "bedrock:InvokeModel",
    "InvokeModel": "bedrock:InvokeModel",
    "ConverseStream": "bedrock:InvokeModelWithResponseStream",
    "InvokeModelWithResponseStream": "bedrock:InvokeModelWithResponseStream",
}


def requests_for(call, resolver, key_schema):
    """The IAM requests one recorded call makes. key_schema(table, index) names the partition key."""
    service, operation = call["service"], call["operation"]
    targets = call.get("targets", [])
    if service == "DynamoDb":
        if operation not in _DYNAMODB and operation not in ("TransactWriteItems", "TransactGetItems"):
            raise UnknownOperation(f"DynamoDb.{operation}: no IAM mapping in iam-check/iamcheck/actions.py")
        return [_dynamodb(operation, target, resolver, key_schema) for target in targets]
    if service == "Sqs" and operation in _SQS:
        return [Request(_SQS[operation], resolver.queue_arn(resolver.queue_name_for_url(t["name"]))) for t in targets]
    if service == "SecretsManager" and operation == "GetSecretValue":
        return [Request("secretsmanager:GetSecretValue", t["name"]) for t in targets]
    if service == "Ssm" and operation == "GetParameter":
        return [Request("ssm:GetParameter", _parameter_arn(t["name"], resolver)) for t in targets]
    if service == "ApiGatewayManagementApi" and operation in _CONNECTIONS:
        return [Request("execute-api:ManageConnections", _connection_arn(_CONNECTIONS[operation], t, resolver))
                for t in targets]
    if service == "BedrockRuntime" and operation in _BEDROCK:
        return [Request(_BEDROCK[operation], _model_arn(t["name"], resolver)) for t in targets]
    raise UnknownOperation(f"{service}.{operation}: no IAM mapping in iam-check/iamcheck/actions.py")


def _dynamodb(operation, target, resolver, key_schema):
    if operation in ("TransactWriteItems", "TransactGetItems"):
        action = _TRANSACT_ITEM[target["item"]]
    else:
        action = _DYNAMODB[operation]
    resource = resolver.table_arn(target["name"])
    index = target.get("index")
    if index:
        resource += "/index/" + index
    context = {}
    if "key" in target:
        partition_key = key_schema(target["name"], index)
        if partition_key is None or partition_key not in target["key"]:
            raise ValueError(f"a recorded {operation} on {target['name']} carries no value of its partition key "
                             f"({partition_key}); the recorder and the table's key schema disagree")
        context["dynamodb:LeadingKeys"] = [target["key"][partition_key]]
    return Request(action, resource, context)


def _connection_arn(method, target, resolver):
    api_id, stage = resolver.websocket_stage_for_endpoint(target["endpoint"])
    return (f"arn:aws:execute-api:{resolver.region}:{resolver.account}:{api_id}/{stage}/{method}"
            f"/@connections/{target.get('connection', '')}")


def _parameter_arn(name, resolver):
    if name.startswith("arn:"):
        return name
    return f"arn:aws:ssm:{resolver.region}:{resolver.account}:parameter/{name.lstrip('/')}"


def _model_arn(model_id, resolver):
    if model_id.startswith("arn:"):
        return model_id
    # An inference profile id starts with its geography (us., eu., apac., global.); a model id does not.
    if model_id.split(".", 1)[0] in ("us", "eu", "apac", "us-gov", "global", "jp", "au", "ca"):
        return f"arn:aws:bedrock:{resolver.region}:{resolver.account}:inference-profile/{model_id}"
    return f"arn:aws:bedrock:{resolver.region}::foundation-model/{model_id}"
