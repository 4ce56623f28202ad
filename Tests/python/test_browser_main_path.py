"""A team leader's main path in a real browser: create a team, add three functions with roles,
set two needs, read the gaps; axe-core checks every page on the way."""
from axe_selenium_python import Axe
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import SCREENSHOTS

EVIL = "<script>alert('x')</script>"


class Walk:
    def __init__(self, driver, server):
        self.driver = driver
        self.server = server
        self.checked = []

    def open(self, path):
        self.driver.get(self.server.url + path)

    def check(self, name):
        """axe-core on the page as it is now; a serious or critical violation fails the test."""
        axe = Axe(self.driver)
        axe.inject()
        results = axe.run()
        bad = [v for v in results["violations"] if v["impact"] in ("serious", "critical")]
        assert not bad, f"{name}: " + axe.report(bad)
        self.screenshot(name)
        self.checked.append(name)

    def screenshot(self, name):
        """The whole page, not just the window: grow the window to the page, then put it back."""
        self.driver.execute_script("window.scrollTo(0, 0)")
        size = self.driver.get_window_size()
        height = self.driver.execute_script("return document.documentElement.scrollHeight")
        self.driver.set_window_size(size["width"], min(max(height, size["height"]), 8000))
        self.driver.save_screenshot(str(SCREENSHOTS / f"browser-{len(self.checked) + 1:02d}-{name}.png"))
        self.driver.set_window_size(size["width"], size["height"])

    def field(self, label):
        """The field a visible label names, the way a person finds it."""
        labels = [l for l in self.driver.find_elements(By.TAG_NAME, "label") if l.text.strip() == label]
        assert labels, f"no field labelled {label!r} on {self.driver.current_url}"
        return self.driver.find_element(By.ID, labels[0].get_attribute("for"))

    def type(self, label, text):
        element = self.field(label)
        element.clear()
        element.send_keys(text)

    def tick(self, role):
        box = self.field(role)
        if not box.is_selected():
            self.driver.find_element(By.CSS_SELECTOR, f"label[for='{box.get_attribute('id')}']").click()

    def press(self, text):
        buttons = [b for b in self.driver.find_elements(By.TAG_NAME, "button") if b.text.strip() == text]
        assert buttons, f"no button {text!r}"
        self.navigate(buttons[0].click)

    def follow(self, text):
        self.navigate(self.driver.find_element(By.LINK_TEXT, text).click)

    def navigate(self, action):
        """Does what leads to a new page, and waits until the old one is gone."""
        # A mark on the old page's window; a new page starts without it.
        self.driver.execute_script("window.teamplotterOldPage = true")
        action()
        WebDriverWait(self.driver, 15).until(
            lambda driver: driver.execute_script("return window.teamplotterOldPage === undefined && document.readyState === 'complete'"))

    def heading(self):
        return self.driver.find_element(By.TAG_NAME, "h1").text


def add_function(walk, title, holder, hours, roles, shares=None):
    walk.follow("Functie toevoegen")
    walk.type("Functietitel", title)
    walk.type("Naam van de medewerker (niet verplicht)", holder)
    walk.type("Uren per week", hours)
    for role in roles:
        walk.tick(role)
    for role, share in (shares or {}).items():
        role_box = walk.field(role)
        share_field = walk.driver.find_element(By.ID, "share-" + role_box.get_attribute("value"))
        share_field.clear()
        share_field.send_keys(share)
    walk.press("Functie opslaan")


def test_main_path_create_team_add_functions_set_needs_read_gaps(browser, start_server):
    server = start_server()
    walk = Walk(browser, server)

    walk.open("/")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "nl"
    assert "Online team Voorbeeldstad" in browser.page_source, "a new database holds the example team"
    walk.check("teams")

    # The first Tab reaches the skip link, and it leads to the content.
    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    assert browser.switch_to.active_element.text == "Naar de inhoud"

    walk.type("Naam van het team", "Team Noord " + EVIL)
    walk.press("Team aanmaken")
    assert walk.heading() == "Team Noord " + EVIL, "markup typed is shown as text"
    team_url = browser.current_url
    walk.check("team-empty")

    # A function with wrong hours and a share of 150% comes back with the messages beside the fields.
    walk.follow("Functie toevoegen")
    walk.check("function-new")
    walk.type("Functietitel", "Webredacteur")
    walk.type("Naam van de medewerker (niet verplicht)", "S. de Boer")
    walk.type("Uren per week", "abc")
    walk.type("Taken", "Teksten schrijven\nNieuws plaatsen")
    walk.tick("Contentmanager website")
    walk.tick("Strateeg")
    browser.find_element(By.ID, "share-strateeg").send_keys("150")
    walk.press("Functie opslaan")
    assert "geen getal" in browser.find_element(By.ID, "hours-error").text
    assert "150 kan niet" in browser.find_element(By.ID, "share-strateeg-error").text
    assert walk.field("Functietitel").get_attribute("value") == "Webredacteur"
    assert walk.field("Uren per week").get_attribute("value") == "abc"
    assert walk.field("Taken").get_attribute("value") == "Teksten schrijven\nNieuws plaatsen"
    assert walk.field("Contentmanager website").is_selected() and walk.field("Strateeg").is_selected()
    walk.check("function-errors")
    # The error summary links to the field.
    browser.find_element(By.CSS_SELECTOR, ".error-summary a[href='#hours']").click()
    assert browser.switch_to.active_element.get_attribute("id") == "hours"
    walk.type("Uren per week", "36")
    share = browser.find_element(By.ID, "share-strateeg")
    share.clear()
    share.send_keys("50")
    walk.press("Functie opslaan")
    assert browser.current_url.startswith(team_url)

    add_function(walk, "Teamleider", "M. Jansen", "36", ["Leidinggevende", "Verbinder"])
    add_function(walk, "Medewerker KCC online", "L. Meijer", "28", ["Online servicemedewerker", "Contentmanager website"],
                 {"Online servicemedewerker": "80"})
    rows = browser.find_elements(By.CSS_SELECTOR, "#functies ~ .table-wrap tbody tr")
    assert [r.find_element(By.TAG_NAME, "th").text for r in rows] == ["Webredacteur", "Teamleider", "Medewerker KCC online"]
    walk.check("team-three-functions")

    # Two needs: the strategist with a desired FTE, and a usability expert nobody is.
    walk.follow("Behoefte")
    walk.check("needs")
    # Each role's fields are labelled "Prioriteit", "Gewenste fte", … with the role's name for
    # screen readers only, so the test finds them by their ids.
    Select(browser.find_element(By.ID, "priority-strateeg")).select_by_visible_text("nodig")
    browser.find_element(By.ID, "fte-strateeg").send_keys("1")
    Select(browser.find_element(By.ID, "priority-usability-expert")).select_by_visible_text("nodig")
    walk.press("Behoefte opslaan")
    assert "De behoefte is opgeslagen" in browser.find_element(By.CSS_SELECTOR, "[role=status]").text
    walk.check("needs-saved")

    walk.follow("Bekijk de gap-analyse")
    assert walk.heading().startswith("Gap-analyse")
    gaps = [li.text for li in browser.find_elements(By.CSS_SELECTOR, "ol.gaps > li")]
    assert len(gaps) == 2, gaps
    assert gaps[0].startswith("✗ ontbreekt Usability expert (nodig)"), gaps[0]
    assert gaps[1].startswith("◐ onderbezet Strateeg (nodig): 0,50 van 1 fte"), gaps[1]
    strateeg_row = browser.find_element(By.ID, "rol-strateeg").text
    assert "onderbezet" in strateeg_row and "S. de Boer" in strateeg_row
    assert "niet nodig" in browser.find_element(By.ID, "rol-leidinggevende").text
    walk.check("analysis")

    # Each gap links to where it is fixed.
    walk.navigate(browser.find_element(By.CSS_SELECTOR, "ol.gaps > li:first-child a").click)
    assert walk.field("Usability expert").is_selected()
    walk.check("function-from-gap")

    walk.open("/roles")
    assert len(browser.find_elements(By.CSS_SELECTOR, "dl.roles dt")) == 24
    walk.check("roles")

    browser.get(team_url)
    walk.follow("Team verwijderen…")
    walk.check("delete-confirm")

    walk.open("/teams/999")
    assert walk.heading() == "Pagina niet gevonden"
    walk.check("not-found")

    walk.open("/")
    walk.follow("English")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    assert walk.heading() == "Your online teams"
    walk.check("teams-english")

    # The phone view: nothing wider than the screen but the tables that scroll on their own.
    browser.set_window_size(390, 844)
    browser.get(team_url + "/analysis")
    walk.check("analysis-phone")
    width = browser.execute_script("return document.documentElement.scrollWidth")
    assert width <= 390, f"the page is {width}px wide on a 390px screen"


def test_example_team_analysis_matches_the_readme(browser, start_server):
    server = start_server()
    walk = Walk(browser, server)
    walk.open("/teams/1/analysis")
    expected = {
        "ontbreekt": ["procesmanager", "beleidsmedewerker-adviseur-nieuwe-media", "contentmanager-alle-kanalen", "programmeur",
                      "social-media-analist", "usability-expert", "ontwerper"],
        "onderbezet": ["strateeg", "contentmanager-website", "online-servicemedewerker", "applicatie-beheerder", "website-analist"],
        "kwetsbaar": ["leidinggevende", "visievormer", "verbinder", "beleidsmedewerker-adviseur-dienstverlening", "contentregisseur",
                      "community-manager", "data-analist", "proces-analist"],
        "ingevuld": ["webformulieren-specialist-bouwen-en-vernieuwen"],
        "aanwezig, niet nodig": ["communicatieadviseur-extern", "woordvoerder"],
        "niet nodig": ["communicatieadviseur-intern"],
    }
    for label, roles in expected.items():
        for role in roles:
            status = browser.find_element(By.CSS_SELECTOR, f"#rol-{role} .status").text
            assert status.endswith(label), f"{role}: {status}"
    walk.check("example-analysis")


def test_forms_with_errors_and_confirmations_are_accessible_too(browser, start_server, tmp_path):
    server = start_server()
    walk = Walk(browser, server)

    # A worksheet with a wrong number and a misspelt role: nothing is created, every problem named.
    broken = tmp_path / "fout.csv"
    broken.write_text("Functie;Naam;Uren per week;Rollen\nWebredacteur;A;veel;Contentmanagr website\n", encoding="utf-8")
    walk.open("/")
    walk.field("Teambestand (.json, .xlsx of .csv)").send_keys(str(broken))
    walk.type("Naam van het team (niet verplicht)", "Mijn team")
    walk.press("Inlezen")
    problems = browser.find_element(By.ID, "team-file-error").text
    assert "fout.csv:2:3" in problems and "Contentmanager website" in problems
    assert walk.field("Naam van het team (niet verplicht)").get_attribute("value") == "Mijn team"
    assert "Mijn team" not in [a.text for a in browser.find_elements(By.CSS_SELECTOR, "table a")]
    walk.check("upload-errors")

    walk.open("/teams/1/needs")
    browser.find_element(By.ID, "fte-strateeg").clear()
    browser.find_element(By.ID, "fte-strateeg").send_keys("veel")
    walk.press("Behoefte opslaan")
    assert "geen getal" in browser.find_element(By.ID, "fte-strateeg-error").text
    assert browser.find_element(By.ID, "fte-strateeg").get_attribute("value") == "veel"
    walk.check("needs-errors")

    walk.open("/teams/1")
    walk.navigate(browser.find_element(By.CSS_SELECTOR, "#functie-1 a[href$='/remove']").click)
    assert walk.heading() == "Functie verwijderen"
    walk.check("function-remove-confirm")
    walk.press("Ja, verwijder deze functie")
    assert len(browser.find_elements(By.CSS_SELECTOR, "#functies ~ .table-wrap tbody tr")) == 8
