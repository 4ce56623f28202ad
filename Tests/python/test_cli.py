"""The teamplotter binary as a process: what a shell script sees (exit codes, closed pipes)."""
import os
import subprocess
import pathlib

import pytest

BIN = os.environ.get("TEAMPLOTTER_BIN", "")
ROOT = pathlib.Path(__file__).resolve().parents[2]
TEAM = str(ROOT / "examples" / "voorbeeldstad-team.csv")
NEEDS = str(ROOT / "examples" / "voorbeeldstad-behoefte.csv")

pytestmark = pytest.mark.skipif(not BIN, reason="TEAMPLOTTER_BIN is not set (scripts/test sets it)")


def run(args, **kwargs):
    return subprocess.run([BIN, *args], capture_output=True, timeout=60, **kwargs)


def test_closed_stdout_exits_one_without_a_crash():
    result = subprocess.run([BIN, "analyse", TEAM], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            timeout=60, preexec_fn=lambda: os.close(1))
    assert result.returncode == 1
    assert b"crash" not in result.stderr.lower() and b"Fatal error" not in result.stderr
    assert b"standaarduitvoer" in result.stderr


def test_a_reader_that_stops_early_is_no_signal():
    process = subprocess.Popen([BIN, "roles", "--format", "json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.read(10)
    process.stdout.close()
    process.wait(timeout=60)
    assert process.returncode in (0, 1)
    assert b"Fatal error" not in process.stderr.read()


def test_a_fifo_nobody_writes_to_is_empty_instead_of_waiting_forever(tmp_path):
    fifo = tmp_path / "team.csv"
    os.mkfifo(fifo)
    result = run(["analyse", str(fifo)])
    assert result.returncode == 2
    assert b"het bestand is leeg" in result.stderr


def test_standard_input_and_a_pipe_are_read_as_a_file_is():
    whole = run(["analyse", TEAM, "--needs", NEEDS, "--format", "json"])
    assert whole.returncode == 0, whole.stderr
    with open(TEAM, "rb") as team:
        piped = run(["analyse", "-", "--needs", NEEDS, "--format", "json", "--name", "voorbeeldstad-team"], stdin=team)
    assert piped.returncode == 0, piped.stderr
    assert piped.stdout == whole.stdout
    substituted = subprocess.run(["bash", "-c", f'"{BIN}" analyse <(cat "{TEAM}") --needs "{NEEDS}" --format json --name voorbeeldstad-team'],
                                 capture_output=True, timeout=60)
    assert substituted.returncode == 0, substituted.stderr
    assert substituted.stdout == whole.stdout
    # A device could never end: refused, not read.
    device = run(["analyse", "/dev/zero"])
    assert device.returncode == 2 and b"geen gewoon bestand" in device.stderr


def test_exit_codes_for_scripts(tmp_path):
    assert run(["analyse", TEAM, "--needs", NEEDS, "--format", "json"]).returncode == 0
    assert run(["analyse", str(tmp_path / "missing.csv")]).returncode == 2
    assert run(["analyse"]).returncode == 2
    assert run(["convert", TEAM, "-o", str(tmp_path / "no" / "such" / "folder.json")]).returncode == 1


def test_output_to_a_fifo_writes_into_it_and_leaves_it_a_fifo(tmp_path):
    # -o /dev/null once replaced the device with a file (atomic rename); a FIFO shows the same
    # without touching the machine's /dev/null.
    import stat
    import threading
    fifo = tmp_path / "out"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(open(fifo, "rb").read()), daemon=True)
    reader.start()
    result = run(["analyse", TEAM, "--needs", NEEDS, "-o", str(fifo)])
    reader.join(timeout=10)
    assert result.returncode == 0, result.stderr
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert received and b"Usability expert" in received[0]


def test_a_csv_export_into_a_fifo_leaves_no_needs_file_beside_it(tmp_path):
    # -o /dev/null once left a regular file /dev/null-behoefte.csv; a FIFO shows the same.
    import threading
    fifo = tmp_path / "out"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(open(fifo, "rb").read()), daemon=True)
    reader.start()
    result = run(["export", TEAM, "--needs", NEEDS, "--format", "csv", "-o", str(fifo)])
    reader.join(timeout=10)
    assert result.returncode == 0, result.stderr
    assert received and b"Functie" in received[0]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
    assert b"behoefte is niet geschreven" in result.stderr


def test_output_through_a_symlink_keeps_the_link(tmp_path):
    target = tmp_path / "real.txt"
    target.write_text("old")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    result = run(["analyse", TEAM, "-o", str(link)])
    assert result.returncode == 0, result.stderr
    assert link.is_symlink()
    assert "Usability expert" in target.read_text()


def test_overwriting_a_private_output_file_keeps_it_private(tmp_path):
    out = tmp_path / "analyse.txt"
    out.write_text("old")
    os.chmod(out, 0o600)
    result = run(["analyse", TEAM, "-o", str(out)])
    assert result.returncode == 0, result.stderr
    assert "Usability expert" in out.read_text()
    assert os.stat(out).st_mode & 0o777 == 0o600
