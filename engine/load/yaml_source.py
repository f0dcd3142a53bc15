"""Reading YAML safely, keeping line numbers for every mapping key and list item.

ruamel.yaml's round-trip loader records positions and never executes tags (a `!!python/...` tag
stays inert data); we go further and refuse every explicit tag, since rule files and cases need none.
Decoding and parsing go through `tolka.boundary`, which bounds size, aliases and depth.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq, TaggedScalar

from tolka.boundary import RULE_ALIASES, RULE_DEPTH, RULE_FILE_BYTES, decode, load_yaml, read_limited, shown
from tolka.errors import TolkaError, UnsafeYamlError, YamlSyntaxError


def refuse_tags(
    node: Any, path: str | Path, error: type[TolkaError] = UnsafeYamlError, line: int | None = None
) -> None:
    """Refuse every explicit tag (`!!python/...`, `!custom`) in loaded data, with its line."""
    if isinstance(node, TaggedScalar):
        raise error(
            f"the tag {shown(node.tag.value)} is not allowed",
            file=path,
            line=line,
            hint="plain YAML only: quote the value instead of tagging it",
        )
    if isinstance(node, (CommentedMap, CommentedSeq)):
        tag = getattr(node, "tag", None)
        value = getattr(tag, "value", None)
        if value and not value.startswith(("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq")):
            raise error(
                f"the tag {shown(value)} is not allowed",
                file=path,
                line=node.lc.line + 1,
                hint="plain YAML only: remove the tag",
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
    shown_name = name or str(path)
    data = read_limited(path, RULE_FILE_BYTES, YamlSyntaxError)
    entry = _cache_entry(data)
    if entry is not None and entry.exists():
        try:
            return pickle.loads(entry.read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError, TypeError):
            pass  # a damaged entry is parsed again below (and rewritten)
    text = decode(data, shown_name, YamlSyntaxError)
    loaded = load_yaml(text, shown_name, YamlSyntaxError, aliases=RULE_ALIASES, depth=RULE_DEPTH)
    refuse_tags(loaded, shown_name)
    if entry is not None:
        _store(entry, loaded)
    return loaded


# --- the parsed-YAML cache --------------------------------------------------------------------
# Parsing is most of the time of loading a rulebook without the compiled-rulebook cache (ruamel's
# round-trip parser is pure Python; about 15 ms a file), and that cache is invalidated by any edit
# to any file. So each file's parsed data (line numbers included) is also kept on its own, under
# the cache directory's `parsed-yaml/`, named by a SHA-256 of the file's bytes and of everything
# that shapes the result (tolka, Python and ruamel.yaml versions, the parsing code). An entry can
# never be stale: other bytes give another name. Files that fail to parse are never stored, so
# their errors are reported afresh every time.


@functools.cache
def _salt() -> bytes:
    import ruamel.yaml

    import tolka
    from tolka import boundary

    parts = [f"tolka {tolka.__version__} python {sys.version} ruamel {ruamel.yaml.__version__}".encode()]
    parts += [Path(module).read_bytes() for module in (__file__, boundary.__file__)]
    return b"\0".join(parts) + b"\0"


def _cache_entry(data: bytes) -> Path | None:
    """Where the parsed form of a file with these bytes is kept; None when caching is off."""
    from tolka.cache import cache_dir  # tolka.cache imports the loader: import it when used

    directory = cache_dir()
    if directory is None:
        return None
    digest = hashlib.sha256(_salt())
    digest.update(data)
    return directory / "parsed-yaml" / f"{digest.hexdigest()}.pickle"


def _store(entry: Path, loaded: Any) -> None:
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=entry.parent, delete=False) as written:
            pickle.dump(loaded, written, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(written.name, entry)
    except OSError:
        pass  # a read-only cache directory only costs start-up time


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
