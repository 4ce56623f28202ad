"""Workbooks and CSV files made outside teamplotter, read by it: the template filled in the way a
user fills it in, openpyxl's own workbooks, a skills matrix, Windows-1252, and bad files."""
import datetime
import io
import json
import zipfile

import openpyxl
import pytest

from conftest import EXPECTED_STATUSES, NEEDS_CSV, TEAM_CSV, dutch_number, example_needs, example_rows


def fill_team_sheet(sheet, rows, start=2):
    """Types the example team into a Team sheet: numbers as numbers, several items per cell."""
    for offset, row in enumerate(rows):
        line = start + offset
        sheet.cell(line, 1, row["Functie"])
        sheet.cell(line, 2, row["Naam"])
        sheet.cell(line, 3, dutch_number(row["Uren per week"]))
        sheet.cell(line, 5, row["Taken"])
        sheet.cell(line, 6, row["Rollen"])
        sheet.cell(line, 7, row["Competenties"])


def test_filled_in_template_gives_the_example_analysis(run, statuses, tmp_path):
    template = tmp_path / "sjabloon.xlsx"
    run("template", "-o", template)
    workbook = openpyxl.load_workbook(template)
    fill_team_sheet(workbook["Team"], example_rows())
    needs = workbook["Behoefte"]
    for line, row in enumerate(example_needs(), start=2):
        # Role names as the drop-down offers them (the catalogue's), priorities from their list.
        needs.cell(line, 1, row["Rol"])
        needs.cell(line, 2, row["Prioriteit"])
        needs.cell(line, 3, dutch_number(row["Gewenste fte"]))
        minimum = dutch_number(row["Minimaal aantal personen"])
        needs.cell(line, 4, int(minimum) if minimum is not None else None)
        needs.cell(line, 5, row["Toelichting"] or None)
    details = workbook["Gegevens"]
    details["B2"] = "Voorbeeldstad online"
    details["B3"] = "Gemeente Voorbeeldstad"
    filled = tmp_path / "ingevuld.xlsx"
    workbook.save(filled)

    from_template = statuses(filled)
    assert from_template == statuses(TEAM_CSV, NEEDS_CSV)
    assert from_template == EXPECTED_STATUSES
    analysis = json.loads(run("analyse", filled, "--format", "json").stdout)
    assert analysis["team"] == "Voorbeeldstad online"


def test_a_workbook_written_by_openpyxl_is_read(statuses, tmp_path):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Mijn team"
    sheet.append(["Overzicht online team 2026"])
    sheet.append(["Functietitel", "Medewerker", "Uren", "Taken", "Rollen", "Competenties"])
    for row in example_rows():
        sheet.append([row["Functie"], row["Naam"], dutch_number(row["Uren per week"]), row["Taken"], row["Rollen"],
                      row["Competenties"]])
    sheet.merge_cells("A1:F1")  # a title across the top is fine
    path = tmp_path / "team.xlsx"
    workbook.save(path)
    assert statuses(path, NEEDS_CSV) == EXPECTED_STATUSES


def matrix_rows(percent_cells=False):
    """The example team as a skills matrix: a column per role, "x" or a percentage."""
    rows = example_rows()
    roles = []
    marks = []
    for row in rows:
        held = {}
        for item in filter(None, (line.strip() for line in row["Rollen"].replace(";", "\n").splitlines())):
            name, share = item, None
            if item.endswith("%)"):
                name, share = item[: item.rindex("(")].strip(), item[item.rindex("(") + 1 : -2]
            held[name] = share
            if name not in roles:
                roles.append(name)
        marks.append(held)
    header = ["Functie", "Naam", "Uren per week"] + roles
    body = []
    for row, held in zip(rows, marks):
        cells = []
        for role in roles:
            if role not in held:
                cells.append(None)
            elif held[role] is None:
                cells.append("x")
            else:
                cells.append(float(held[role]) / 100 if percent_cells else held[role] + "%")
        body.append([row["Functie"], row["Naam"], dutch_number(row["Uren per week"])] + cells)
    return header, body


def test_skills_matrix_csv_gives_the_same_statuses_as_the_worksheet(statuses, tmp_path):
    header, body = matrix_rows()
    lines = [";".join(header)]
    for row in body:
        cells = ["" if cell is None else str(cell).replace(".", ",") for cell in row]
        lines.append(";".join(cells))
    path = tmp_path / "matrix.csv"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    assert statuses(path, NEEDS_CSV) == statuses(TEAM_CSV, NEEDS_CSV) == EXPECTED_STATUSES


def test_skills_matrix_workbook_with_percent_cells(statuses, tmp_path):
    header, body = matrix_rows(percent_cells=True)
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Matrix"
    sheet.append(header)
    for row in body:
        sheet.append(row)
    for row in sheet.iter_rows(min_row=2, min_col=4):
        for cell in row:
            if isinstance(cell.value, float):
                cell.number_format = "0%"
    path = tmp_path / "matrix.xlsx"
    workbook.save(path)
    assert statuses(path, NEEDS_CSV) == EXPECTED_STATUSES


def test_windows_1252_worksheet_csv(statuses, tmp_path):
    text = TEAM_CSV.read_bytes().decode("utf-8-sig").replace("Webredacteur", "Webredacteur é")
    path = tmp_path / "team-1252.csv"
    path.write_bytes(text.encode("cp1252"))
    assert statuses(path, NEEDS_CSV) == EXPECTED_STATUSES


def test_round_trips_through_xlsx_and_csv_give_the_same_team(run, tmp_path):
    document = tmp_path / "voorbeeldstad.json"
    run("convert", TEAM_CSV, "--needs", NEEDS_CSV, "--name", "voorbeeldstad", "-o", document)
    original = json.loads(document.read_text())

    run("export", document, "-o", tmp_path / "export.xlsx")
    run("convert", tmp_path / "export.xlsx", "-o", tmp_path / "from-xlsx.json")
    assert json.loads((tmp_path / "from-xlsx.json").read_text()) == original

    run("export", document, "--format", "csv", "-o", tmp_path / "voorbeeldstad.csv")
    run("convert", tmp_path / "voorbeeldstad.csv", "--needs", tmp_path / "voorbeeldstad-behoefte.csv",
        "-o", tmp_path / "from-csv.json")
    assert json.loads((tmp_path / "from-csv.json").read_text()) == original


def test_the_example_team_document_survives_xlsx(run, tmp_path):
    document = TEAM_CSV.parent / "voorbeeldstad.json"
    run("export", document, "-o", tmp_path / "voorbeeldstad.xlsx")
    back = json.loads(run("convert", tmp_path / "voorbeeldstad.xlsx").stdout)
    assert back == json.loads(document.read_text(encoding="utf-8"))


# Bad files: exit code 2, every problem with its sheet and cell, nothing written.

def bad_workbook(tmp_path, change):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Team"
    sheet.append(["Functie", "Naam", "Uren per week", "Taken", "Rollen"])
    sheet.append(["Webredacteur", "S. de Boer", 36, "Teksten", "Contentmanager website"])
    sheet.append(["Adviseur", "A. Bakker", 32, "Visie", "Strateeg"])
    change(workbook, sheet)
    path = tmp_path / "bad.xlsx"
    workbook.save(path)
    return path


def refused(run, path, *extra):
    result = run("convert", path, "-o", path.with_suffix(".json"), *extra, check=False)
    assert result.returncode == 2, result.stdout
    assert not path.with_suffix(".json").exists(), "nothing is written for a refused file"
    return result.stderr


def test_date_where_a_number_belongs(run, tmp_path):
    def change(workbook, sheet):
        sheet["C2"] = datetime.date(2026, 3, 6)
    stderr = refused(run, bad_workbook(tmp_path, change))
    assert "bad.xlsx:Team!C2: Uren per week: de cel is een datum (2026-03-06), geen getal" in stderr


def test_formula_merged_cells_and_unknown_role_are_listed_together(run, tmp_path):
    def change(workbook, sheet):
        sheet["C3"] = "=16*2"
        sheet.merge_cells("D2:D3")
        sheet["E2"] = "Contentmanager webite"
    stderr = refused(run, bad_workbook(tmp_path, change))
    lines = stderr.strip().splitlines()
    assert any("bad.xlsx:Team!C3: de cel bevat een formule (=16*2) zonder berekende waarde" in line for line in lines)
    assert any("bad.xlsx:Team!D2: cellen D2:D3 zijn samengevoegd" in line for line in lines)
    assert any('bad.xlsx:Team!E2: onbekende rol "Contentmanager webite"; bedoelt u "Contentmanager website"' in line for line in lines)
    assert len(lines) == 3


def test_hidden_team_sheet(run, tmp_path):
    def change(workbook, sheet):
        old = workbook.copy_worksheet(sheet)
        old.title = "Team oud"
        old.sheet_state = "hidden"
    stderr = refused(run, bad_workbook(tmp_path, change))
    assert 'blad "Team oud" is verborgen maar lijkt teamgegevens te bevatten' in stderr


def test_english_messages(run, tmp_path):
    def change(workbook, sheet):
        sheet["C2"] = datetime.date(2026, 3, 6)
    stderr = refused(run, bad_workbook(tmp_path, change), "--lang", "en")
    assert "bad.xlsx:Team!C2: Uren per week: the cell is a date (2026-03-06), not a number" in stderr


def test_zip_bomb_is_refused_before_inflating(run, tmp_path):
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b" " * (300 * 1024 * 1024))
    assert path.stat().st_size < 1024 * 1024
    stderr = refused(run, path)
    assert "uitgepakt veel te groot" in stderr


def test_not_a_spreadsheet_and_damaged_files(run, tmp_path):
    docx = tmp_path / "brief.xlsx"
    with zipfile.ZipFile(docx, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    assert "geen Excel-werkmap" in refused(run, docx)

    good = tmp_path / "good.xlsx"
    run("template", "-o", good)
    damaged = tmp_path / "damaged.xlsx"
    damaged.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    assert "beschadigd" in refused(run, damaged)

    legacy = tmp_path / "oud.xls"
    legacy.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504))
    assert "oud Excel-bestand (.xls)" in refused(run, legacy)


def test_malformed_relationships_part_is_refused_not_a_crash(run, tmp_path):
    # Unclosed tags in xl/_rels/workbook.xml.rels made FoundationXML's XMLParser crash (strlen).
    path = tmp_path / "rels.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "xl/workbook.xml",
            '<x:workbook xmlns:x="urn:x" xmlns:r="urn:r"><x:sheets>'
            '<x:sheet name="Team" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>',
        )
        archive.writestr(
            "xl/_rels/workbook.xml.rels",
            "\ufeff<?xml version='1.0' encoding='utf-8' standalone='yes'?>\n<!-- comment --><?piOdata?>\n"
            '<x:worksheet xmlns:x="urn:s" xmlns:mc="urn:mc"><x:sheetData><x:row r="1"><x:c r="B1">'
            '<x:v>1<!-- c -->2</x:v>x:worksheet xmlns:x="urn:s"><x:sheetData><x:c r="C1"><mc:Altern>a>'
            '<x:row r="9"><x:c r="A9"><x:v>9</x:v></x:c></x:row></x:sheetData></x:worksheet>\n<!-- after -->\n',
        )
        archive.writestr("xl/worksheets/sheet1.xml", "<worksheet><sheetData/></worksheet>")
    stderr = refused(run, path)
    assert "xl/_rels/workbook.xml.rels" in stderr and "geen geldige XML" in stderr
