"""The Admin Lokal flow in a browser: the Biro opens an edition; an agency's operator drafts a
proposal, hits a word limit, fixes it, uploads its documents and submits; the Biro returns it
with a comment; the operator resubmits; the Biro accepts and selects it, hands it to Sinovik
and records it as Top 99."""
import datetime
import os

from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from browser import login, logout, pdf_file, press_and_wait

ADMIN = ("admin@lumbung.example", "lumbung-admin")
OPERATOR = ("operator@lumbung.example", "lumbung-operator")
INNOVATION = "Kartu Identitas Anak Masuk Sekolah"


def click(driver, form_id):
    """Presses a form's button and waits for the next page."""
    button = driver.find_element(By.CSS_SELECTOR, f"#{form_id} button")
    button.click()
    WebDriverWait(driver, 20).until(EC.staleness_of(button))


def status(driver):
    wait = WebDriverWait(driver, 20, ignored_exceptions=[StaleElementReferenceException])
    return wait.until(lambda d: d.find_element(By.ID, "proposal-status").get_attribute("data-status"))


def test_a_proposal_from_draft_to_top_99(driver, base_url):
    wait = WebDriverWait(driver, 20)
    today = datetime.date.today()

    # The Biro copies KIPP 2023 for next year and opens its registration now.
    login(driver, base_url, ADMIN)
    driver.get(base_url + "/competitions")
    driver.find_element(By.LINK_TEXT, "KIPP 2023").click()
    driver.find_element(By.ID, "copy-edition").click()
    wait.until(EC.presence_of_element_located((By.ID, "edition-form")))
    for field, value in (("opensDay", (today - datetime.timedelta(days=1)).isoformat()),
                         ("closesDay", (today + datetime.timedelta(days=30)).isoformat())):
        driver.execute_script("arguments[0].value = arguments[1]", driver.find_element(By.ID, field), value)
    driver.find_element(By.ID, "save-edition").click()
    wait.until(EC.text_to_be_present_in_element((By.ID, "edition-open"), "dibuka"))
    edition_url = driver.current_url
    logout(driver)

    # The operator drafts a proposal from a verified innovation of the agency.
    login(driver, base_url, OPERATOR)
    driver.get(edition_url)
    driver.find_element(By.ID, "new-proposal").click()
    choice = Select(driver.find_element(By.ID, "innovationID"))
    choice.select_by_visible_text(next(o.text for o in choice.options if o.text.startswith(INNOVATION)))
    Select(driver.find_element(By.ID, "groupKey")).select_by_value("umum")
    press_and_wait(driver, driver.find_element(By.ID, "start-proposal"))
    assert status(driver) == "draft"
    proposal_url = driver.current_url

    driver.find_element(By.ID, "edit-proposal").click()
    sections = driver.find_elements(By.CSS_SELECTOR, "textarea[id^='section-']")
    for area in sections:
        if not area.get_attribute("value").strip():
            area.send_keys("Layanan KIA langsung di sekolah bersama dinas pendidikan dan kecamatan perbatasan.")
    summary = driver.find_element(By.ID, "section-ringkasan")
    summary.clear()
    summary.send_keys(" ".join(["anak-anak"] * 205))
    assert "over" in driver.find_element(By.ID, "count-ringkasan").get_attribute("class"), "the live count shows the limit"
    video = driver.find_element(By.ID, "videoURL")
    if not video.get_attribute("value"):
        video.send_keys("https://www.youtube.com/watch?v=kia-sekolah")
    driver.find_element(By.ID, "save-proposal").click()
    warning = wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, ".flash.error")))
    assert "205 kata, melebihi batas 200 kata" in warning.text
    summary = driver.find_element(By.ID, "section-ringkasan")
    assert summary.get_attribute("value").startswith("anak-anak anak-anak"), "what was typed is kept"
    # Every section still over its limit (a long profile text fills some) is shortened.
    for area in driver.find_elements(By.CSS_SELECTOR, "textarea[id^='section-']"):
        key = area.get_attribute("id")[len("section-"):]
        if "over" in driver.find_element(By.ID, "count-" + key).get_attribute("class"):
            area.clear()
            area.send_keys("Kartu Identitas Anak diterbitkan di sekolah: 12.480 anak di 5 kabupaten mendapat KIA tanpa ke kantor Disdukcapil.")
    press_and_wait(driver, driver.find_element(By.ID, "save-proposal"))
    assert status(driver) == "draft"

    # The documents, the SK among them, as PDFs.
    document = pdf_file("sk-penetapan-")
    try:
        while True:
            pending = [form for form in driver.find_elements(By.CSS_SELECTOR, "#documents form.upload")
                       if "belum diunggah" in form.find_element(By.XPATH, "..").text]
            if not pending:
                break
            pending[0].find_element(By.CSS_SELECTOR, "input[type=file]").send_keys(document)
            # The page before had a success message too: wait for the new page first.
            press_and_wait(driver, pending[0].find_element(By.CSS_SELECTOR, "button"))
            wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, ".flash.success")))
    finally:
        os.unlink(document)
    assert "sk-penetapan" in driver.find_element(By.ID, "documents").text
    click(driver, "proposal-submit")
    assert status(driver) == "submitted"
    logout(driver)

    # The Biro returns it with a comment on one section.
    login(driver, base_url, ADMIN)
    driver.get(proposal_url)
    driver.find_element(By.CSS_SELECTOR, "details.card summary").click()
    driver.find_element(By.ID, "comment_signifikansi").send_keys("Tambahkan data sebelum dan sesudah penerapan.")
    # The status is read from the next page, not from this one (which still says submitted).
    press_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "#proposal-return-form button"))
    assert status(driver) == "returned"
    logout(driver)

    # The operator sees the comment and submits again.
    login(driver, base_url, OPERATOR)
    driver.get(proposal_url)
    assert "Tambahkan data sebelum dan sesudah penerapan." in driver.page_source
    click(driver, "proposal-submit")
    assert status(driver) == "submitted"
    logout(driver)

    # The Biro accepts, selects, hands over and records Top 99.
    login(driver, base_url, ADMIN)
    driver.get(proposal_url)
    click(driver, "proposal-accept")
    assert status(driver) == "accepted"
    driver.get(edition_url)
    driver.find_element(By.ID, "selection-link").click()
    press_and_wait(driver, driver.find_element(By.XPATH, f"//li[a[contains(., '{INNOVATION}')]]//button"))
    # Both pages carry a success message: each next page is awaited before reading it.
    press_and_wait(driver, driver.find_element(By.ID, "hand-over-all"))
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, ".flash.success")))
    driver.get(edition_url.rstrip("/") + "/outcomes")
    row = driver.find_element(By.XPATH, f"//tr[td/a[contains(., '{INNOVATION}')]]")
    Select(row.find_element(By.TAG_NAME, "select")).select_by_visible_text("Top 99")
    press_and_wait(driver, row.find_element(By.TAG_NAME, "button"))
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, ".flash.success")))
    driver.get(proposal_url)
    assert status(driver) == "handedOver"
    assert "Top 99" in driver.find_element(By.ID, "outcomes").text
    driver.find_element(By.CSS_SELECTOR, "h1 a").click()
    assert "— Top 99" in driver.find_element(By.ID, "awards").text
