"""tolka: rules as code for how jurisdictions read the law on support to young adults."""

__version__ = "0.1.0"
