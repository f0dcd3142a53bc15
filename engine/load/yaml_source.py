"""Reading YAML safely, keeping line numbers for every mapping key and list item.

ruamel.yaml's round-trip loader records positions and never executes tags (a `!!python/...` tag
stays inert data); we go further and refuse every explicit tag, since rule files need none.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq, TaggedScalar
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from tolka.errors import UnsafeYamlError, YamlSyntaxError


def _check_tags(node: Any, path: str) -> None:
    if isinstance(node, TaggedScalar):
        raise UnsafeYamlError(
            f"the tag {node.tag.value} is not allowed",
            file=path,
            hint="rule files are plain YAML; quote the value instead of tagging it",
        )
    if isinstance(node, (CommentedMap, CommentedSeq)):
        tag = getattr(node, "tag", None)
        value = getattr(tag, "value", None)
        if value and not value.startswith(("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq")):
            raise UnsafeYamlError(
                f"the tag {value} is not allowed",
                file=path,
                line=node.lc.line + 1,
                hint="rule files are plain YAML; remove the tag",
            )
        children = node.values() if isinstance(node, CommentedMap) else node
        for child in children:
            _check_tags(child, path)


def read_yaml(path: Path, name: str | None = None) -> Any:
    """Load one YAML file. Raises `YamlSyntaxError` / `UnsafeYamlError` with file and line.

    `name` is how the file is named in messages (default: its path).
    """
    shown = name or str(path)
    yaml = YAML(typ="rt")
    try:
        data = yaml.load(path.read_text(encoding="utf-8"))
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise YamlSyntaxError(
            (exc.problem or str(exc)).strip(),
            file=shown,
            line=mark.line + 1 if mark else None,
            hint=(exc.context or "check indentation, colons and quotes").strip(),
        ) from None
    except YAMLError as exc:
        raise YamlSyntaxError(str(exc).strip(), file=shown) from None
    except UnicodeDecodeError as exc:
        raise YamlSyntaxError(f"not UTF-8 text: {exc}", file=shown) from None
    _check_tags(data, shown)
    return data


def line_of(node: Any, location: Sequence[Any] = ()) -> int | None:
    """1-based line of the deepest node reachable along `location` (keys and list indexes)."""
    line = node.lc.line + 1 if isinstance(node, (CommentedMap, CommentedSeq)) else None
    for step in location:
        if isinstance(node, CommentedMap) and step in node:
            line = node.lc.key(step)[0] + 1
            node = node[step]
        elif isinstance(node, CommentedSeq) and isinstance(step, int) and 0 <= step < len(node):
            line = node.lc.item(step)[0] + 1
            node = node[step]
        else:
            break
    return line
