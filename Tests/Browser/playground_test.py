"""The playground in a real headless Chromium (Debian's), driven by Playwright.

Starts `escala playground` on the shipped workflows with a data folder of its
own, opens the page, and plays a ticket as the people of the built-in server:
what each can and cannot see is read from the page, as an admin would.
Run by `make browser-test` (part of `make test`).
"""
import os
import re
import subprocess
import sys
import tempfile
import time

from playwright.sync_api import expect, sync_playwright

ESCALA = os.environ.get("ESCALA", ".build/debug/escala")
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
SHOTS = os.environ.get("SCREENSHOTS", "")


def start_playground(data):
    process = subprocess.Popen([ESCALA, "playground", "--port", "0", "--data", data],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    deadline = time.time() + 60
    seen = []
    while time.time() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        seen.append(line)
        found = re.search(r"http://127\.0\.0\.1:\d+/", line)
        if found:
            return process, found.group(0)
    process.kill()
    sys.exit("escala playground did not start:\n" + "".join(seen))


def act_as(page, name):
    page.select_option("#person", label=name)


def channel_button(page, name):
    return page.locator("#channels button[data-channel='%s']" % name)


def main():
    failures = []
    with tempfile.TemporaryDirectory() as data:
        process, url = start_playground(data)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
                page = browser.new_page(viewport={"width": 1400, "height": 860}, locale="es-ES")
                page.goto(url)
                expect(page.locator("header strong")).to_have_text("Escala · Playground")

                act_as(page, "Ana · miembro")
                channel_button(page, "panel_tickets").click()
                menu = page.locator("#messages select[data-custom-id='esc:menu:roleplay']")
                expect(menu).to_be_visible()
                expect(channel_button(page, "chat_staff")).to_have_count(0)  # a member never sees the staff channel

                menu.select_option("consultas")
                expect(page.locator("#messages .ephemeral")).to_contain_text("Ticket abierto")
                expect(page.locator("#messages .ephemeral .only-you")).to_have_text("Solo tú puedes ver esto")
                channel_button(page, "consultas-1").click()
                expect(page.locator("#messages li").first).to_be_visible()
                page.fill("#text", "Hola, ¿cómo cambio mi nombre de personaje?")
                page.click("#composer button")
                expect(page.locator("#messages")).to_contain_text("cómo cambio mi nombre")
                if SHOTS:
                    page.screenshot(path=os.path.join(SHOTS, "playground-member.png"))

                act_as(page, "Bruno · miembro")
                expect(channel_button(page, "panel_tickets")).to_be_visible()
                expect(channel_button(page, "consultas-1")).to_have_count(0)  # another member's ticket is not his

                act_as(page, "Nora (cm)")
                expect(channel_button(page, "chat_staff")).to_be_visible()
                channel_button(page, "consultas-1").click()
                expect(page.locator("#messages")).to_contain_text("cómo cambio mi nombre")
                if SHOTS:
                    page.screenshot(path=os.path.join(SHOTS, "playground-staff.png"))

                page.click("button[data-minutes='120']")
                expect(page.locator("#lead")).to_contain_text("2 h")
                browser.close()
        except Exception as error:  # the failure with what the page showed
            failures.append(repr(error))
        finally:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                failures.append("escala playground did not stop within 20 s of SIGTERM")
    if failures:
        sys.exit("browser test failed:\n" + "\n".join(failures))
    print("browser test: the playground played a Consultas ticket as Ana, Bruno and a CM")


if __name__ == "__main__":
    main()
