"""Heavy requests off the event loop: a bounded pool with a time budget.

`next-questions` and `compare` over many jurisdictions cost seconds of CPU. Run in the server's own
threads they would hold the interpreter lock and delay every plain `evaluate`; so they run in a
separate pool — worker processes, each with its own engine (`tolka serve`), or threads when no
process is configured (tests, embedding). The pool admits at most `capacity` requests (running plus
waiting); one more is answered at once with 503 and `Retry-After`. A request that waits longer than
`budget` seconds is answered 503 too; if it had started, its worker finishes the computation and
the answer is dropped (the capacity stays taken until then, so a flood cannot pile up work).
"""

from __future__ import annotations

import asyncio
import multiprocessing
from collections.abc import Callable
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path
from typing import Any

from tolka.evaluate import Engine

BUDGET_SECONDS = 30.0
RETRY_AFTER_SECONDS = 5

_worker_engine: Engine | None = None  # the engine of a pool process, built once when it starts


def _start_worker(root: str, use_cache: bool) -> None:
    global _worker_engine
    _worker_engine = Engine.load(Path(root), use_cache=use_cache)


def _in_worker(task: Callable[..., str], args: tuple[Any, ...]) -> str:
    assert _worker_engine is not None, "pool process started without its engine"
    return task(_worker_engine, *args)


class Busy(Exception):
    """The pool is full, or the answer did not come within the budget: 503 with Retry-After."""

    def __init__(self, message: str, retry_after: int = RETRY_AFTER_SECONDS) -> None:
        super().__init__(message)
        self.message, self.retry_after = message, retry_after


class HeavyPool:
    """A bounded pool for heavy requests; `run` awaits a task's JSON text without blocking the loop."""

    def __init__(
        self,
        engine: Engine,
        processes: int = 0,
        root: Path | None = None,
        use_cache: bool = True,
        queue: int = 2,
        budget: float = BUDGET_SECONDS,
    ) -> None:
        self.engine, self.budget = engine, budget
        self.remote = processes > 0 and root is not None
        workers = processes if self.remote else 1
        self.capacity = workers + queue
        self.pending = 0
        self.executor: Executor
        if self.remote:
            # spawn, not fork: the server process has threads, and durable_rules keeps global state.
            self.executor = ProcessPoolExecutor(
                workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker,
                initargs=(str(root), use_cache),
            )
        else:
            self.executor = ThreadPoolExecutor(workers, thread_name_prefix="tolka-heavy")

    def warm(self) -> None:
        """Start the worker processes now (each loads the engine), not on the first heavy request."""
        if self.remote:
            for _ in range(getattr(self.executor, "_max_workers", 1)):
                self.executor.submit(_noop)

    async def run(self, task: Callable[..., str], *args: Any) -> str:
        """`task(engine, *args)` in the pool. Raises `Busy` when full or over the budget."""
        if self.pending >= self.capacity:
            raise Busy(f"the server is busy with {self.pending} heavy requests; try again shortly")
        loop = asyncio.get_running_loop()
        self.pending += 1
        future: Future[str]
        if self.remote:
            future = self.executor.submit(_in_worker, task, args)
        else:
            future = self.executor.submit(task, self.engine, *args)
        future.add_done_callback(lambda _: loop.call_soon_threadsafe(self._release))
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), self.budget)
        except TimeoutError:
            raise Busy(f"the answer took longer than {self.budget:g} s; try fewer jurisdictions") from None

    def _release(self) -> None:
        self.pending -= 1

    def close(self) -> None:
        """Stop the pool; worker processes are ended, so none outlives the server."""
        # ProcessPoolExecutor's private table of its processes (a thread pool has none): shutdown
        # without waiting does not end a worker in the middle of a task, so they are ended below.
        workers = list((getattr(self.executor, "_processes", None) or {}).values())
        self.executor.shutdown(wait=False, cancel_futures=True)
        for worker in workers:
            worker.terminate()


def _noop() -> None:
    return None
