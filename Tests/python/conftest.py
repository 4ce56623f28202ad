"""Shared set-up for the Python tests: the release binary under test and the example team."""
import csv
import json
import os
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
