"""User options of the start API: defaults, merging, validation.

Used by the ``/hub/api/start`` handler (to answer 400 with a readable message)
and by the spawner (so that servers started through JupyterHub's stock
``POST /hub/api/users/{user}/servers/{server}`` get the same treatment).
"""

from __future__ import annotations

import copy
from typing import Any

from . import constants

#: user options as the start API takes them (JSON)
UserOptions = dict[str, Any]
#: {system: {flavor: {display_name, max, runtime}}}, as /hub/api/outpostflavors serves them
Systems = dict[str, dict[str, dict[str, Any]]]


class OptionsError(ValueError):
    """User options that the hub refuses; str(error) is meant for a person."""


def deep_merge(base: dict[str, Any], update: dict[str, Any]) -> dict[str, Any]:
    """Return a new dict: ``update`` merged over ``base``, nested dicts merged too."""
    merged = copy.deepcopy(base)
    for key, value in update.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = deep_merge(merged[key], value)
        else:
            merged[key] = copy.deepcopy(value)
    return merged


def _non_empty_string(value: object) -> bool:
    return isinstance(value, str) and value.strip() != ""


def normalize(body: object, systems: Systems | None = None) -> UserOptions:
    """Merge ``body`` over the default options and validate the result.

    ``systems`` is the ``{system: {flavor: ...}}`` map that
    ``/hub/api/outpostflavors`` serves (default: constants.SYSTEMS).
    Returns the complete options; raises OptionsError.
    Keys the hub does not know (e.g. ``service``, ``profile``) are kept as given.
    """
    if systems is None:
        systems = constants.SYSTEMS
    if body is None:
        body = {}
    if not isinstance(body, dict):
        raise OptionsError("The request body must be a JSON object with the user options.")
    options = deep_merge(constants.DEFAULT_USER_OPTIONS, body)

    option = options.get("option")
    if option not in constants.OPTION_KINDS:
        raise OptionsError(
            f"Unknown option {option!r}: use one of {', '.join(constants.OPTION_KINDS)}."
        )

    if option == "custom":
        custom = options.get("custom")
        if not isinstance(custom, dict) or not _non_empty_string(custom.get("customimage")):
            raise OptionsError('The option "custom" needs an image name in custom.customimage.')
    elif option == "repo2docker":
        r2d = options.get("repo2docker")
        if not isinstance(r2d, dict):
            raise OptionsError(
                'The option "repo2docker" needs a "repo2docker" object with repotype and repourl.'
            )
        if r2d.get("repotype") not in constants.REPO_TYPES:
            raise OptionsError(
                f"Unknown repo2docker.repotype {r2d.get('repotype')!r}:"
                f" use one of {', '.join(constants.REPO_TYPES)}."
            )
        if not _non_empty_string(r2d.get("repourl")):
            raise OptionsError("repo2docker.repourl must name the repository.")
        for key in ("reporef", "repopath"):
            if key in r2d and not isinstance(r2d[key], str):
                raise OptionsError(f"repo2docker.{key} must be a string.")
        if "repopathtype" in r2d and r2d["repopathtype"] not in constants.REPO_PATH_TYPES:
            raise OptionsError(
                f"Unknown repo2docker.repopathtype {r2d['repopathtype']!r}:"
                f" use one of {', '.join(constants.REPO_PATH_TYPES)}."
            )

    system = options.get("system")
    if not isinstance(system, str) or system not in systems:
        raise OptionsError(f"Unknown system {system!r}: available are {', '.join(systems)}.")
    flavor = options.get("flavor")
    if not isinstance(flavor, str) or flavor not in systems[system]:
        raise OptionsError(
            f"Unknown flavor {flavor!r} for system {system}:"
            f" available are {', '.join(systems[system])}."
        )

    name = options.get("name")
    if not isinstance(name, str):
        raise OptionsError("name must be a string.")
    if len(name) > constants.MAX_NAME_LENGTH:
        raise OptionsError(
            f"name is {len(name)} characters long; at most {constants.MAX_NAME_LENGTH} are allowed."
        )

    for key in ("service", "profile"):
        if key in options and not isinstance(options[key], str):
            raise OptionsError(f"{key} must be a string.")
    return options


def image_of(options: UserOptions) -> str:
    """The image a server with these (normalized) options runs, as NFDI_IMAGE shows it."""
    option = options.get("option")
    if option == "custom":
        return options["custom"]["customimage"].strip()
    if option == "repo2docker":
        r2d = options["repo2docker"]
        ref = r2d.get("reporef") or "HEAD"
        return f"r2d:{r2d['repotype']}:{r2d['repourl']}@{ref}"
    return constants.DEFAULT_OPTION_IMAGE
