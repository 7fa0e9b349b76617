"""The progress bar of a batch, on stderr."""

import sys
import time

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.text import Text


class BatchProgress:
    """A transient progress bar on stderr, only when stderr is a terminal and there is more than one document.

    It refreshes when a document is done (no refresh thread: worker processes are forked)."""

    def __init__(self, total: int | None):
        self._bar = None
        if (total is None or total > 1) and sys.stderr.isatty():
            self._bar = Progress(
                TextColumn("checking"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                console=Console(stderr=True), transient=True, auto_refresh=False,
                redirect_stdout=False, redirect_stderr=False,
            )
            self._task = self._bar.add_task("checking", total=total)
            self._drawn = 0.0

    def __enter__(self) -> "BatchProgress":
        if self._bar:
            self._bar.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def stop(self) -> None:
        if self._bar:
            self._bar.stop()

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
            self._bar.console.print(Text(line), soft_wrap=True, highlight=False)
        else:
            click.echo(line, err=True)
