"""Population runs over Dask: the same chunks, evaluated by a cluster's workers.

The driver reads the people file and sends each batch to a worker, which runs
`tolka.population.run.evaluate_chunk` and returns the chunk's compact answers; the driver writes
results and adds up the summary in input order, so the output is the same as a single-process run.
The rulebook and plan go to every worker once (`scatter(broadcast=True, hash=False)`); at most `window`
chunks are in flight, so memory stays bounded however large the file.

Without an address a local cluster (one single-threaded worker process per core) is started and
stopped with the run. With `--scheduler tcp://host:8786` an existing cluster is used: its workers
need tolka and its dependencies installed (the rulebook itself travels with the tasks).
"""

from __future__ import annotations

import logging
import os
from collections import deque
from collections.abc import Callable, Iterator
from typing import Any

from tolka.boundary import code
from tolka.errors import OptionError
from tolka.i18n import N_
from tolka.population.run import Batches, ChunkResult, Context, evaluate_chunk


def dask_executor(
    scheduler: str | None = None, workers: int | None = None, window: int | None = None
) -> Callable[[Context, Batches], Iterator[ChunkResult]]:
    """An executor for `run_population` that evaluates chunks on Dask."""

    def execute(context: Context, batches: Batches) -> Iterator[ChunkResult]:
        from distributed import Client, LocalCluster

        cluster = None
        if scheduler:
            client = _connect(Client, scheduler)
        else:
            cluster = LocalCluster(
                n_workers=workers or os.cpu_count() or 1,
                threads_per_worker=1,  # NumPy work holds the GIL in parts: processes, not threads
                processes=True,
                dashboard_address=None,
                silence_logs=logging.ERROR,
            )
            client = Client(cluster)
        try:
            # hash=False: hashing the rulebook to name it costs longer than the run (59 s against
            # 5 s for 100,000 persons); each run scatters its own context once anyway.
            shared = client.scatter(context, broadcast=True, hash=False)
            limit = window or 2 * max(1, len(client.scheduler_info()["workers"]))
            pending: deque = deque()
            for first_row, batch in batches:
                pending.append(client.submit(evaluate_chunk, shared, batch, first_row, pure=False))
                if len(pending) >= limit:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:
            client.close()
            if cluster is not None:
                cluster.close()

    return execute


# A scheduler address that is none (ValueError), and one nobody answers at (OSError): message, hint.
SCHEDULER_PROBLEMS = {
    False: (
        N_("{address} is not the address of a Dask scheduler"),
        N_("write it as tcp://host:8786, or leave out --scheduler for a local cluster"),
    ),
    True: (
        N_("no Dask scheduler answers at {address}"),
        N_("start one (`dask scheduler`), or leave out --scheduler for a local cluster"),
    ),
}


def _connect(client: Any, address: str) -> Any:
    """A client of the scheduler at `address`; a wrong or silent address is the user's mistake
    (`OptionError`, exit 2), not a bug in tolka."""
    try:
        return client(address)
    except (ValueError, OSError) as exc:
        message, hint = SCHEDULER_PROBLEMS[isinstance(exc, OSError)]
        raise OptionError(message, hint=hint, address=code(address)) from None
