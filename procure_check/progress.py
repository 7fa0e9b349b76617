"""How a run tells what it does as it goes: lines for the user (notes, warnings, documents that could not be
read) and how many documents are done. The command line draws a progress bar on stderr; a program that
calls `procure_check.api` gets the lines as log warnings unless it passes a `Progress` of its own."""

import logging
import sys
import time
from collections.abc import Callable
from typing import Protocol

import click


class Progress(Protocol):
    """What a run reports while it checks."""

    def start(self, total: Callable[[], int | None]) -> None:
        """The checks begin; `total()` says how many reports to expect (None: not known). It may cost a read
        of each product list: call it only when the number is shown."""

    def advance(self, count: int) -> None:
        """`count` more reports are done."""

    def echo(self, line: str) -> None:
        """A line for the user."""

    def stop(self) -> None:
        """The checks are over (or interrupted)."""


class LoggedProgress:
    """Lines as warnings of the `procure_check` logger; nothing else."""

    def start(self, total: Callable[[], int | None]) -> None:
        pass

    def advance(self, count: int) -> None:
        pass

    def echo(self, line: str) -> None:
        logging.getLogger("procure_check").warning("%s", line)

    def stop(self) -> None:
        pass


class BatchProgress:
    """Lines on stderr, and a transient progress bar there while more than one document is checked and stderr is
    a terminal.

    It refreshes when a document is done (no refresh thread: worker processes are forked)."""

    def __init__(self) -> None:
        self._bar = None  # a rich progress bar, imported only when one is drawn (rich takes a while to import)
        self._drawn = 0.0

    def start(self, total: Callable[[], int | None]) -> None:
        if not sys.stderr.isatty():
            return
        count = total()
        if count is None or count > 1:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
            from rich.progress import Progress as Bar

            self._bar = Bar(
                TextColumn("checking"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                console=Console(stderr=True), transient=True, auto_refresh=False,
                redirect_stdout=False, redirect_stderr=False,
            )
            self._task = self._bar.add_task("checking", total=count)
            self._bar.start()

    def stop(self) -> None:
        if self._bar:
            self._bar.stop()
            self._bar = None

    def advance(self, count: int = 1) -> None:
        """`count` more documents are done; the bar is redrawn at most ten times a second."""
        if self._bar:
            self._bar.advance(self._task, count)
            now = time.monotonic()
            if now - self._drawn >= 0.1:
                self._bar.refresh()
                self._drawn = now

    def echo(self, line: str) -> None:
        """One line on stderr, above the bar."""
        if self._bar:
            from rich.text import Text

            self._bar.console.print(Text(line), soft_wrap=True, highlight=False)
        else:
            click.echo(line, err=True)
