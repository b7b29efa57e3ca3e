"""Resolves CloudFormation intrinsic functions for one run: parameters, conditions, Ref and GetAtt."""
import re

NO_VALUE = object()  # Ref AWS::NoValue: the key or list item it stands for is dropped
_SUB_VARIABLE = re.compile(r"\$\{([^}]+)\}")


class Resolver:
    """Answers Ref and Fn::GetAtt as the stack would, in the run's region and account.

    Tables and queues take their physical names from the run's manifest (what the local runtime
    created); other resources get the name CloudFormation's pattern would give them, which no
    recorded call can name, so a grant on one of them is simply never used by a recording.
    """

    def __init__(self, cfn, manifest):
        self.cfn = cfn
        self.region = manifest["region"]
        self.account = manifest["account"]
        self.stack = manifest.get("stack", "local")
        self.parameters = manifest.get("parameters", {})
        self.tables = manifest.get("tables", {})
        self.queues = manifest.get("queues", {})
        # {logical id: {"stage", "endpoint"}}: the WebSocket APIs the local runtime served, each at the
        # @connections endpoint its functions were given (the API's id there is its logical id)
        self.websocket_apis = manifest.get("webSocketApis", {})
        self.resources = cfn.get("Resources", {})
        self.conditions = cfn.get("Conditions", {})

    # ARNs, as the services build them
    def table_arn(self, name):
        return f"arn:aws:dynamodb:{self.region}:{self.account}:table/{name}"

    def queue_arn(self, name):
        return f"arn:aws:sqs:{self.region}:{self.account}:{name}"

    def queue_name_for_url(self, url):
        for queue in self.queues.values():
            if queue["url"] == url:
                return queue["name"]
        return url.rstrip("/").rsplit("/", 1)[-1]

    def websocket_stage_for_endpoint(self, endpoint):
        """(api id, stage) of a @connections endpoint: the run's own, or an AWS one's host and path."""
        for logical_id, api in self.websocket_apis.items():
            if api["endpoint"].rstrip("/") == endpoint.rstrip("/"):
                return self.ref(logical_id), api["stage"]
        match = re.match(r"https://([a-z0-9]+)\.execute-api\.[^/]+/([^/]+)/?$", endpoint)
        if match is None:
            raise ValueError(f"a @connections call to {endpoint}, which is no WebSocket API stage of this run's "
                             "manifest (webSocketApis) nor an execute-api URL")
        return match.group(1), match.group(2)

    def pseudo(self, name):
        return {
            "AWS::Region": self.region,
            "AWS::AccountId": self.account,
            "AWS::Partition": "aws",
            "AWS::StackName": self.stack,
            "AWS::URLSuffix": "amazonaws.com",
            "AWS::StackId": f"arn:aws:cloudformation:{self.region}:{self.account}:stack/{self.stack}/local",
        }.get(name)

    def ref(self, name):
        if name == "AWS::NoValue":
            return NO_VALUE
        if name.startswith("AWS::"):
            value = self.pseudo(name)
            if value is None:
                raise ValueError(f"unknown pseudo parameter {name}")
            return value
        if name in self.parameters:
            value = self.parameters[name]
            kind = (self.cfn.get("Parameters", {}).get(name) or {}).get("Type")
            if kind == "CommaDelimitedList":
                return [] if value == "" else [v.strip() for v in value.split(",")]
            return value
        if name in self.cfn.get("Parameters", {}):
            default = self.cfn["Parameters"][name].get("Default")
            if default is None:
                raise ValueError(f"parameter {name} has no value in this run and no default")
            return str(default)
        kind = self.resources.get(name, {}).get("Type")
        if kind is None:
            raise ValueError(f"Ref {name}: no such parameter or resource")
        if kind == "AWS::DynamoDB::Table":
            return self.tables.get(name, name)
        if kind == "AWS::SQS::Queue":
            queue = self.queues.get(name)
            return queue["url"] if queue else f"https://sqs.{self.region}.amazonaws.com/{self.account}/{name}"
        if kind == "AWS::SecretsManager::Secret":
            return f"arn:aws:secretsmanager:{self.region}:{self.account}:secret:{self.stack}-{name}-AbCdEf"
        if kind == "AWS::SNS::Topic":
            return f"arn:aws:sns:{self.region}:{self.account}:{self.stack}-{name}"
        if kind == "AWS::IAM::ManagedPolicy":
            return f"arn:aws:iam::{self.account}:policy/{self.stack}-{name}"
        if kind == "AWS::ApiGatewayV2::Stage":
            return self.resources[name].get("Properties", {}).get("StageName", name)
        return name  # a name or an id: what most resources answer to Ref

    def managed_policy_of(self, arn):
        """The template's AWS::IAM::ManagedPolicy that arn (as Ref resolved it) names, or None."""
        prefix = f"arn:aws:iam::{self.account}:policy/{self.stack}-"
        name = arn[len(prefix):] if isinstance(arn, str) and arn.startswith(prefix) else None
        return name if name and self.resources.get(name, {}).get("Type") == "AWS::IAM::ManagedPolicy" else None

    def get_att(self, name, attribute):
        kind = self.resources.get(name, {}).get("Type")
        if kind == "AWS::DynamoDB::Table" and attribute == "Arn":
            return self.table_arn(self.tables.get(name, name))
        if kind == "AWS::SQS::Queue":
            queue_name = self.queues.get(name, {}).get("name", name)
            if attribute == "Arn":
                return self.queue_arn(queue_name)
            if attribute == "QueueName":
                return queue_name
            if attribute == "QueueUrl":
                return self.ref(name)
        if kind == "AWS::Logs::LogGroup" and attribute == "Arn":
            return f"arn:aws:logs:{self.region}:{self.account}:log-group:{name}:*"
        if kind == "AWS::KMS::Key" and attribute == "Arn":
            return f"arn:aws:kms:{self.region}:{self.account}:key/{name}"
        if kind == "AWS::SNS::Topic" and attribute == "TopicArn":
            return self.ref(name)
        if kind == "AWS::IAM::Role" and attribute == "Arn":
            return f"arn:aws:iam::{self.account}:role/{self.stack}-{name}"
        if kind is None:
            raise ValueError(f"GetAtt {name}.{attribute}: no such resource")
        return f"unresolved:{name}.{attribute}"

    def condition(self, name):
        if name not in self.conditions:
            raise ValueError(f"no condition {name} in the template")
        return self.test(self.conditions[name])

    def test(self, expression):
        (function, args), = expression.items()
        if function == "Condition":
            return self.condition(args)
        if function == "Fn::Not":
            return not self.test(args[0])
        if function == "Fn::And":
            return all(self.test(a) for a in args)
        if function == "Fn::Or":
            return any(self.test(a) for a in args)
        if function == "Fn::Equals":
            return _text(self.resolve(args[0])) == _text(self.resolve(args[1]))
        raise ValueError(f"condition function {function} is not supported")

    def resolve(self, value):
        """The value with every intrinsic resolved; NO_VALUE where Ref AWS::NoValue stood."""
        if isinstance(value, list):
            return [v for v in (self.resolve(item) for item in value) if v is not NO_VALUE]
        if not isinstance(value, dict):
            return value
        if len(value) == 1:
            (key, args), = value.items()
            if key == "Ref":
                return self.ref(args)
            if key == "Fn::GetAtt":
                name, attribute = args if isinstance(args, list) else args.split(".", 1)
                return self.get_att(name, attribute)
            if key == "Fn::If":
                return self.resolve(args[1] if self.condition(args[0]) else args[2])
            if key == "Fn::Sub":
                return self._sub(args)
            if key == "Fn::Join":
                parts = self.resolve(args[1])
                return args[0].join(_text(p) for p in parts)
            if key == "Fn::Select":
                return self.resolve(args[1])[int(self.resolve(args[0]))]
            if key == "Fn::Split":
                return _text(self.resolve(args[1])).split(args[0])
            if key in ("Fn::Equals", "Fn::Not", "Fn::And", "Fn::Or", "Condition"):
                return self.test(value)
            if key.startswith("Fn::"):
                raise ValueError(f"{key} is not supported by iam-check")
        resolved = {}
        for key, item in value.items():
            item = self.resolve(item)
            if item is not NO_VALUE:
                resolved[key] = item
        return resolved

    def _sub(self, args):
        text, variables = (args, {}) if isinstance(args, str) else (args[0], args[1])

        def replace(match):
            name = match.group(1)
            if name.startswith("!"):
                return "${" + name[1:] + "}"
            if name in variables:
                return _text(self.resolve(variables[name]))
            if "." in name and not name.startswith("AWS::"):
                resource, attribute = name.split(".", 1)
                return _text(self.get_att(resource, attribute))
            return _text(self.ref(name))

        return _SUB_VARIABLE.sub(replace, text)


def _text(value):
    if isinstance(value, list):
        return ",".join(_text(v) for v in value)
    return str(value)
