"""The judging of this year's Lomba in a browser: the Biro previews and saves the assignment of
its dewan juri and opens scoring; both jurors score blind; the Biro closes the stage and reads
the ranking, where the one-per-agency quota passes over Disdukcapil's second proposal; the
Biro announces; Disdukcapil's operator files an objection with a document; the Biro answers it."""
import os
import re

from axe_selenium_python import Axe
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from browser import login, logout, pdf_file, press_and_wait

ADMIN = ("admin@lumbung.example", "lumbung-admin")
OPERATOR = ("operator@lumbung.example", "lumbung-operator")
JURY = [("evaluator@lumbung.example", "lumbung-evaluator"), ("penilai1@lumbung.example", "lumbung-evaluator")]
ENTRIES = ["Sistem Informasi Antrean dan Permohonan Adminduk Daring", "Sistem Pemutakhiran Data Penduduk Pelintas Batas",
           "Antrean Daring Poliklinik", "Samsat Drive Thru Tarakan", "Sistem Peringatan Dini Banjir Sungai"]


def press(driver, button_id):
    press_and_wait(driver, WebDriverWait(driver, 20).until(EC.element_to_be_clickable((By.ID, button_id))))


def phase(driver):
    return driver.find_element(By.ID, "stage-phase").text


def open_stage(driver, base_url):
    driver.get(base_url + "/competitions")
    driver.find_element(By.PARTIAL_LINK_TEXT, "Lomba Inovasi Daerah Kalimantan Utara 20").click()
    driver.find_element(By.CSS_SELECTOR, "#evaluations a[href$='/stages/penilaian-juri']").click()
    return driver.current_url.replace(base_url, "")


def test_the_lomba_from_assignment_to_an_answered_objection(driver, base_url):
    # The Biro previews the balanced assignment, saves it with its seed and opens scoring.
    login(driver, base_url, ADMIN)
    stage = open_stage(driver, base_url)
    assert phase(driver) == "Persiapan"
    driver.find_element(By.ID, "assignment-link").click()
    seed = driver.find_element(By.ID, "seed")
    seed.clear()
    seed.send_keys("2026")
    press(driver, "run-assignment")
    preview = driver.find_element(By.ID, "assignment-preview").text
    assert "Usulan penugasan: 10 slot, beban 5–5" in preview, preview
    press(driver, "save-assignment")
    assert "benih 2026" in driver.find_element(By.ID, "recorded-seed").text
    driver.get(base_url + stage)
    press(driver, "open-scoring")
    assert phase(driver) == "Penilaian berjalan"
    logout(driver)

    # Each juror scores their five proposals blind: no name of an innovation or agency shows.
    # They agree: the lower the proposal's code, the better it is.
    for juror in JURY:
        login(driver, base_url, juror)
        driver.get(base_url + "/evaluations")
        section = next(s for s in driver.find_elements(By.CSS_SELECTOR, "section.card")
                       if "Penilaian proposal oleh dewan juri" in s.text)
        links = {a.text: a.get_attribute("href") for a in section.find_elements(By.CSS_SELECTOR, "ul.queue a")}
        assert len(links) == 5, links
        for rank, label in enumerate(sorted(links)):
            driver.get(links[label])
            page = driver.find_element(By.TAG_NAME, "main").text
            assert driver.find_element(By.ID, "blind-note").is_displayed()
            assert not any(name in page for name in ENTRIES), page[:400]
            assert "Disdukcapil" not in page and "Dinas Kependudukan" not in page
            for select in driver.find_elements(By.CSS_SELECTOR, "#score-form select"):
                Select(select).select_by_value(str(9 - rank))
            driver.find_element(By.ID, "comment-general").send_keys("Dampak terukur; perlu data biaya per layanan.")
            press(driver, "submit-assessment")
            assert "Penilaian terkirim." in driver.find_element(By.TAG_NAME, "main").text
        driver.get(base_url + "/evaluations")
        section = next(s for s in driver.find_elements(By.CSS_SELECTOR, "section.card")
                       if "Penilaian proposal oleh dewan juri" in s.text)
        assert not section.find_elements(By.CSS_SELECTOR, "ul.queue a"), section.text
        logout(driver)

    # The Biro closes the stage and reads the ranking: at most one proposal per agency.
    login(driver, base_url, ADMIN)
    driver.get(base_url + stage)
    assert "5 usulan, 10 penilaian: 10 terkirim, 0 draf." in driver.find_element(By.ID, "progress").text
    press(driver, "close-stage")
    assert driver.current_url.endswith(stage + "/ranking")
    assert "Penilaian ditutup" in driver.find_element(By.TAG_NAME, "main").text
    rows = driver.find_elements(By.CSS_SELECTOR, "#ranking tbody tr")
    assert len(rows) == 5
    table = [(row.find_element(By.CSS_SELECTOR, "td a").text, row.text) for row in rows]
    shortlisted = [name for name, text in table if "Lolos" in text]
    assert len(shortlisted) == 3, table
    assert shortlisted[0] == ENTRIES[0]
    passed_over = next(text for name, text in table if name == ENTRIES[1])
    assert "Lolos" not in passed_over and "kuota" in passed_over, passed_over
    assert ENTRIES[1] not in shortlisted

    # The explanation shows the working of one number.
    driver.find_element(By.LINK_TEXT, ENTRIES[1]).click()
    assert driver.find_element(By.ID, "sheets").is_displayed()
    assert "kuota" in driver.find_element(By.ID, "decision").text

    # The Biro announces the results; objections are open for the prefilled days.
    driver.get(base_url + stage)
    driver.find_element(By.ID, "isPublic").click()
    press(driver, "announce")
    assert phase(driver) == "Diumumkan, masa sanggah"
    logout(driver)

    # Announced in public: anyone reads the shortlist, and the page passes axe like the others.
    driver.get(base_url + stage + "/results")
    assert not driver.find_elements(By.ID, "error-message")
    assert ENTRIES[1] not in driver.find_element(By.TAG_NAME, "main").text
    axe = Axe(driver)
    axe.inject()
    serious = [v["id"] for v in axe.run()["violations"] if v.get("impact") in ("serious", "critical")]
    assert not serious, serious

    # Disdukcapil's operator objects to its passed-over proposal, with a document.
    login(driver, base_url, OPERATOR)
    driver.get(base_url + stage + "/objections")
    assert "Masa sanggah terbuka sampai" in driver.find_element(By.ID, "window").text
    Select(driver.find_element(By.ID, "objection-proposal")).select_by_visible_text(ENTRIES[1])
    driver.find_element(By.ID, "objection-reason").send_keys(
        "Kuota satu usulan per perangkat daerah tidak tercantum dalam petunjuk teknis lomba.")
    path = pdf_file("sanggahan-")
    try:
        driver.find_element(By.ID, "objection-file").send_keys(path)
        press(driver, "file-objection")
    finally:
        os.unlink(path)
    objection = driver.find_element(By.CSS_SELECTOR, "section.objection")
    assert ENTRIES[1] in objection.text and "Menunggu jawaban Biro." in objection.text, objection.text
    assert objection.find_elements(By.CSS_SELECTOR, "a[href$='/document']")
    objection_id = re.sub(r"\D", "", objection.get_attribute("id"))
    logout(driver)

    # The Biro answers it; the operator reads the answer.
    login(driver, base_url, ADMIN)
    driver.get(base_url + stage + "/objections")
    driver.find_element(By.ID, f"answer-{objection_id}").send_keys(
        "Kuota tercantum pada aturan tahap yang ditetapkan sebelum penilaian dibuka; hasil tetap.")
    driver.find_element(By.CSS_SELECTOR, f"#objection-{objection_id} input[name='upheld'][value='no']").click()
    press(driver, f"answer-button-{objection_id}")
    logout(driver)

    login(driver, base_url, OPERATOR)
    driver.get(base_url + stage + "/objections")
    answered = driver.find_element(By.ID, f"objection-{objection_id}").text
    assert "Ditolak" in answered and "hasil tetap" in answered, answered
