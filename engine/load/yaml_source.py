"""Reading YAML safely, keeping line numbers for every mapping key and list item.

ruamel.yaml's round-trip loader records positions and never executes tags (a `!!python/...` tag
stays inert data); we go further and refuse every explicit tag, since rule files and cases need none.
Decoding and parsing go through `tolka.boundary`, which bounds size, aliases and depth.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq, TaggedScalar

from tolka.boundary import RULE_ALIASES, RULE_DEPTH, RULE_FILE_BYTES, decode, load_yaml, read_limited, shown
from tolka.errors import TolkaError, UnsafeYamlError, YamlSyntaxError
from tolka.i18n import N_
from tolka.load import stored


def refuse_tags(
    node: Any, path: str | Path, error: type[TolkaError] = UnsafeYamlError, line: int | None = None
) -> None:
    """Refuse every explicit tag (`!!python/...`, `!custom`) in loaded data, with its line."""
    if isinstance(node, TaggedScalar):
        raise error(
            N_("the tag {tag} is not allowed"),
            file=path,
            line=line,
            hint=N_("plain YAML only: quote the value instead of tagging it"),
            tag=shown(node.tag.value),
        )
    if isinstance(node, (CommentedMap, CommentedSeq)):
        tag = getattr(node, "tag", None)
        value = getattr(tag, "value", None)
        if value and not value.startswith(("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq")):
            raise error(
                N_("the tag {tag} is not allowed"),
                file=path,
                line=node.lc.line + 1,
                hint=N_("plain YAML only: remove the tag"),
                tag=shown(value),
            )
        if isinstance(node, CommentedMap):
            for key, child in node.items():
                refuse_tags(child, path, error, _line(node.lc.data.get(key), 2))
        else:
            for index, child in enumerate(node):
                refuse_tags(child, path, error, _line(node.lc.data.get(index), 0))


def _line(position: Any, at: int) -> int | None:
    # ruamel keeps [key line, key column, value line, value column] for a key, [line, column] for an item.
    return position[at] + 1 if position and len(position) > at else None


def read_yaml(path: Path, name: str | None = None) -> Any:
    """Load one rule file through the input boundary (size, UTF-8, bounded aliases and depth, values
    Python can hold) and refuse tags. Raises `YamlSyntaxError` / `UnsafeYamlError` with file and line.

    `name` is how the file is named in messages (default: its path).
    """
    return parse_yaml(
        read_limited(path, RULE_FILE_BYTES, YamlSyntaxError, too_large="too_large_rule_hint"), name or str(path)
    )


def parse_yaml(data: bytes, name: str) -> Any:
    """`read_yaml` of a file's bytes, already read (`name` names the file in messages).

    The parsed data (line numbers included) is kept in the cache directory's `parsed-yaml/`
    (`tolka.load.stored`): ruamel's round-trip parser is pure Python, about 15 ms a file. Files that
    fail to parse are never kept, so their errors are reported afresh every time.
    """
    entry = stored.entry("parsed-yaml", _salt(), data)
    loaded = stored.load(entry)
    if loaded is not stored.MISSING:
        return loaded
    text = decode(data, name, YamlSyntaxError)
    loaded = load_yaml(text, name, YamlSyntaxError, aliases=RULE_ALIASES, depth=RULE_DEPTH)
    refuse_tags(loaded, name)
    stored.store(entry, loaded)
    return loaded


@functools.cache
def _salt() -> bytes:
    """What shapes a parse besides the bytes: the versions and the parsing code (not the whole
    engine, so that an edit of the models keeps the parses)."""
    import ruamel.yaml

    import tolka
    from tolka import boundary

    parts = [f"tolka {tolka.__version__} python {sys.version} ruamel {ruamel.yaml.__version__}".encode()]
    parts += [Path(module).read_bytes() for module in (__file__, boundary.__file__)]
    return b"\0".join(parts) + b"\0"


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
