"""The web page and JSON API of `tolka serve`: FastAPI served by uvicorn, in one process.

The server builds one `Engine` at startup and calls the same library functions as the CLI
(evaluate, next_questions, compare, mandate, readings_matrix, explain, action_plan); the API
returns the CLI's `--format json` contract byte for byte. Nothing a client sends is stored or
logged: the access log carries method, route, status and duration only.
"""

from tolka.server.app import create_app

__all__ = ["create_app"]
