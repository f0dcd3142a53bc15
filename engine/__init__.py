"""tolka: rules as code for how jurisdictions read the law on support to young adults."""

__version__ = "0.1.0"
__all__ = ["Tolka", "__version__", "load_rulebook"]


def __getattr__(name: str) -> object:
    """`tolka.load_rulebook` and `tolka.Tolka` from tolka.api, imported on first use so that
    `import tolka` stays cheap for the CLI and the rulebook loader. (Not `tolka.load`: that is the
    loader package, tolka/load/.)"""
    if name in ("load_rulebook", "Tolka"):
        from tolka import api

        return getattr(api, name)
    raise AttributeError(f"module 'tolka' has no attribute {name!r}")
