"""An inventory round in a browser: the Biro opens it for two agencies; Disdukcapil's operator
answers for each innovation, adds a missing one and confirms the list; the Biro answers for
Dinas Perhubungan and confirms it; the Biro closes the round and reads its snapshot. Then the
index's what-if page crosses the "Sangat Inovatif" line, and the leadership report prints as a
one-page PDF whose text holds the key figures."""
import base64
import os
import re
import subprocess
import tempfile
import time

from selenium.webdriver.common.print_page_options import PrintOptions
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from browser import login, logout, press_and_wait

ADMIN = ("admin@lumbung.example", "lumbung-admin")
OPERATOR = ("operator@lumbung.example", "lumbung-operator")


def wait(driver):
    return WebDriverWait(driver, 20)


def answer_every_innovation(driver):
    """Answers "still running" for each unanswered innovation on the agency's round page."""
    while True:
        rows = [r for r in driver.find_elements(By.CSS_SELECTOR, "#checks tbody tr") if "Belum dijawab" in r.text]
        if not rows:
            return
        row = rows[0]
        row.find_element(By.CSS_SELECTOR, "input[type=radio][value=running]").click()
        press_and_wait(driver, row.find_element(By.CSS_SELECTOR, "button[type=submit]"))


def test_a_round_from_opening_to_its_snapshot_and_the_what_if(driver, base_url):
    name = "Inventarisasi Uji " + time.strftime("%H%M%S")
    login(driver, base_url, ADMIN)
    driver.get(base_url + "/inventory/new")
    driver.find_element(By.ID, "round-name").send_keys(name)
    driver.find_element(By.ID, "round-deadline").send_keys(time.strftime("%Y") + "-12-31")
    # Only two agencies are asked this time.
    driver.execute_script("""
        document.querySelectorAll("input[name='agencies[]']").forEach(function (box) {
            var label = box.parentElement.textContent;
            box.checked = label.indexOf("Dinas Kependudukan") >= 0 || label.indexOf("Dinas Perhubungan") >= 0;
        });""")
    press_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "#round-form button[type=submit]"))
    round_path = driver.current_url.replace(base_url, "")
    assert re.fullmatch(r"/inventory/\d+", round_path), driver.current_url
    assert len(driver.find_elements(By.CSS_SELECTOR, "#round-agencies tbody tr")) == 2
    logout(driver)

    # Disdukcapil's operator answers, adds the innovation the list lacks, and confirms.
    login(driver, base_url, OPERATOR)
    driver.get(base_url + round_path)
    agency_path = driver.current_url.replace(base_url, "")
    assert "/agencies/" in agency_path
    answer_every_innovation(driver)
    before = len(driver.find_elements(By.CSS_SELECTOR, "#checks tbody tr"))
    driver.find_element(By.ID, "add-missing").click()
    form = wait(driver).until(EC.presence_of_element_located((By.ID, "innovation-form")))
    form.find_element(By.NAME, "name").send_keys("Layanan Akta Kelahiran di Puskesmas " + time.strftime("%H%M%S"))
    press_and_wait(driver, driver.find_element(By.ID, "save-button"))
    driver.get(base_url + agency_path)
    assert len(driver.find_elements(By.CSS_SELECTOR, "#checks tbody tr")) == before + 1
    answer_every_innovation(driver)
    press_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "#confirm-list button"))
    assert "Daftar dinyatakan lengkap oleh Operator Disdukcapil" in driver.find_element(By.ID, "confirmed-by").text
    logout(driver)

    # The Biro answers for Dinas Perhubungan, confirms it, closes the round and reads the snapshot.
    login(driver, base_url, ADMIN)
    driver.get(base_url + round_path)
    row = driver.find_element(By.XPATH, "//table[@id='round-agencies']//tr[td/a[contains(., 'Dinas Perhubungan')]]")
    assert row.get_attribute("data-state") == "notStarted"
    row.find_element(By.TAG_NAME, "a").click()
    answer_every_innovation(driver)
    press_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "#confirm-list button"))
    driver.get(base_url + round_path)
    states = [r.get_attribute("data-state") for r in driver.find_elements(By.CSS_SELECTOR, "#round-agencies tbody tr")]
    assert states == ["confirmed", "confirmed"], states
    press_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "#close-round button"))
    summary = driver.find_element(By.ID, "snapshot-summary").text
    counts = {r.find_elements(By.TAG_NAME, "td")[0].text: int(r.find_elements(By.TAG_NAME, "td")[1].text)
              for r in driver.find_elements(By.CSS_SELECTOR, "#snapshot-agencies tr")}
    total = sum(counts.values())
    assert summary.startswith(f"{total} inovasi"), summary
    disdukcapil = next(name for name in counts if name.startswith("Dinas Kependudukan dan Pencatatan Sipil"))
    assert counts[disdukcapil] == before + 1, counts

    # What-if: one more innovation with every indicator at 3 crosses into "Sangat Inovatif".
    driver.get(base_url + "/index/2023")
    assert driver.find_element(By.ID, "index-class").text == "Inovatif"
    driver.find_element(By.ID, "what-if-link").click()
    add = wait(driver).until(EC.presence_of_element_located((By.ID, "add")))
    add.clear()
    add.send_keys("1")
    level = driver.find_element(By.ID, "addLevel")
    level.clear()
    level.send_keys("3")
    press_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "#what-if-form button[type=submit]"))
    assert driver.find_element(By.ID, "now-class").text == "Inovatif"
    assert driver.find_element(By.ID, "after-class").text == "Sangat Inovatif"
    assert "Predikat berubah dari Inovatif menjadi Sangat Inovatif." in driver.find_element(By.ID, "crossing").text
    # A what-if naming an unknown indicator says so, and the page still works.
    driver.get(base_url + "/index/2023/what-if?c1i=spd&c1k=tidak-ada&c1l=2")
    assert "Indikator tidak-ada tidak ada dalam bentuk indeks ini" in driver.find_element(By.ID, "form-errors").text


def test_the_leadership_report_prints_on_one_page_with_its_figures(driver, base_url):
    login(driver, base_url, ADMIN)
    driver.get(base_url + "/report")
    figures = {f.get_attribute("id"): f.find_element(By.CLASS_NAME, "stat").text for f in driver.find_elements(By.CSS_SELECTOR, "#key-figures .figure")}
    assert len(driver.find_elements(By.CSS_SELECTOR, "figure.chart svg")) >= 6
    # Chromium's own print-to-PDF (the DevTools call behind `chromium --headless --print-to-pdf`), with the page's print CSS.
    a4 = PrintOptions()
    a4.page_width, a4.page_height = 21.0, 29.7  # centimetres
    pdf = base64.b64decode(driver.print_page(a4))
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "laporan.pdf")
        with open(path, "wb") as handle:
            handle.write(pdf)
        info = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
        text = subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages:\s+1$", info, re.M), info
    assert "(A4)" in info, info  # one A4 sheet, as the leadership report is printed
    for key in ("figure-total", "figure-publicService", "figure-governance", "figure-iid"):
        assert figures[key] in text, (key, figures[key], text[:2000])
    assert "Inovasi daerah dalam satu halaman" in text
    assert "Indeks Inovasi Daerah per tahun" in text and "59,86" in text
