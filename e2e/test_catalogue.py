"""A visitor finds a published innovation in the public catalogue of the demo province."""
import re

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait


def total(driver):
    text = driver.find_element(By.ID, "result-count").text
    return int(re.match(r"([\d.]+)", text).group(1).replace(".", ""))


def test_search_facets_and_detail(driver, base_url):
    wait = WebDriverWait(driver, 20)
    driver.get(base_url + "/")  # a visitor lands on the catalogue
    wait.until(EC.presence_of_element_located((By.ID, "catalogue-search")))
    everything = total(driver)
    assert everything > 0

    box = driver.find_element(By.ID, "q")
    box.send_keys("pelayanan kependudukan")
    box.submit()
    wait.until(EC.url_contains("q="))
    found = total(driver)
    assert 0 < found < everything
    assert driver.find_elements(By.CSS_SELECTOR, "#hits mark"), "matching words are highlighted"
    assert "Pelandukilat" in driver.page_source

    # Narrow by the first category facet: the count goes down or stays, never up.
    facet = driver.find_element(By.CSS_SELECTOR, "#facet-category a")
    facet.click()
    wait.until(EC.url_contains("category="))
    assert total(driver) <= found

    first = driver.find_element(By.CSS_SELECTOR, "#hits h2 a")
    name = first.text
    first.click()
    wait.until(EC.url_matches(r"/catalogue/\d+$"))
    assert driver.find_element(By.TAG_NAME, "h1").text.startswith(name.split(" (")[0][:20])
    assert "Riwayat" not in driver.page_source  # no internal history on public pages


def test_odd_queries_get_a_page_not_an_error(driver, base_url):
    driver.get(base_url + "/catalogue?q=" + "x" * 10000 + "&page=-1")
    assert driver.find_element(By.ID, "search-problems").is_displayed()
    driver.get(base_url + "/catalogue?q=%22jemput+bola")
    assert driver.find_element(By.ID, "result-count")
