"""The README runs as written: every `$ corridor …` line, top to bottom, in a fresh home.

Each command must exit as the README says (`# exit N` at the end of the line, 0 otherwise), and
every output line the README shows (`…` standing for anything; not table rules or JSON) must
appear in what the command prints. A block that reads `../shared` (or screens against the lists it loads) is
skipped, with the reason, when it is absent.
"""

from __future__ import annotations

import os
import re
import shlex
import signal
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXIT = re.compile(r"\s+#\s*exit (\d+)\s*$")
COMMENT = re.compile(r"\s+#\s.*$")
NOT_CHECKED = re.compile(r"[│┃┏┗━┡└┌─]|^\s*[{}\[\]\"]")


SERVER = "until Ctrl+C"


@dataclass
class Command:
    line: str
    exit_code: int
    server: bool = False
    shown: list[str] = field(default_factory=list)


def readme_blocks(text: str) -> list[list[Command]]:
    """The fenced blocks that hold `$ corridor` commands, each as its commands with their output."""
    blocks = []
    for body in re.findall(r"^```[a-z]*\n(.*?)^```", text, flags=re.S | re.M):
        commands: list[Command] = []
        lines = iter(body.splitlines())
        for line in lines:
            if line.startswith("$ "):
                while line.endswith("\\"):
                    line = line[:-1] + next(lines).strip()
                exit_code = int(match.group(1)) if (match := EXIT.search(line)) else 0
                commands.append(Command(COMMENT.sub("", line[2:]).strip(), exit_code, SERVER in line))
            elif commands:
                commands[-1].shown.append(line)
        if any(c.line.startswith("corridor ") or " corridor " in c.line for c in commands):
            blocks.append(commands)
    return blocks


def _needs_shared(line: str) -> bool:
    """Lines that read ../shared, and screenings (they need the lists those lines load)."""
    return "../shared" in line or line.startswith("corridor screen")


def _shown_in(line: str, printed: str) -> bool:
    """The README's line appears in the output; `…` stands for anything (a hash, a count, a tail)."""
    pattern = ".*?".join(re.escape(part.strip()) for part in _normal(line).split("…"))
    return re.search(pattern, printed) is not None


def _normal(text: str) -> str:
    return " ".join(text.split())


def _serve_until_it_answers(executable: Path, argv: list[str], work: Path, env: dict) -> None:
    """A server command runs until Ctrl+C: start it, wait for its first line and /health, stop it."""
    import socket

    import httpx

    with socket.socket() as probe:  # the README's port may be taken on a shared machine
        probe.bind(("127.0.0.1", 0))
        port = str(probe.getsockname()[1])
    argv[argv.index("--port") + 1] = port
    server = subprocess.Popen([executable, *argv[1:]], cwd=work, env=env, stderr=subprocess.PIPE, text=True)
    try:
        assert f"http://127.0.0.1:{port}/" in server.stderr.readline()
        for _ in range(100):
            try:
                assert httpx.get(f"http://127.0.0.1:{port}/health").status_code == 200
                break
            except httpx.ConnectError:
                subprocess.run(["sleep", "0.1"])
    finally:
        server.send_signal(signal.SIGINT)
        server.communicate(timeout=30)


def _in_shell(line: str, work: Path, env: dict, state: Path) -> subprocess.CompletedProcess:
    """Run one README line in bash, keeping the variables it sets (tokens) for the lines after it."""
    script = f'set -a; [ -f "{state}" ] && . "{state}"; {line}\nrc=$?; export -p > "{state}"; exit $rc'
    return subprocess.run(["bash", "-c", script], cwd=work, env=env, capture_output=True, text=True,
                          timeout=300)


def test_the_readme_has_commands_to_walk() -> None:
    blocks = readme_blocks((ROOT / "README.md").read_text())
    assert sum(len(b) for b in blocks) >= 15
    assert any("examples/parties.yaml" in c.line for b in blocks for c in b)


def test_every_readme_command_runs_as_written(tmp_path: Path) -> None:
    """One home for the whole walk, as a new user has; `make run` (the demo) comes first."""
    work = tmp_path / "corridor"
    work.mkdir()
    (work / "examples").symlink_to(ROOT / "examples")
    if SHARED.exists():
        (tmp_path / "shared").symlink_to(SHARED)
    env = {**os.environ, "CORRIDOR_HOME": str(tmp_path / "home"), "COLUMNS": "250", "NO_COLOR": "1",
           "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}"}
    for variable in ("CORRIDOR_DATABASE_URL", "CORRIDOR_TOKEN", "CORRIDOR_ACTOR", "CORRIDOR_AUDIT_KEY"):
        env.pop(variable, None)
    executable = Path(sys.executable).parent / "corridor"
    demo = subprocess.run([executable, "demo"], cwd=work, env=env, capture_output=True, text=True)
    assert demo.returncode == 0, demo.stderr
    skipped = []
    for block in readme_blocks((ROOT / "README.md").read_text()):
        if any(_needs_shared(c.line) for c in block) and not SHARED.exists():
            skipped.append(block[0].line)
            continue
        for command in block:
            argv = shlex.split(command.line)
            if command.server:
                _serve_until_it_answers(executable, argv, work, env)
                continue
            done = _in_shell(command.line, work, env, tmp_path / "shell.env")
            printed = _normal(done.stdout + "\n" + done.stderr)
            assert done.returncode == command.exit_code, (command.line, done.stdout, done.stderr)
            for line in command.shown:
                if line.strip() and not NOT_CHECKED.search(line):
                    assert _shown_in(line, printed), (command.line, line, done.stdout + done.stderr)
    if skipped:
        pytest.skip(f"../shared is absent, so the blocks starting {skipped} were not run")
