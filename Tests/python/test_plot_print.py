"""The report printed to PDF by headless Chromium, the way a user's "Print to PDF" does it: at most
four A4 pages for the example team, with the plot whole on one page. Needs TEAMPLOTTER_BIN,
Chromium and poppler-utils (pdfinfo, pdftotext)."""

import json
import re
import subprocess

import pytest

from test_plot_render import large_team_document

from conftest import NEEDS_CSV as EXAMPLE_NEEDS, TEAM_CSV as EXAMPLE, teamplotter

# A4 in PostScript points, either way round.
A4 = {(595, 842), (842, 595)}


def print_to_pdf(html, pdf):
    subprocess.run(
        ["/usr/bin/chromium", "--headless=new", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
         f"--print-to-pdf={pdf}", html.as_uri()],
        capture_output=True, timeout=120, check=True)
    assert pdf.exists() and pdf.stat().st_size > 0


def page_sizes(pdf):
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", str(pdf)], capture_output=True, text=True, check=True)
    sizes = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info.stdout)
    return [(round(float(width)), round(float(height))) for width, height in sizes]


def page_texts(pdf, pages):
    return [
        subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-layout", str(pdf), "-"],
                       capture_output=True, text=True, check=True).stdout
        for page in range(1, pages + 1)
    ]


@pytest.mark.parametrize("language,plot_texts", [
    ("nl", ["Functie — medewerker, fte", "prioriteit", "Teamleider Dienstverlening", "Informatieadviseur",
            "personen (minimum)", "fte toegewezen", "open vacatures", "vervult de rol (% van de tijd)"]),
    ("en", ["Function — holder, FTE", "priority", "Teamleider Dienstverlening", "Informatieadviseur",
            "people (minimum)", "FTE allocated", "open vacancies", "holds the role (% of the time)"]),
])
def test_example_report_prints_on_four_a4_pages_with_the_plot_whole(tmp_path, language, plot_texts):
    report = tmp_path / "rapport.html"
    pdf = tmp_path / "rapport.pdf"
    teamplotter("report", EXAMPLE, "--needs", EXAMPLE_NEEDS, "--lang", language, "-o", report)
    print_to_pdf(report, pdf)

    sizes = page_sizes(pdf)
    assert 1 <= len(sizes) <= 4, f"{len(sizes)} pages"
    assert all(size in A4 for size in sizes), sizes

    texts = page_texts(pdf, len(sizes))
    # The page that holds the plot's top-left corner also holds its bottom rows and its legend,
    # so the plot is not cut in two; it is printed landscape.
    plot_pages = [number for number, text in enumerate(texts) if plot_texts[0] in text]
    assert len(plot_pages) == 1, plot_pages
    plot_page = plot_pages[0]
    for text in plot_texts:
        assert text in texts[plot_page], f"{text!r} is not on the plot's page"
    for text in ["personen (minimum)" if language == "nl" else "people (minimum)",
                 "open vacatures" if language == "nl" else "open vacancies"]:
        assert all(text not in other for number, other in enumerate(texts) if number != plot_page)
    assert sizes[plot_page] == (842, 595), "the plot's page is landscape"

    # The summary comes first and the report ends with the functions.
    assert ("Samenvatting" if language == "nl" else "Summary") in texts[0]
    assert "Usability expert" in texts[0]
    assert "D. de Graaf" in texts[-1]


def test_large_team_report_prints_in_whole_parts(tmp_path):
    """A team too big for one page is printed in parts of a page each, every part with its own
    headers, rather than shrinking to dust or cutting rows in two."""
    document = tmp_path / "groot-team.json"
    document.write_text(json.dumps(large_team_document(functions=60, roles=40)), encoding="utf-8")
    report = tmp_path / "groot.html"
    pdf = tmp_path / "groot.pdf"
    teamplotter("report", document, "-o", report)
    html = report.read_text(encoding="utf-8")
    assert 'class="tp-plot-page tp-flow' in html
    parts = html.count('<div class="tp-plot-part">')
    assert parts > 1
    print_to_pdf(report, pdf)
    sizes = page_sizes(pdf)
    assert all(size in A4 for size in sizes)
    texts = page_texts(pdf, len(sizes))
    # Each part's header is on a page of its own, and each part ends on that page with its legend.
    header_pages = [number for number, text in enumerate(texts) if "Functie — medewerker, fte" in text]
    assert len(header_pages) == parts
    for number in header_pages:
        assert "open vacatures" in texts[number]
        assert "vervult de rol (% van de tijd)" in texts[number]
    plot_text = "\n".join(texts[number] for number in header_pages)
    holders = [index for index in range(60) if index % 9 != 4]  # the others are vacancies
    for index in holders:
        assert re.search(rf"Medewerker met een lange naam {index}\b", plot_text), index
