"""The local hub and the extension's settings schema agree on the user options.

The rules for the start API's user options are written down three times: in
the extension's settings schema (schema/plugin.json), in the extension's
TypeScript (src/hub/options.ts, checked against the schema by a jest test)
and in the local hub (nfdi_local_hub/constants.py). These tests fail as soon
as the hub and the schema differ in one value.
"""

from __future__ import annotations

import json
import os
from typing import Any

import pytest

from nfdi_local_hub import constants

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SCHEMA_FILE = os.path.join(REPO_ROOT, "schema", "plugin.json")


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    with open(SCHEMA_FILE, encoding="utf-8") as f:
        return json.load(f)


def resolve(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    """``node`` with a ``$ref`` (``#/definitions/...``) replaced by its target, merged."""
    ref = node.get("$ref")
    if ref is None:
        return node
    assert ref.startswith("#/"), ref
    target: Any = schema
    for part in ref[2:].split("/"):
        target = target[part]
    return {**resolve(schema, target), **{k: v for k, v in node.items() if k != "$ref"}}


def consts(node: dict[str, Any]) -> list[str]:
    """The values a ``oneOf`` of ``const`` alternatives allows, sorted."""
    return sorted(alternative["const"] for alternative in node["oneOf"])


def user_options(schema: dict[str, Any]) -> dict[str, Any]:
    return schema["definitions"]["userOptions"]["properties"]


def test_option_kinds(schema):
    assert consts(schema["definitions"]["serverOption"]) == sorted(constants.OPTION_KINDS)
    # the start form's "option" field is that definition
    assert consts(resolve(schema, user_options(schema)["option"])) == sorted(constants.OPTION_KINDS)


def test_repo_types(schema):
    properties = schema["definitions"]["repo2dockerOptions"]["properties"]
    assert consts(properties["repotype"]) == sorted(constants.REPO_TYPES)


def test_repo_path_types(schema):
    properties = schema["definitions"]["repo2dockerOptions"]["properties"]
    assert consts(properties["repopathtype"]) == sorted(constants.REPO_PATH_TYPES)


def test_max_name_length(schema):
    assert user_options(schema)["name"]["maxLength"] == constants.MAX_NAME_LENGTH
    # a launcher preset's name has the same limit
    preset = schema["definitions"]["launcher"]["properties"]["options"]["properties"]
    assert preset["name"]["maxLength"] == constants.MAX_NAME_LENGTH


def test_default_system_and_flavor_are_offered():
    system = constants.DEFAULT_USER_OPTIONS["system"]
    flavor = constants.DEFAULT_USER_OPTIONS["flavor"]
    assert system in constants.SYSTEMS
    assert flavor in constants.SYSTEMS[system]


@pytest.mark.parametrize("key", ["option", "custom", "system", "flavor", "name"])
def test_default_user_options(schema, key):
    """The hub's defaults for POST /hub/api/start are the extension's defaults."""
    assert user_options(schema)[key]["default"] == constants.DEFAULT_USER_OPTIONS[key]
    # and so are the "Default server options" of the settings
    assert (
        schema["properties"]["defaultOptions"]["default"][key]
        == (constants.DEFAULT_USER_OPTIONS[key])
    )
