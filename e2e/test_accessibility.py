"""axe-core on every main page, as every role: no serious or critical violations.

axe-core ships inside the pip package axe-selenium-python; it is injected through WebDriver,
so the pages' Content-Security-Policy stays as strict as in production.
"""
import json
import urllib.request

import pytest
from axe_selenium_python import Axe
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

ACCOUNTS = {
    "admin": ("admin@lumbung.example", "lumbung-admin"),
    "operator": ("operator@lumbung.example", "lumbung-operator"),
    "evaluator": ("evaluator@lumbung.example", "lumbung-evaluator"),
    "viewer": ("viewer@lumbung.example", "lumbung-viewer"),
}


def api(base_url, path):
    with urllib.request.urlopen(base_url + path) as response:
        return json.load(response)


def login(driver, base_url, role):
    email, password = ACCOUNTS[role]
    driver.get(base_url + "/login")
    driver.find_element(By.ID, "email").send_keys(email)
    driver.find_element(By.ID, "password").send_keys(password)
    driver.find_element(By.ID, "login-button").click()
    WebDriverWait(driver, 20).until(EC.presence_of_element_located((By.ID, "logout-button")),
                                    f"{role} could not sign in")


def first_link(driver, base_url, page, selector, required=True):
    """The first link on `page` that matches `selector`. The demonstration province has one for
    every page this test asks about, so a missing link fails the test instead of quietly
    checking fewer pages."""
    driver.get(base_url + page)
    links = driver.find_elements(By.CSS_SELECTOR, selector)
    assert links or not required, f"no {selector} on {page}"
    return links[0].get_attribute("href").replace(base_url, "") if links else None


def pages_for(role, driver, base_url):
    published = api(base_url, "/api/v1/innovations?per_page=1")["items"][0]["id"]
    agency = api(base_url, "/api/v1/agencies")[0]["id"]
    public = ["/catalogue", "/catalogue?q=layanan+kependudukan", f"/catalogue/{published}", f"/catalogue/agencies/{agency}"]
    # The Biro's closed KIPP 2020 Tim Evaluasi. (A stage's public results page is checked where
    # the evaluation workflow test announces one.)
    stage = "/competitions/1/stages/tim-evaluasi"
    if role == "anonymous":
        return public + ["/login"]
    common = ["/", "/account/password"] + public[:2]
    if role == "evaluator":
        assessment = first_link(driver, base_url, "/evaluations", "a[href^='/assessments/']")
        return common + ["/evaluations"] + ([assessment] if assessment else [])
    registry = ["/innovations", "/agencies", f"/agencies/{agency}"]
    own = first_link(driver, base_url, "/innovations", "table a[href^='/innovations/']")
    if own:
        registry += [own, own + "/history"]
    competitions = ["/competitions", "/competitions/1"]
    proposal = first_link(driver, base_url, "/competitions/1", "#proposals a[href^='/proposals/']")
    if proposal:
        competitions.append(proposal)
    # The Biro's closed KIPP 2020 Tim Evaluasi and this year's Lomba jury in setup.
    evaluation = [stage, stage + "/ranking", "/competitions/4/stages/penilaian-juri"]
    # The ranking and its explanations are the Biro's and the viewers'.
    explained = first_link(driver, base_url, stage + "/ranking", "#ranking a") if role in ("admin", "viewer") else None
    if explained:
        evaluation.append(explained)
    # This year's inventory round (the second), coverage, the 2023 index and the leadership report.
    inventory = ["/inventory", "/inventory/2", "/index"]
    oversight = ["/inventory/1", "/coverage", "/coverage/villages", "/index/2023", "/index/2023/what-if?add=1&addLevel=3",
                 "/index/2023/gaps", "/report"]
    reported = first_link(driver, base_url, "/index/2023", "#index-innovations a") if role in ("admin", "viewer") else None
    if reported:
        oversight.append(reported)
    if role == "viewer":
        return common + registry + competitions + evaluation + inventory + oversight + ["/review", "/audit", "/competitions/1/selection"]
    # The form on a profile this role may change: any for the Biro, a draft or returned one for an
    # operator (a verified profile's form is refused to it, and that refusal is no page to check).
    editable_innovation = own if role == "admin" else next(
        (link for status in ("draft", "revisionRequested")
         if (link := first_link(driver, base_url, f"/innovations?status={status}", "table a[href^='/innovations/']", required=False))),
        None)
    writer = ["/innovations/new"] + ([editable_innovation + "/edit"] if editable_innovation else [])
    if role == "operator":
        editable = first_link(driver, base_url, proposal, "#edit-proposal", required=False) if proposal else None
        own_index = first_link(driver, base_url, "/index", "main a[href^='/index/']")
        # The form that starts a proposal, from the edition open for registration.
        open_editions = [first_link(driver, base_url, f"/competitions/{n}", "#new-proposal", required=False) for n in range(1, 5)]
        new_proposal = next(link for link in open_editions if link)
        return common + registry + writer + competitions + ([editable] if editable else []) + [new_proposal, stage + "/objections"] + inventory + (
            [own_index] if own_index else [])
    user = first_link(driver, base_url, "/users", "a[href$='/edit']")
    return common + registry + writer + competitions + [
        "/review", "/audit", "/agencies/new", f"/agencies/{agency}/edit", "/users", "/users/new", "/import",
        "/competitions/new", "/competitions/1/edit", "/competitions/1/review", "/competitions/1/selection",
        "/competitions/1/outcomes"] + evaluation + [stage + "/assignment", stage + "/objections",
        "/competitions/4/stages/penilaian-juri/assignment"] + ([user] if user else []) + ([proposal + "/print"] if proposal else []) + (
        inventory + oversight + ["/inventory/new", "/index/2026/edit"])


@pytest.mark.parametrize("role", ["anonymous", "admin", "operator", "evaluator", "viewer"])
def test_main_pages_have_no_serious_accessibility_problems(driver, base_url, role):
    if role != "anonymous":
        login(driver, base_url, role)
    problems = []
    for page in pages_for(role, driver, base_url):
        driver.get(base_url + page)
        # An error page would pass axe: every page here must be the page itself.
        errors = driver.find_elements(By.ID, "error-message")
        assert not errors, f"{role} {page}: {errors[0].text}"
        axe = Axe(driver)
        axe.inject()
        results = axe.run()
        serious = [v for v in results["violations"] if v.get("impact") in ("serious", "critical")]
        for violation in serious:
            targets = [" ".join(node["target"]) for node in violation["nodes"]][:5]
            problems.append(f"{role} {page}: {violation['id']} ({violation['impact']}): {violation['help']} at {targets}")
    assert not problems, "\n".join(problems)
