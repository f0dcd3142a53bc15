"""setup.cfg lists every package of engine/ by name (the tolka=engine mapping rules out `find:`), so a new
subpackage left off the list would be missing from the wheel while the editable install still works."""

from __future__ import annotations

import configparser
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_every_engine_package_is_in_the_wheel():
    config = configparser.ConfigParser()
    config.read(REPO / "setup.cfg", encoding="utf-8")
    listed = set(config["options"]["packages"].split())
    engine = REPO / "engine"
    on_disk = {
        ".".join(("tolka", *init.parent.relative_to(engine).parts))
        for init in engine.rglob("__init__.py")
        if "shipped" not in init.parts
    }
    assert on_disk - listed == set(), "add these to `packages` in setup.cfg"
