"""Run tasks in worker processes bounded in memory and time: a worker that runs out of
memory, overruns its time or dies takes only its own task with it, and is replaced.

Workers are forked (they share what the parent loaded, start in milliseconds and need
nothing pickled but the results); each sets ``RLIMIT_AS`` to what it uses at start plus the
memory allowed per task, and the parent kills one whose task outlives its time. One worker
is as isolated as many: a task never runs in the parent.
"""

from __future__ import annotations

import logging
import multiprocessing
import resource
import signal
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Generic, TypeVar

from lkjip_audit.limits import MB

T = TypeVar("T")
R = TypeVar("R")
log = logging.getLogger(__name__)
GOODBYE_SECONDS = 5.0  # how long a worker told to stop may take before it is killed


@dataclass(frozen=True, slots=True)
class Lost:
    """Why a task has no result: ``seconds`` (overran its time), ``memory_mb`` (ran out of
    memory) or ``crash`` (its worker died: ``detail`` says how)."""

    limit: str
    detail: str = ""


def _address_space() -> int | None:
    """This process's address space in bytes, or None where /proc does not say."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        return None
    return None


def _limit_memory(memory_mb: float) -> None:
    """Let this process grow by ``memory_mb`` over what it uses now, never above the hard
    limit it inherited."""
    used = _address_space()
    if used is None:
        return
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    soft = used + int(memory_mb * MB)
    if hard != resource.RLIM_INFINITY:
        soft = min(soft, hard)
    resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def _serve(conn: Connection, work: Callable[[T], R], tasks: Sequence[T], memory_mb: float) -> None:
    """A worker: run the tasks whose index the parent sends, until it sends None. After a
    MemoryError the worker leaves: what it holds may be half-built."""
    # Ctrl-C reaches the whole process group: the parent decides what it ends.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _limit_memory(memory_mb)
    while (index := conn.recv()) is not None:
        try:
            outcome: R | Lost = work(tasks[index])
        except MemoryError:
            outcome = Lost("memory_mb")
        except Exception as error:  # the parent words it; the worker serves on
            log.exception("task %d failed", index)
            outcome = Lost("crash", f"{type(error).__name__}: {error}")
        try:
            conn.send((index, outcome))
        except Exception as error:  # a result that cannot be sent back
            log.exception("the result of task %d cannot be sent", index)
            conn.send((index, Lost("crash", f"{type(error).__name__}: {error}")))
        if isinstance(outcome, Lost) and outcome.limit == "memory_mb":
            return


def _death(exitcode: int | None) -> Lost:
    """What a worker's exit code says of how it died."""
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = str(-exitcode)
        return Lost("crash", name)
    return Lost("crash", f"exit {exitcode}")


@dataclass(slots=True)
class _Worker:
    process: multiprocessing.process.BaseProcess
    conn: Connection
    task: int | None = None
    deadline: float = 0.0

    def stop(self) -> None:
        """End the worker now, whatever it is doing."""
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.conn.close()


class _Pool(Generic[T, R]):
    """Workers, the tasks not yet given out, and the outcomes not yet handed back."""

    def __init__(
        self, tasks: Sequence[T], work: Callable[[T], R], size: int, seconds: float, memory: float
    ) -> None:
        self.tasks, self.work, self.size = tasks, work, size
        self.seconds, self.memory = seconds, memory
        self.todo: deque[int] = deque(range(len(tasks)))
        self.done: dict[int, R | Lost] = {}
        self.workers: list[_Worker] = []

    def _start(self) -> _Worker:
        parent, child = multiprocessing.Pipe()
        process = multiprocessing.get_context("fork").Process(
            target=_serve, args=(child, self.work, self.tasks, self.memory), daemon=True
        )
        process.start()
        child.close()
        worker: _Worker = _Worker(process, parent)
        self.workers.append(worker)
        return worker

    def hand_out(self) -> None:
        """Give every idle worker a task, starting workers up to the pool's size."""
        for worker in [w for w in self.workers if w.task is None and not w.process.is_alive()]:
            self._lose(worker, _death(worker.process.exitcode))
        while self.todo:
            idle = next((w for w in self.workers if w.task is None), None)
            if idle is None and len(self.workers) >= self.size:
                return
            worker = idle or self._start()
            worker.task = self.todo.popleft()
            worker.deadline = time.monotonic() + self.seconds
            try:
                worker.conn.send(worker.task)
            except OSError:  # it died since it was last seen: the task is lost with it
                worker.process.join()
                self._lose(worker, _death(worker.process.exitcode))

    def _lose(self, worker: _Worker, lost: Lost) -> None:
        if worker.task is not None:
            self.done[worker.task] = lost
        worker.stop()
        self.workers.remove(worker)

    def collect(self) -> None:
        """Wait for a result, a death or a deadline, and record what happened."""
        busy = [w for w in self.workers if w.task is not None]
        timeout = max(0.0, min(w.deadline for w in busy) - time.monotonic())
        wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout)
        for worker in busy:
            if worker.conn.poll():
                try:
                    index, outcome = worker.conn.recv()
                except (EOFError, OSError):
                    worker.process.join()
                    self._lose(worker, _death(worker.process.exitcode))
                    continue
                self.done[index] = outcome
                worker.task = None
                if isinstance(outcome, Lost) and outcome.limit == "memory_mb":
                    self._lose(worker, outcome)
            elif not worker.process.is_alive():
                self._lose(worker, _death(worker.process.exitcode))
            elif time.monotonic() > worker.deadline:
                self._lose(worker, Lost("seconds"))

    def close(self) -> None:
        """Tell idle workers to leave, then end whatever is left."""
        for worker in self.workers:
            if worker.task is None and worker.process.is_alive():
                try:
                    worker.conn.send(None)
                except OSError:
                    continue
        ends = time.monotonic() + GOODBYE_SECONDS
        for worker in self.workers:
            if worker.task is None:
                worker.process.join(max(0.0, ends - time.monotonic()))
            worker.stop()
        self.workers.clear()


def run_bounded(
    tasks: Sequence[T],
    work: Callable[[T], R],
    *,
    workers: int,
    seconds: float,
    memory_mb: float,
) -> Iterator[R | Lost]:
    """``work(task)`` for every task, each in a worker process (at most ``workers`` at a time)
    allowed ``seconds`` of wall time and ``memory_mb`` more address space; the outcomes come
    in task order, a :class:`Lost` for a task whose worker did not give one back.

    Interrupted (Ctrl-C) or abandoned, it kills its workers before the exception goes on.
    """
    pool: _Pool[T, R] = _Pool(tasks, work, max(1, workers), seconds, memory_mb)
    try:
        for index in range(len(tasks)):
            while index not in pool.done:
                pool.hand_out()
                pool.collect()
            yield pool.done.pop(index)
    finally:
        pool.close()
