"""Steps the workflow tests share: signing in and out, pressing a button and waiting for the
page it leads to, and a small PDF to upload."""
import os
import tempfile

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait


def login(driver, base_url, account):
    driver.get(base_url + "/login")
    driver.find_element(By.ID, "email").send_keys(account[0])
    driver.find_element(By.ID, "password").send_keys(account[1])
    driver.find_element(By.ID, "login-button").click()
    WebDriverWait(driver, 20).until(EC.presence_of_element_located((By.ID, "logout-button")))


def logout(driver):
    driver.find_element(By.ID, "logout-button").click()
    WebDriverWait(driver, 20).until(EC.presence_of_element_located((By.ID, "login-form")))


def press_and_wait(driver, button):
    """Presses a button and waits until the page it leads to has loaded. The old page is marked
    and the new one is known by not carrying the mark (sturdier than waiting for a stale element)."""
    driver.execute_script("window.lumbungOldPage = true")
    button.click()
    WebDriverWait(driver, 20).until(
        lambda d: d.execute_script("return !window.lumbungOldPage && document.readyState === 'complete'"))


def pdf_file(prefix):
    content = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
    handle, path = tempfile.mkstemp(suffix=".pdf", prefix=prefix)
    os.write(handle, content)
    os.close(handle)
    return path
