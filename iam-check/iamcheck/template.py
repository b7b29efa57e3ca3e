"""Reads a SAM template and transforms it as CloudFormation would, with SAM's own translator."""
import copy
import os

import yaml
from samtranslator.translator.transform import transform


class _CfnLoader(yaml.SafeLoader):
    """YAML with CloudFormation's short forms: !Ref x, !GetAtt a.b, !Sub ..., !If [...], ..."""


def _short_form(loader, tag_suffix, node):
    name = "Ref" if tag_suffix == "Ref" else "Fn::" + tag_suffix
    if isinstance(node, yaml.ScalarNode):
        value = loader.construct_scalar(node)
        if tag_suffix == "GetAtt":
            value = value.split(".", 1)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)
    if tag_suffix == "Condition":
        return {"Condition": value}
    return {name: value}


_CfnLoader.add_multi_constructor("!", _short_form)


def load(path):
    with open(path, encoding="utf-8") as f:
        return yaml.load(f, Loader=_CfnLoader)


class _NoManagedPolicyNames:
    """The template names no AWS managed policy by its short name; SAM's own attachments are ARNs."""

    def load(self):
        return {}


def transformed(sam_template, parameters, region):
    """The CloudFormation template SAM makes of sam_template for these parameter values."""
    os.environ.setdefault("AWS_DEFAULT_REGION", region)
    packaged = copy.deepcopy(sam_template)
    # What `sam package` does before the transform: local code folders become S3 locations.
    for resource in packaged.get("Resources", {}).values():
        properties = resource.get("Properties") or {}
        if resource.get("Type") == "AWS::Serverless::Function" and isinstance(properties.get("CodeUri"), str):
            properties["CodeUri"] = "s3://iam-check/" + properties["CodeUri"]
    return transform(packaged, dict(parameters), _NoManagedPolicyNames())
