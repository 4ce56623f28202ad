"""LibreOffice opens what teamplotter writes, and teamplotter reads what LibreOffice writes.
Skipped, saying so, where LibreOffice is not installed (apt-get install libreoffice-calc-nogui)."""
import csv
import shutil
import subprocess
import zipfile

import pytest

from conftest import EXPECTED_STATUSES, NEEDS_CSV, TEAM_CSV

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice (soffice) is not installed; apt-get install libreoffice-calc-nogui")
# The CSV filter with comma, double quote and UTF-8 (76), rather than the system's encoding.
UTF8_CSV = "csv:Text - txt - csv (StarCalc):44,34,76"


def convert(source, target_format, outdir, profile):
    """soffice --headless --convert-to, with its own profile so parallel runs do not collide."""
    result = subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
         "--convert-to", target_format, "--outdir", str(outdir), str(source)],
        capture_output=True, text=True, timeout=180)
    output = result.stdout + result.stderr
    # A file LibreOffice had to repair says so ("repair", "corrupt", "general input/output error").
    for word in ("repair", "corrupt", "Error: source file could not be loaded", "input/output error"):
        assert word.lower() not in output.lower(), output
    assert result.returncode == 0, output
    return output


def test_export_opens_in_libreoffice_without_repair(run, tmp_path):
    export = tmp_path / "voorbeeldstad.xlsx"
    run("export", TEAM_CSV, "--needs", NEEDS_CSV, "-o", export)
    convert(export, UTF8_CSV, tmp_path / "out", tmp_path / "profile")
    converted = tmp_path / "out" / "voorbeeldstad.csv"
    with converted.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["Functie", "Naam", "Uren per week", "FTE", "Taken", "Rollen", "Competenties"]
    graaf = next(row for row in rows if row[1] == "D. de Graaf")
    assert graaf[2] == "22.5"
    assert "Data analist\nProces analist" == graaf[5]
    assert len(rows) == 10


def test_template_opens_in_libreoffice(run, tmp_path):
    template = tmp_path / "sjabloon.xlsx"
    run("template", "-o", template)
    convert(template, UTF8_CSV, tmp_path / "out", tmp_path / "profile")
    text = (tmp_path / "out" / "sjabloon.csv").read_text(encoding="utf-8")
    assert "invulsjabloon" in text


def test_workbook_saved_by_libreoffice_is_read(run, statuses, tmp_path):
    # teamplotter → LibreOffice (which rewrites it with its own shared strings and styles) → teamplotter.
    export = tmp_path / "export.xlsx"
    run("export", TEAM_CSV, "--needs", NEEDS_CSV, "-o", export)
    (tmp_path / "lo").mkdir()
    convert(export, "xlsx:Calc MS Excel 2007 XML", tmp_path / "lo", tmp_path / "profile")
    saved = tmp_path / "lo" / "export.xlsx"
    with zipfile.ZipFile(saved) as archive:
        assert "xl/sharedStrings.xml" in archive.namelist()
    assert statuses(saved) == EXPECTED_STATUSES
