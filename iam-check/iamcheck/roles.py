"""Each function's role as CloudFormation would create it from the transformed template."""
from dataclasses import dataclass

from . import policy


@dataclass
class Role:
    function: str
    statements: list          # policy.Statement, inline policies and AWS::IAM::Policy resources
    managed_policy_arns: list  # AWS managed policies SAM attaches (logs, X-Ray, SQS polling): opaque here


def roles(cfn, resolver):
    """{function logical id: Role} for every AWS::Lambda::Function of the transformed template."""
    resources = cfn["Resources"]
    found = {}
    for function_id, resource in resources.items():
        if resource["Type"] != "AWS::Lambda::Function":
            continue
        role_ref = resource["Properties"]["Role"]
        role_id = role_ref["Fn::GetAtt"][0] if isinstance(role_ref, dict) and "Fn::GetAtt" in role_ref else None
        if role_id is None or role_id not in resources:
            raise ValueError(f"{function_id}: its role {role_ref} is not a role of this template")
        properties = resolver.resolve(resources[role_id]["Properties"])
        statements = []
        for entry in properties.get("Policies", []):
            statements += policy.statements(entry["PolicyName"], entry["PolicyDocument"])
        managed = []
        for arn in properties.get("ManagedPolicyArns", []):
            own = resolver.managed_policy_of(arn)
            if own:  # a managed policy of this template, attached by its ARN
                statements += policy.statements(own, resolver.resolve(resources[own]["Properties"]["PolicyDocument"]))
            else:
                managed.append(arn)
        for policy_id, other in resources.items():
            if other["Type"] in ("AWS::IAM::Policy", "AWS::IAM::ManagedPolicy"):
                attached = other["Properties"].get("Roles", [])
                if {"Ref": role_id} in attached:
                    document = resolver.resolve(other["Properties"]["PolicyDocument"])
                    statements += policy.statements(policy_id, document)
        found[function_id] = Role(function_id, statements, managed)
    return found


def key_schemas(cfn, resolver):
    """A function (table name, index or None) -> the partition key attribute, from the template's tables."""
    schemas = {}
    for table_id, resource in cfn["Resources"].items():
        if resource["Type"] != "AWS::DynamoDB::Table":
            continue
        properties = resolver.resolve(resource["Properties"])
        name = resolver.tables.get(table_id, properties.get("TableName", table_id))
        schemas[(name, None)] = _hash_key(properties["KeySchema"])
        for index in properties.get("GlobalSecondaryIndexes", []) + properties.get("LocalSecondaryIndexes", []):
            schemas[(name, index["IndexName"])] = _hash_key(index["KeySchema"])
    return lambda table, index: schemas.get((table, index))


def _hash_key(key_schema):
    return next(k["AttributeName"] for k in key_schema if k["KeyType"] == "HASH")


