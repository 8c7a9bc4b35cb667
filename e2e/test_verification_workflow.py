"""End-to-end: an operator files an innovation, the admin asks for a revision,
the operator revises and resubmits, the admin verifies and publishes.

Relies only on element ids and field names of the UI contract, never on
visible (Indonesian) labels.
"""

import random
import re
import time
from urllib.parse import urlparse

from selenium.common.exceptions import TimeoutException
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

ADMIN = ("admin@lumbung.example", "lumbung-admin")
OPERATOR = ("operator@lumbung.example", "lumbung-operator")

WAIT = 20  # seconds for any page load / element
REVISION_COMMENT = "Lengkapi dasar hukum."
DETAIL_PATH = re.compile(r"^/innovations/([^/]+)/?$")


# --------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------

def wait(driver, timeout=WAIT):
    return WebDriverWait(driver, timeout)


def path_of(driver):
    return urlparse(driver.current_url).path


def open_page(driver, base_url, path, ready_css):
    """GET a page and wait until the element that marks it as loaded is there."""
    driver.get(base_url + path)
    wait(driver).until(lambda d: d.execute_script("return document.readyState") == "complete")
    return wait(driver).until(EC.presence_of_element_located((By.CSS_SELECTOR, ready_css)))


def click_and_wait_for_new_page(driver, element):
    """Click something that submits a form / follows a link and wait until the
    browser has left the current document and the next one has loaded."""
    old_html = driver.find_element(By.TAG_NAME, "html")
    element.click()

    def left_old_page(_):
        # Chromium sometimes answers a look at a node of the unloaded page with an
        # "unhandled inspector error" instead of "stale element": both mean it is gone.
        try:
            old_html.is_enabled()
            return False
        except WebDriverException:
            return True

    wait(driver).until(left_old_page)
    wait(driver).until(lambda d: d.execute_script("return document.readyState") == "complete")


def submit_button_of(form):
    return form.find_element(By.CSS_SELECTOR, "button[type=submit], input[type=submit], button")


def submit_form(driver, form_id):
    form = wait(driver).until(EC.presence_of_element_located((By.ID, form_id)))
    click_and_wait_for_new_page(driver, submit_button_of(form))


def form_errors_text(driver):
    errors = driver.find_elements(By.ID, "form-errors")
    return errors[0].text if errors else ""


def current_status(driver):
    elements = driver.find_elements(By.ID, "innovation-status")
    return elements[0].get_attribute("data-status") if elements else None


def expect_status(driver, expected):
    """Wait for #innovation-status to show `expected`; fail at once (with the
    listed problems) when the page shows #form-errors instead."""
    try:
        wait(driver).until(lambda d: current_status(d) == expected or d.find_elements(By.ID, "form-errors"))
    except TimeoutException:
        pass
    status = current_status(driver)
    assert status == expected, (
        f"expected #innovation-status data-status={expected!r}, got {status!r} "
        f"at {driver.current_url}; #form-errors: {form_errors_text(driver)!r}"
    )


def login(driver, base_url, account):
    email, password = account
    form = open_page(driver, base_url, "/login", "#login-form")
    field = form.find_element(By.NAME, "email")
    field.clear()
    field.send_keys(email)
    field = form.find_element(By.NAME, "password")
    field.clear()
    field.send_keys(password)
    click_and_wait_for_new_page(driver, driver.find_element(By.ID, "login-button"))
    try:
        wait(driver).until(EC.presence_of_element_located((By.ID, "logout-form")))
    except TimeoutException:
        raise AssertionError(f"login as {email} did not reach the dashboard (at {driver.current_url})") from None
    assert path_of(driver) == "/", f"after login expected /, got {driver.current_url}"


def logout(driver, base_url):
    open_page(driver, base_url, "/", "#logout-form")
    click_and_wait_for_new_page(driver, driver.find_element(By.ID, "logout-button"))
    wait(driver).until(EC.presence_of_element_located((By.ID, "login-form")))
    assert path_of(driver) == "/login", f"after logout expected /login, got {driver.current_url}"


def set_text(form, name, value):
    field = form.find_element(By.NAME, name)
    field.clear()
    field.send_keys(value)
    assert field.get_attribute("value") == value, f"field {name} did not take the typed value"


def set_select(form, name, value):
    Select(form.find_element(By.NAME, name)).select_by_value(value)


def set_date(driver, form, name, iso_date):
    # Typing into <input type=date> depends on the browser locale; set the value directly.
    field = form.find_element(By.NAME, name)
    driver.execute_script(
        "arguments[0].value = arguments[1];"
        "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
        "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
        field,
        iso_date,
    )
    assert field.get_attribute("value") == iso_date


_SENTENCES = [
    "Inovasi ini mempercepat pelayanan administrasi kependudukan bagi seluruh warga kabupaten",
    "Warga dapat mengajukan permohonan akta kelahiran dan kartu keluarga secara daring tanpa harus datang ke kantor dinas",
    "Petugas memverifikasi berkas melalui aplikasi terpadu sehingga antrean di loket berkurang secara nyata",
    "Sistem ini terhubung dengan data desa dan kecamatan agar pemutakhiran data berjalan lebih cepat dan akurat",
    "Setiap permohonan dilengkapi nomor registrasi yang dapat dipantau oleh pemohon melalui telepon genggam",
    "Dinas menyelenggarakan pelatihan bagi operator desa supaya layanan tetap berjalan di wilayah terpencil",
    "Anggaran pelaksanaan bersumber dari belanja daerah dan dukungan mitra pembangunan setempat",
    "Evaluasi berkala dilakukan setiap triwulan dengan melibatkan perwakilan masyarakat dan perangkat daerah",
    "Hasil survei kepuasan menunjukkan peningkatan kepercayaan publik terhadap layanan pemerintah daerah",
    "Prosedur kerja disusun secara tertulis sehingga inovasi dapat direplikasi oleh daerah lain dengan mudah",
    "Kerja sama dengan rumah sakit memungkinkan penerbitan akta kelahiran langsung setelah persalinan",
    "Data yang terkumpul dimanfaatkan untuk perencanaan pembangunan dan penyaluran bantuan sosial yang tepat sasaran",
]


def indonesian_text(min_words, seed):
    """A deterministic Indonesian-looking text of at least min_words words."""
    rng = random.Random(seed)
    sentences, words = [], 0
    while words < min_words:
        sentence = rng.choice(_SENTENCES)
        sentences.append(sentence + ".")
        words += len(sentence.split())
    return " ".join(sentences)


# --------------------------------------------------------------------------
# tests
# --------------------------------------------------------------------------

def test_wrong_password_stays_on_login(driver, base_url):
    form = open_page(driver, base_url, "/login", "#login-form")
    form.find_element(By.NAME, "email").send_keys(OPERATOR[0])
    form.find_element(By.NAME, "password").send_keys("bukan-kata-sandi-yang-benar")
    click_and_wait_for_new_page(driver, driver.find_element(By.ID, "login-button"))
    wait(driver).until(EC.presence_of_element_located((By.ID, "login-error")))
    assert path_of(driver) == "/login", f"expected to stay on /login, got {driver.current_url}"
    assert driver.find_elements(By.ID, "login-form"), "the login form should be shown again"
    assert not driver.find_elements(By.ID, "logout-form"), "a failed login must not be logged in"


def test_verification_workflow(driver, base_url):
    stamp = time.strftime("%Y%m%d-%H%M%S") + f"-{time.time_ns() % 1_000_000:06d}"
    name = f"Inovasi Uji E2E {stamp}"
    design = indonesian_text(320, seed=stamp)
    assert len(design.split()) >= 320
    extra_sentence = "Dasar hukum inovasi ini adalah peraturan bupati tentang layanan administrasi kependudukan."

    # 1. Operator files a new innovation -------------------------------------
    login(driver, base_url, OPERATOR)
    form = open_page(driver, base_url, "/innovations/new", "#innovation-form")
    assert not form.find_elements(By.CSS_SELECTOR, "select[name=agencyID]"), \
        "operators must not get the agencyID select"
    set_text(form, "name", name)
    set_text(form, "acronym", "UJI" + stamp[-6:])
    set_select(form, "category", "publicService")
    set_select(form, "deliveryMode", "digital")
    set_select(form, "stage", "implementation")
    set_select(form, "initiator", "agency")
    set_select(form, "mainAffair", "adminduk")
    set_date(driver, form, "trialStart", "2019-01-15")
    set_date(driver, form, "implementationStart", "2019-06-03")
    set_text(form, "design", design)
    set_text(form, "goals", "Mempercepat penerbitan dokumen kependudukan bagi warga.")
    set_text(form, "benefits", "Warga tidak perlu datang berulang kali ke kantor dinas.")
    set_text(form, "results", "Waktu layanan akta kelahiran turun dari tujuh hari menjadi satu hari.")
    set_text(form, "beneficiaries", "Seluruh penduduk kabupaten, terutama warga desa terpencil.")
    set_text(form, "themes", "pelayanan publik, administrasi kependudukan, digitalisasi")
    click_and_wait_for_new_page(driver, driver.find_element(By.ID, "save-button"))

    match = DETAIL_PATH.match(path_of(driver))
    assert match and match.group(1) != "new", (
        f"saving should land on /innovations/{{id}}, got {driver.current_url}; "
        f"#form-errors: {form_errors_text(driver)!r}"
    )
    detail_path = path_of(driver)
    expect_status(driver, "draft")
    assert name in driver.page_source

    # 2. Operator submits ------------------------------------------------------
    submit_form(driver, "submit-form")
    expect_status(driver, "submitted")
    logout(driver, base_url)

    # 3. Admin asks for a revision ----------------------------------------------
    login(driver, base_url, ADMIN)
    open_page(driver, base_url, detail_path, "#innovation-status")
    expect_status(driver, "submitted")
    form = wait(driver).until(EC.presence_of_element_located((By.ID, "request-revision-form")))
    # The comment form is folded away under a <summary>, as an admin sees it; open it.
    details = form.find_element(By.XPATH, "./ancestor::details")
    if details.get_attribute("open") is None:
        details.find_element(By.TAG_NAME, "summary").click()
    wait(driver).until(lambda d: form.find_element(By.NAME, "comment_design").is_displayed())
    form.find_element(By.NAME, "comment_general")  # must exist, left empty
    set_text(form, "comment_design", REVISION_COMMENT)
    click_and_wait_for_new_page(driver, submit_button_of(form))
    expect_status(driver, "revisionRequested")
    logout(driver, base_url)

    # 4. Operator reads the comment, revises and resubmits ----------------------
    login(driver, base_url, OPERATOR)
    open_page(driver, base_url, detail_path, "#innovation-status")
    expect_status(driver, "revisionRequested")
    body_text = driver.find_element(By.TAG_NAME, "body").text
    assert REVISION_COMMENT in body_text, "the admin's revision comment should be shown to the operator"

    click_and_wait_for_new_page(driver, wait(driver).until(EC.element_to_be_clickable((By.ID, "edit-link"))))
    form = wait(driver).until(EC.presence_of_element_located((By.ID, "innovation-form")))
    field = form.find_element(By.NAME, "design")
    assert field.get_attribute("value").strip() == design, "the edit form should show the saved design"
    field.click()
    field.send_keys(Keys.CONTROL, Keys.END)
    field.send_keys(" " + extra_sentence)
    assert field.get_attribute("value").rstrip().endswith(extra_sentence)
    click_and_wait_for_new_page(driver, driver.find_element(By.ID, "save-button"))
    assert path_of(driver).rstrip("/") == detail_path.rstrip("/"), (
        f"saving the edit should return to {detail_path}, got {driver.current_url}; "
        f"#form-errors: {form_errors_text(driver)!r}"
    )
    # The contract does not say whether editing moves the status back to draft.
    assert current_status(driver) in ("draft", "revisionRequested"), \
        f"unexpected status after editing: {current_status(driver)!r}"
    # The edit was stored: the edit form shows the longer design.
    click_and_wait_for_new_page(driver, wait(driver).until(EC.element_to_be_clickable((By.ID, "edit-link"))))
    form = wait(driver).until(EC.presence_of_element_located((By.ID, "innovation-form")))
    assert form.find_element(By.NAME, "design").get_attribute("value").rstrip().endswith(extra_sentence), \
        "the edited design was not saved"
    open_page(driver, base_url, detail_path, "#innovation-status")
    submit_form(driver, "submit-form")
    expect_status(driver, "submitted")
    logout(driver, base_url)

    # 5. Admin verifies and publishes ----------------------------------------
    login(driver, base_url, ADMIN)
    open_page(driver, base_url, detail_path, "#innovation-status")
    expect_status(driver, "submitted")
    submit_form(driver, "verify-form")
    expect_status(driver, "verified")
    submit_form(driver, "publish-form")
    expect_status(driver, "verified")
    assert not driver.find_elements(By.ID, "publish-form"), "a published innovation should not offer #publish-form"
    assert name in driver.page_source
    logout(driver, base_url)
