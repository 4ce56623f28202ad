"""Shared set-up for the Python tests: the release binary under test, the example team, a running
`teamplotter serve` and a headless Chromium."""
import csv
import json
import os
import re
import signal
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
TEAM_CSV = EXAMPLES / "voorbeeldstad-team.csv"
NEEDS_CSV = EXAMPLES / "voorbeeldstad-behoefte.csv"

# The expected gap analysis of the example team (examples README), by catalogue name.
EXPECTED_STATUSES = {
    **dict.fromkeys(["Procesmanager", "Beleidsmedewerker / adviseur nieuwe media", "Contentmanager alle kanalen",
                     "Programmeur", "Social media analist", "Usability expert", "Ontwerper"], "missing"),
    **dict.fromkeys(["Strateeg", "Contentmanager website", "Online servicemedewerker", "Applicatie-beheerder",
                     "Website analist"], "understaffed"),
    **dict.fromkeys(["Leidinggevende", "Visievormer", "Verbinder", "Beleidsmedewerker / adviseur dienstverlening",
                     "Contentregisseur", "Community manager", "Data analist", "Proces analist"], "single"),
    "Webformulieren specialist (bouwen en vernieuwen)": "covered",
    **dict.fromkeys(["Communicatieadviseur extern", "Woordvoerder"], "extra"),
    "Communicatieadviseur intern": "notNeeded",
}


def teamplotter(*arguments):
    """Runs the binary under test and expects it to succeed."""
    binary = os.environ.get("TEAMPLOTTER_BIN")
    if not binary:
        pytest.fail("set TEAMPLOTTER_BIN to the teamplotter binary (scripts/test does)")
    result = subprocess.run([binary, *map(str, arguments)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result


@pytest.fixture(scope="session")
def binary() -> str:
    path = os.environ.get("TEAMPLOTTER_BIN")
    if not path or not os.access(path, os.X_OK):
        pytest.fail("set TEAMPLOTTER_BIN to the teamplotter binary (swift build -c release)")
    return path


@pytest.fixture
def run(binary):
    """Runs teamplotter; returns the completed process (text mode)."""
    def runner(*arguments, check=True):
        result = subprocess.run([binary, *map(str, arguments)], capture_output=True, text=True, timeout=120)
        if check and result.returncode != 0:
            raise AssertionError(f"teamplotter {' '.join(map(str, arguments))} failed ({result.returncode}):\n{result.stderr}")
        return result
    return runner


@pytest.fixture
def statuses(run):
    """Role name → status of the analysis of a team file (with optional needs file)."""
    def analyse(team, needs=None):
        arguments = ["analyse", team, "--format", "json"] + (["--needs", needs] if needs else [])
        analysis = json.loads(run(*arguments).stdout)
        return {role["name"]: role["status"] for role in analysis["roles"]}
    return analyse


def example_rows():
    """The example worksheet as dictionaries, read the way Excel saved it."""
    with TEAM_CSV.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=";"))


def example_needs():
    with NEEDS_CSV.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=";"))


def dutch_number(text):
    """"22,5" → 22.5; "" → None."""
    text = text.strip()
    return float(text.replace(",", ".")) if text else None

SCREENSHOTS = ROOT / "screenshots"


def teamplotter_bin() -> str:
    path = os.environ.get("TEAMPLOTTER_BIN") or str(ROOT / ".build" / "release" / "teamplotter")
    if not os.access(path, os.X_OK):
        pytest.fail(f"no teamplotter binary at {path}: build it, or set TEAMPLOTTER_BIN")
    return path


class Server:
    """`teamplotter serve` on a port the system picks, with its own database file."""

    def __init__(self, database: Path):
        self.database = database
        self.process = subprocess.Popen(
            [teamplotter_bin(), "serve", "--host", "127.0.0.1", "--port", "0", "--db", str(database)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        first_line = self.process.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", first_line)
        if not match:
            self.process.kill()
            raise RuntimeError(f"serve did not start: {first_line!r} {self.process.stderr.read()!r}")
        self.port = int(match.group(1))
        self.url = f"http://127.0.0.1:{self.port}"

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return self.process.returncode

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()


@pytest.fixture
def start_server(tmp_path):
    started = []

    def start(database: Path | None = None) -> Server:
        server = Server(database or tmp_path / "teamplotter.sqlite")
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


@pytest.fixture
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--no-proxy-server", "--window-size=1280,1000", "--lang=nl-NL"]:
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"intl.accept_languages": "nl-NL,nl"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(30)
    SCREENSHOTS.mkdir(exist_ok=True)
    yield driver
    driver.quit()
