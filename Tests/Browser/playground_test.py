"""The playground in a real headless Chromium (Debian's), driven by Playwright.

Starts `escala playground` on the shipped workflows with a data folder of its
own, opens the page, and plays a ticket as the people of the built-in server:
what each can and cannot see is read from the page, as an admin would.
Run by `make browser-test` (part of `make test`).
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

from playwright.sync_api import expect, sync_playwright

ESCALA = os.environ.get("ESCALA", ".build/debug/escala")
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
SHOTS = os.environ.get("SCREENSHOTS", "")


def start_playground(data, workflows):
    process = subprocess.Popen([ESCALA, "playground", "--port", "0", "--data", data, "--workflows", workflows],
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


def stop_playground(process, failures):
    """SIGTERM, and a failure if it does not stop within 20 s."""
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        failures.append("escala playground did not stop within 20 s of SIGTERM")


def act_as(page, name):
    page.select_option("#person", label=name)


def channel_button(page, name):
    return page.locator("#channels button[data-channel='%s']" % name)


def say(page, text, files=()):
    if files:
        page.set_input_files("#file", [{"name": name, "mimeType": "video/mp4", "buffer": b"0" * 2048} for name in files])
    page.fill("#text", text)
    page.click("#composer button")


def press(page, label):
    page.locator("#messages button", has_text=label).last.click()


def play_a_report(page):
    """Reportes as seed 001 writes it: the member opens it with the form and
    writes first; a CM who wrote before her is removed; the CM claims and
    must escalate to a Trainee; a Moderator's message in the Trainee's ticket
    is removed; the Trainee resolves it; 12 hours of silence close it and
    the transcript reaches the log channel."""
    act_as(page, "Ana · miembro")
    channel_button(page, "panel_tickets").click()
    page.locator("#messages select[data-custom-id='esc:menu:roleplay']").select_option("reportes")
    modal = page.locator("#modal")
    expect(modal).to_be_visible()
    expect(page.locator("#modal-title")).to_have_text("Reportes")
    page.fill("#modal [name='reportado']", "Pepe")
    page.fill("#modal [name='hechos']", "Me atropelló a propósito en la plaza")
    page.click("#modal-submit")
    expect(modal).to_be_hidden()
    expect(channel_button(page, "reportes-2")).to_be_visible()
    channel_button(page, "reportes-2").click()
    expect(page.locator("#messages")).to_contain_text("Pepe")

    act_as(page, "Nora (cm)")
    channel_button(page, "reportes-2").click()
    say(page, "Hola, ¿qué pasó?")  # staff may not speak first
    expect(page.locator("#messages li.removed")).to_contain_text("¿qué pasó?")
    expect(page.locator("#messages")).to_contain_text("debe escribir primero")
    # Why: the rule that removed it, with its line as written, opened on click.
    why = page.locator("#why")
    expect(why).to_be_visible()
    refused = why.locator("summary.refused", has_text="user speaks first").last
    expect(refused).to_be_visible()
    refused.click()
    expect(why.locator("details[open] code").last).to_have_text("user speaks first")

    act_as(page, "Ana · miembro")
    say(page, "Aquí está mi vídeo", files=["video.mp4"])
    expect(page.locator("#messages .attachment")).to_contain_text("video.mp4")

    act_as(page, "Nora (cm)")
    say(page, "Hola, reviso el caso")
    expect(page.locator("#messages li", has_text="reviso el caso")).not_to_have_class("removed")
    press(page, "Escalar a Trainee")
    expect(page.locator("#messages .mention", has_text="@trainee").last).to_be_visible()

    act_as(page, "Óscar (trainee)")
    expect(channel_button(page, "reportes-2")).to_be_visible()
    channel_button(page, "reportes-2").click()
    say(page, "Hola @Ana, soy Trainee y llevo tu reporte")
    expect(page.locator("#messages li", has_text="llevo tu reporte")).not_to_have_class("removed")

    act_as(page, "Paula (moderator)")
    channel_button(page, "reportes-2").click()
    say(page, "Yo también lo miro")
    expect(page.locator("#messages li.removed", has_text="Yo también lo miro")).to_be_visible()
    expect(page.locator("#why summary.refused", has_text="claim exclusive").last).to_be_visible()

    act_as(page, "Óscar (trainee)")
    press(page, "Resolver sin sanción")
    expect(page.locator("#messages")).to_contain_text("se resolvió sin sanción")
    expect(page.locator("#why [data-why=state]")).to_have_text("resuelto")
    expect(page.locator("#why [data-why=handler]")).to_have_text("Óscar (trainee)")
    expect(page.locator("#why [data-why=due]")).to_contain_text("after 12h of user silence")
    expect(page.locator("#why [data-why=history]")).to_contain_text("on button sin_sancion by trainee")
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, "playground-report.png"))

    # Twelve hours after the last message that named her, it closes.
    page.click("button[data-minutes='720']")
    expect(channel_button(page, "reportes-2")).to_have_count(0)
    channel_button(page, "registros").click()
    transcript = page.locator("#messages .attachment a").last
    expect(transcript).to_be_visible()
    with page.context.expect_page() as opened:
        transcript.click()
    expect(opened.value.locator("body")).to_contain_text("llevo tu reporte")
    # Back to the playground's tab: a tab in the background draws only once a second.
    opened.value.close()
    page.bring_to_front()


def act_as_rank(page, rank):
    value = page.locator("#person option", has_text="(%s)" % rank).first.get_attribute("value")
    page.select_option("#person", value=value)


def ticket_button(page, prefix):
    return page.locator("#channels button[data-channel^='%s-']" % prefix)


def play_the_other_workflows(page):
    """The other shipped workflows, served beside roleplay: communaute (its
    panel's buttons, French) and comunidad (its panel's menu, Spanish). A
    ticket opened from each is seen by its receiving rank and not by the
    other member, and the why panel names the rule that opened it."""
    act_as(page, "Ana · miembro")
    channel_button(page, "panel_support").click()
    page.locator("#messages button", has_text="Support").first.click()
    expect(ticket_button(page, "support")).to_have_count(1)
    ticket_button(page, "support").click()
    say(page, "Bonjour, mon compte est bloqué")
    expect(page.locator("#messages")).to_contain_text("mon compte est bloqué")
    expect(page.locator("#why")).to_contain_text("communaute.flow")
    act_as(page, "Bruno · miembro")
    expect(ticket_button(page, "support")).to_have_count(0)
    act_as_rank(page, "support_agent")
    expect(ticket_button(page, "support")).to_have_count(1)

    # Bruno: Ana has two tickets open, comunidad's limit (`limit 2 per user`).
    act_as(page, "Bruno · miembro")
    channel_button(page, "panel_soporte").click()
    page.locator("#messages select[data-custom-id='esc:menu:comunidad']").select_option("soporte")
    expect(ticket_button(page, "soporte")).to_have_count(1)
    ticket_button(page, "soporte").click()
    say(page, "No puedo entrar al servidor")
    expect(page.locator("#why")).to_contain_text("comunidad.flow")
    act_as(page, "Ana · miembro")
    expect(ticket_button(page, "soporte")).to_have_count(0)
    act_as_rank(page, "ayudante")
    expect(ticket_button(page, "soporte")).to_have_count(1)
    ticket_button(page, "soporte").click()
    expect(page.locator("#messages")).to_contain_text("No puedo entrar al servidor")


def reload_on_save(page, workflows):
    """A workflow file saved while tickets are open: the page says Escala
    took it up, the open ticket goes on with the version it started with,
    and a new ticket takes the saved one."""
    path = os.path.join(workflows, "communaute.flow")
    text = open(path, encoding="utf-8").read()
    edited = text.replace("Décrivez votre demande", "Expliquez-nous votre demande")
    if edited == text:
        raise AssertionError("communaute.flow no longer has the greeting this test edits")
    open(path, "w", encoding="utf-8").write(edited)
    expect(page.locator("#reloaded")).to_contain_text("Workflow recargado", timeout=20000)
    act_as(page, "Ana · miembro")
    ticket_button(page, "support").click()
    expect(page.locator("#messages")).to_contain_text("mon compte est bloqué")
    expect(page.locator("#messages")).not_to_contain_text("Expliquez-nous")
    act_as(page, "Bruno · miembro")
    channel_button(page, "panel_support").click()
    page.locator("#messages button", has_text="Support").first.click()
    expect(ticket_button(page, "support")).to_have_count(1)
    ticket_button(page, "support").click()
    expect(page.locator("#messages")).to_contain_text("Expliquez-nous votre demande")


def start_over(page):
    """The page's reset: every ticket gone, the panels posted again."""
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("#reset")
    act_as(page, "Ana · miembro")
    expect(ticket_button(page, "consultas")).to_have_count(0, timeout=20000)
    expect(ticket_button(page, "support")).to_have_count(0)
    channel_button(page, "panel_tickets").click()
    expect(page.locator("#messages select[data-custom-id='esc:menu:roleplay']")).to_be_visible(timeout=20000)


def replay_what_was_played(page, url, folder):
    """What was played, saved from the page as a scenario, passes `escala simulate`."""
    with page.expect_download() as saving:
        page.locator("#scenarios a", has_text="roleplay").click()
    path = os.path.join(folder, "played.scenario")
    saving.value.save_as(path)
    text = open(path, encoding="utf-8").read()
    for line in ["ana opens reportes with reportado=\"Pepe\"", "nora presses a_trainee", "expect deleted", "wait 12h", "expect closed"]:
        if line not in text:
            raise AssertionError("the saved scenario has no line %r:\n%s" % (line, text))
    if SHOTS:
        open(os.path.join(SHOTS, "playground-played.scenario"), "w", encoding="utf-8").write(text)
    run = subprocess.run([ESCALA, "simulate", "workflows/roleplay.flow", path], capture_output=True, text=True)
    if run.returncode != 0:
        raise AssertionError("escala simulate failed on what was played:\n%s\n%s%s" % (text, run.stdout, run.stderr))
    return path


def replay_on_the_page(page, path):
    """The saved scenario, loaded on a fresh playground and played on the
    page to its end: every action is accepted and every expectation the
    page checks holds."""
    page.select_option("#replay-workflow", "roleplay")
    page.set_input_files("#replay-file", path)
    lines = page.locator("#replay-lines li")
    expect(lines.first).to_be_visible()
    total = lines.count()
    page.click("#replay-next")
    expect(lines.first).to_have_class(re.compile("played"))
    page.click("#replay-all")
    expect(lines.last).not_to_have_class(re.compile("next"), timeout=120000)
    expect(lines.last).to_have_class(re.compile("held|played"), timeout=120000)
    failed = page.locator("#replay-lines li.failed, #replay-lines li.refused")
    if failed.count():
        raise AssertionError("lines that did not hold on the page: " + " | ".join(failed.all_inner_texts()))
    held = page.locator("#replay-lines li.held").count()
    if held < 3:
        raise AssertionError("only %d of %d lines were checked on the page" % (held, total))
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, "playground-replay.png"))


def main():
    failures = []
    with tempfile.TemporaryDirectory() as data:
        # A copy of the shipped workflows: the test saves one of them.
        workflows = os.path.join(data, "workflows")
        shutil.copytree("workflows", workflows, ignore=shutil.ignore_patterns("scenarios"))
        process, url = start_playground(data, workflows)
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
                play_a_report(page)
                saved = replay_what_was_played(page, url, data)
                play_the_other_workflows(page)
                reload_on_save(page, workflows)
                start_over(page)
                replay_on_the_page(page, saved)
                browser.close()
        except Exception as error:  # the failure with what the page showed
            failures.append(repr(error))
        finally:
            stop_playground(process, failures)
    if failures:
        sys.exit("browser test failed:\n" + "\n".join(failures))
    print("browser test: the playground played a Consultas ticket as Ana, Bruno and a CM, and a whole Reportes ticket as Ana, a CM, a Trainee and a Moderator, a ticket of communaute and of comunidad, saved communaute.flow with a ticket open (it kept its version, a new one took the saved one), started over and played the saved scenario on the page")


if __name__ == "__main__":
    main()
