"""Logging without personal data.

The server logs one line per request — method, route, status, duration — and never a body, a
query string, a header or an exception message (messages about bad input quote the input).
uvicorn's own access log is switched off because it logs the query string.
"""

from __future__ import annotations

import logging
import traceback
from typing import Any

ACCESS = logging.getLogger("tolka.server.access")
ERRORS = logging.getLogger("tolka.server.error")


def safe_traceback(exc: BaseException) -> str:
    """Where an exception was raised (files, lines, code) without its message, which may quote input."""
    frames = "".join(traceback.format_tb(exc.__traceback__))
    return f"{type(exc).__module__}.{type(exc).__qualname__} (message withheld: it may contain personal data)\n{frames}"


def log_config(level: str = "INFO") -> dict[str, Any]:
    """A `logging.config.dictConfig` for uvicorn and tolka's server loggers, to standard error."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
        "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "plain", "stream": "ext://sys.stderr"}},
        "loggers": {
            "uvicorn": {"handlers": ["stderr"], "level": level, "propagate": False},
            "uvicorn.error": {"handlers": ["stderr"], "level": level, "propagate": False},
            # Off: it would log the query string of every request.
            "uvicorn.access": {"handlers": [], "level": "CRITICAL", "propagate": False},
            "tolka": {"handlers": ["stderr"], "level": level, "propagate": False},
        },
    }
