"""The team plot as a browser draws it: no text runs into other text, at the example's size and at
200 functions x 40 roles. Needs TEAMPLOTTER_BIN (the release binary), Chromium and chromedriver."""

import json
from pathlib import Path

import axe_selenium_python
import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

from conftest import NEEDS_CSV as EXAMPLE_NEEDS, TEAM_CSV as EXAMPLE, teamplotter


@pytest.fixture(scope="module")
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,1000"]:
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    yield driver
    driver.quit()


def large_team_document(functions=200, roles=40, categories=5):
    """A team document (JSON, version 1) with a catalogue of its own, long names everywhere."""
    per_category = roles // categories
    catalogue = []
    role_ids = []
    for category in range(categories):
        category_roles = []
        for index in range(category * per_category, (category + 1) * per_category):
            role_id = f"rol-{index}"
            role_ids.append(role_id)
            category_roles.append({
                "id": role_id,
                "name": f"Eigen rol nummer {index} met een naam die eigenlijk veel te lang is voor een kolom",
            })
        catalogue.append({
            "id": f"categorie-{category}",
            "name": f"Categorie {category}: dienstverlening, communicatie en nog een paar woorden",
            "roles": category_roles,
        })
    team_functions = []
    for index in range(functions):
        vacancy = index % 9 == 4
        team_functions.append({
            "title": f"Senior adviseur online dienstverlening en informatievoorziening {index}",
            "holder": None if vacancy else f"Medewerker met een lange naam {index}",
            "vacancy": vacancy,
            "hoursPerWeek": 12 + index % 25,
            "roles": [
                {"role": role_ids[(index * 7 + offset * 11) % roles], "share": 100 if offset == 0 and index % 13 == 0 else None}
                for offset in range(4)
            ],
        })
    needs = [
        {"role": role_id, "priority": ["must", "should", "could", "notNeeded"][index % 4],
         "desiredFte": 12.5 if index % 5 == 0 else None, "minPeople": 3 if index % 6 == 0 else None}
        for index, role_id in enumerate(role_ids)
    ]
    return {
        "version": 1,
        "team": {"name": "Groot team met een heel lange naam om te zien of die netjes wordt afgebroken"},
        "catalogue": {"mode": "replace", "categories": catalogue},
        "functions": team_functions,
        "needs": {"roles": needs},
    }


# Every text element's box, and the pairs whose boxes overlap by more than half a pixel.
OVERLAP_SCRIPT = """
const svg = arguments[0] ? document.querySelector(arguments[0]) : document.documentElement;
const frame = svg.getBoundingClientRect();
const boxes = Array.from(svg.querySelectorAll('text')).map(t => {
  const r = t.getBoundingClientRect();
  return {text: t.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom,
          rotated: t.hasAttribute('transform')};
});
const slack = 0.5;
const overlaps = [];
const sorted = boxes.slice().sort((a, b) => a.left - b.left);
for (let i = 0; i < sorted.length; i++) {
  for (let j = i + 1; j < sorted.length && sorted[j].left < sorted[i].right - slack; j++) {
    const a = sorted[i], b = sorted[j];
    if (Math.min(a.right, b.right) - Math.max(a.left, b.left) > slack &&
        Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > slack) {
      overlaps.push([a.text, b.text]);
    }
  }
}
const outside = boxes.filter(b => b.left < frame.left - slack || b.right > frame.right + slack ||
                                  b.top < frame.top - slack || b.bottom > frame.bottom + slack).map(b => b.text);
return {count: boxes.length, overlaps: overlaps.slice(0, 20), overlapCount: overlaps.length, outside: outside,
        boxes: boxes, width: frame.width, height: frame.height};
"""


def measure(browser, url, selector=None):
    browser.get(url)
    return browser.execute_script(OVERLAP_SCRIPT, selector)


def test_large_team_renders_without_overlapping_text(browser, tmp_path):
    document = tmp_path / "groot-team.json"
    document.write_text(json.dumps(large_team_document()), encoding="utf-8")
    plot = tmp_path / "plot.svg"
    teamplotter("plot", document, "-o", plot)
    result = measure(browser, plot.as_uri())
    # Every function's two label lines, every role's header, and the cells: thousands of texts.
    assert result["count"] > 200 * 2 + 40 + 200 * 4
    assert result["overlaps"] == [], f"{result['overlapCount']} overlapping text pairs"
    assert result["outside"] == []
    # The 200 rows are all there: the matrix is taller than 200 rows of 34 pixels.
    assert result["height"] > 200 * 34
    # Role names run upwards inside their own 32-pixel column.
    rotated = [box for box in result["boxes"] if box["rotated"]]
    assert len(rotated) >= 40
    for box in rotated:
        assert box["right"] - box["left"] <= 32, box["text"]
    # Function labels stay in the label column, left of the first role column.
    labels = [box for box in result["boxes"] if box["text"].startswith("Senior adviseur")]
    assert len(labels) == 200
    assert max(box["right"] for box in labels) <= 12 + 250 + 1
    assert any(box["text"].endswith("…") for box in labels), "long titles are shortened"


@pytest.mark.parametrize("language", ["nl", "en"])
def test_example_plot_renders_without_overlapping_text(browser, tmp_path, language):
    plot = tmp_path / "plot.svg"
    teamplotter("plot", EXAMPLE, "--needs", EXAMPLE_NEEDS, "--lang", language, "-o", plot)
    result = measure(browser, plot.as_uri())
    assert result["overlaps"] == []
    assert result["outside"] == []
    texts = [box["text"] for box in result["boxes"]]
    # Nothing of the example needs shortening at this size.
    assert not any(text.endswith("…") for text in texts), [text for text in texts if text.endswith("…")]
    assert "Usability expert" in texts


def test_report_figures_render_without_overlapping_text(browser, tmp_path):
    report = tmp_path / "rapport.html"
    teamplotter("report", EXAMPLE, "--needs", EXAMPLE_NEEDS, "-o", report)
    for selector in ["#tp-matrix", "#tp-coverage", "#tp-overview"]:
        result = measure(browser, report.as_uri(), selector)
        assert result["count"] > 5, selector
        assert result["overlaps"] == [], selector
        assert result["outside"] == [], selector
    # The report asks nothing of the network: every resource is the page itself.
    resources = browser.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)")
    assert resources == []


def test_report_has_no_accessibility_violations(browser, tmp_path):
    """axe-core (bundled with axe-selenium-python) finds nothing against WCAG 2 A and AA."""
    report = tmp_path / "rapport.html"
    teamplotter("report", EXAMPLE, "--needs", EXAMPLE_NEEDS, "-o", report)
    axe = Path(axe_selenium_python.__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
    browser.get(report.as_uri())
    browser.set_script_timeout(150)
    browser.execute_script(axe.read_text(encoding="utf-8"))
    result = browser.execute_async_script("""
        const done = arguments[arguments.length - 1];
        axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa']}})
          .then(r => done(r.violations.map(v => [v.id, v.help, v.nodes.slice(0, 3).map(n => n.target)])))
          .catch(e => done(['error', String(e)]));
    """)
    assert result == []
