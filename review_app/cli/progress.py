"""Progress of the reviews on stderr: bars in a terminal, one line per finished file elsewhere."""

from rich.console import Console
from rich.progress import BarColumn, Progress, TaskID, TaskProgressColumn, TextColumn


class ReviewProgress:
    """A bar per file, kept on stderr so that stdout holds only the report."""

    def __init__(self, enabled: bool = True) -> None:
        self.console = Console(stderr=True, highlight=False)
        self.enabled = enabled
        self.live = enabled and self.console.is_terminal
        self._bars = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            TaskProgressColumn(),
            TextColumn("{task.fields[stage]}"),
            console=self.console,
            disable=not self.live,
        )

    def __enter__(self) -> "ReviewProgress":
        self._bars.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._bars.stop()

    def add(self, path: str) -> TaskID:
        """A new bar for `path`, waiting in the queue."""
        return self._bars.add_task(path, total=100, stage="queued")

    def update(self, task: TaskID, percent: int, stage: str) -> None:
        """Move the bar of a review still under way."""
        self._bars.update(task, completed=percent, stage=stage.replace("_", " "))

    def finish(self, task: TaskID, outcome: str) -> None:
        """Complete the bar with how it ended (a plain line when there are no bars)."""
        self._bars.update(task, completed=100, stage=outcome)
        if self.enabled and not self.live:
            path = self._bars.tasks[task].description
            self.console.print(f"{path}: {outcome}", markup=False)
