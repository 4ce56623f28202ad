"""The files teamplotter writes, opened with openpyxl: values, styles and drop-down lists."""
import json

import openpyxl
import pytest

from conftest import EXPECTED_STATUSES, NEEDS_CSV, TEAM_CSV

DUTCH_STATUS = {"missing": "ontbreekt", "understaffed": "onderbezet", "single": "kwetsbaar",
                "covered": "ingevuld", "extra": "aanwezig, niet nodig", "notNeeded": "niet nodig"}


@pytest.fixture
def export(run, tmp_path):
    path = tmp_path / "voorbeeldstad.xlsx"
    run("export", TEAM_CSV, "--needs", NEEDS_CSV, "--format", "xlsx", "-o", path)
    return openpyxl.load_workbook(path)


def test_export_has_the_four_sheets_and_more(export):
    assert export.sheetnames == ["Team", "Behoefte", "Analyse", "Verdeling", "Rollenlijst", "Gegevens"]


def test_team_sheet_holds_numbers_and_a_frozen_styled_header(export):
    sheet = export["Team"]
    assert [cell.value for cell in sheet[1]] == ["Functie", "Naam", "Uren per week", "FTE", "Taken", "Rollen", "Competenties"]
    assert sheet.freeze_panes == "A2"
    assert all(cell.font.b for cell in sheet[1])
    assert sheet["A1"].fill.fgColor.rgb == "FF154273"
    rows = {row[0].value + "/" + str(row[1].value): row for row in sheet.iter_rows(min_row=2)}
    graaf = rows["Informatieadviseur/D. de Graaf"]
    assert graaf[2].value == 22.5 and isinstance(graaf[2].value, float)
    assert graaf[3].value == pytest.approx(0.625)
    assert graaf[3].number_format == "0.00"
    visser = rows["Webredacteur/K. Visser"]
    assert visser[5].value == "Contentmanager website (70%)\nWebsite analist (30%)"
    assert visser[5].alignment.wrap_text
    assert rows["Medewerker KCC online/Vacature"][2].value == 18
    assert sheet.column_dimensions["E"].width >= 40
    assert sheet.max_row == 10


def test_analysis_sheet_gives_every_status_and_fte_as_numbers(export):
    sheet = export["Analyse"]
    header = [cell.value for cell in sheet[1]]
    assert header[:4] == ["Categorie", "Rol", "Prioriteit", "Status"]
    found = {row[1]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert {name: row[3] for name, row in found.items()} == {name: DUTCH_STATUS[s] for name, s in EXPECTED_STATUSES.items()}
    # 0.30 of 0.5 FTE, as the example README rounds it.
    assert found["Strateeg"][5] == pytest.approx(0.3, abs=0.005) and found["Strateeg"][6] == 0.5
    assert found["Contentmanager website"][5] == pytest.approx(0.8)


def test_allocation_sheet_holds_shares_as_percentages(export):
    sheet = export["Verdeling"]
    rows = [row for row in sheet.iter_rows(min_row=2) if row[2].value == "Website analist"]
    assert len(rows) == 1
    assert rows[0][3].value == pytest.approx(0.3)
    assert rows[0][3].number_format == "0%"
    assert rows[0][4].value == pytest.approx(0.2)


def test_needs_and_catalogue_sheets(export, run):
    needs = export["Behoefte"]
    assert [cell.value for cell in needs[1]] == ["Rol", "Prioriteit", "Gewenste fte", "Minimaal aantal personen", "Toelichting"]
    online = next(row for row in needs.iter_rows(min_row=2, values_only=True) if row[0] == "Online servicemedewerker")
    assert online == ("Online servicemedewerker", "nodig", 1.5, 2, "Webcare ook buiten kantoortijden")
    catalogue = json.loads(run("roles", "--format", "json").stdout)
    names = [role["name"] for category in catalogue["categories"] for role in category["roles"]]
    assert [row[1] for row in export["Rollenlijst"].iter_rows(min_row=2, values_only=True)] == names


def test_template_has_empty_sheets_drop_downs_and_dutch_instructions(run, tmp_path):
    path = tmp_path / "sjabloon.xlsx"
    run("template", "-o", path)
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == ["Instructies", "Team", "Behoefte", "Rollenlijst", "Gegevens"]
    assert workbook["Team"].max_row == 1 and workbook["Behoefte"].max_row == 1
    assert [cell.value for cell in workbook["Team"][1]][0] == "Functie"

    validations = {str(v.sqref): v for v in workbook["Behoefte"].data_validations.dataValidation}
    assert validations["A2:A501"].type == "list" and validations["A2:A501"].formula1 == "Rollen"
    assert validations["A2:A501"].showErrorMessage
    assert validations["B2:B501"].formula1 == '"nodig,gewenst,optioneel,niet nodig"'
    team_validations = {str(v.sqref): v for v in workbook["Team"].data_validations.dataValidation}
    assert team_validations["F2:F501"].formula1 == "Rollen"
    # Several roles go in one cell, so the Rollen list helps but does not refuse.
    assert not team_validations["F2:F501"].showErrorMessage

    defined = workbook.defined_names["Rollen"]
    assert defined.attr_text == "Rollenlijst!$B$2:$B$25"
    roles = [row[0] for row in workbook["Rollenlijst"].iter_rows(min_row=2, min_col=2, max_col=2, values_only=True)]
    assert len(roles) == 24 and "Contentmanager website" in roles

    instructions = "\n".join(str(row[0]) for row in workbook["Instructies"].iter_rows(values_only=True) if row[0])
    assert "invulsjabloon" in instructions and "één regel per functie" in instructions


def test_english_template(run, tmp_path):
    path = tmp_path / "template.xlsx"
    run("template", "-o", path, "--lang", "en")
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == ["Instructions", "Team", "Needs", "Catalogue", "Details"]
    validations = {str(v.sqref): v.formula1 for v in workbook["Needs"].data_validations.dataValidation}
    assert validations["B2:B501"] == '"must,should,could,not needed"'


def test_csv_export_is_for_dutch_excel_and_carries_the_needs_beside_it(run, tmp_path):
    path = tmp_path / "team.csv"
    run("export", TEAM_CSV, "--needs", NEEDS_CSV, "--format", "csv", "-o", path)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data[3:].startswith("Functie;Naam;Uren per week;FTE;Taken;Rollen;Competenties\r\n".encode())
    assert b"\n" not in data.replace(b"\r\n", b"")
    needs = tmp_path / "team-behoefte.csv"
    assert needs.read_bytes()[3:].startswith("Rol;Prioriteit;Gewenste fte;Minimaal aantal personen;Toelichting\r\n".encode())
