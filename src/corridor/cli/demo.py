"""`corridor demo`: what `make run` shows a newcomer (filled in as capabilities land)."""

import typer


def register(app: typer.Typer) -> None:
    @app.command("demo")
    def demo() -> None:
        """Show the Japan → Korea timeline and one determination."""
