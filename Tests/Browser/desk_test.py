"""The staff desk in a real headless Chromium (Debian's), driven by Playwright.

Starts `escala playground` on the shipped workflows, plays two Consultas
tickets on the playground's page (Ana writes in hers, Bruno says nothing),
then signs in to the desk at /desk through the built-in Discord's OAuth2
consent page as Ana, as a CM and as the top rank, in browsers of their own
(cookies apart), and reads what each is shown and may do.
Run by `make browser-test` (part of `make test`); SCREENSHOTS=docs keeps the pictures.
"""
import os
import sys
import tempfile

from playwright.sync_api import expect, sync_playwright

from playground_test import CHROMIUM, SHOTS, act_as, channel_button, say, start_playground, stop_playground


def sign_in(browser, url, name):
    """A browser of its own for `name`, signed in on the desk: the desk's
    button, the consent page's «continue as», back on the queue."""
    context = browser.new_context(viewport={"width": 1300, "height": 800}, locale="es-ES")
    page = context.new_page()
    page.goto(url + "desk")
    page.click("#signin")
    page.get_by_role("link", name=name, exact=True).click()
    expect(page.locator("#signed-in-as")).to_have_text(name)
    return context, page


def main():
    failures = []
    with tempfile.TemporaryDirectory() as data:
        process, url = start_playground(data, "workflows")
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
                play = browser.new_page(viewport={"width": 1400, "height": 860}, locale="es-ES")
                play.goto(url)
                for member in ("Bruno · miembro", "Ana · miembro"):
                    act_as(play, member)
                    channel_button(play, "panel_tickets").click()
                    play.locator("#messages select[data-custom-id='esc:menu:roleplay']").select_option("consultas")
                number = {"Bruno · miembro": "1", "Ana · miembro": "2"}
                expect(channel_button(play, "consultas-2")).to_be_visible()
                channel_button(play, "consultas-2").click()
                say(play, "Hola, <b>¿cómo</b> cambio mi nombre de personaje?")
                expect(play.locator("#messages")).to_contain_text("cambio mi nombre")

                # Signed out: the sign-in and nothing else.
                anonymous = browser.new_page()
                anonymous.goto(url + "desk")
                expect(anonymous.locator("#signin")).to_be_visible()
                expect(anonymous.locator("#queue")).to_have_count(0)

                # Ana, a member: her ticket, its conversation, no staff view.
                context, ana = sign_in(browser, url, "Ana")
                expect(ana.locator("#queue tr.ticket")).to_have_count(1)
                ana.locator("#queue a", has_text=number["Ana · miembro"]).click()
                expect(ana.locator("#conversation")).to_contain_text("<b>¿cómo</b> cambio")
                expect(ana.locator("#timeline")).to_have_count(0)
                expect(ana.locator("#actions")).to_have_count(0)
                response = ana.goto(url + "desk/tickets/" + number["Bruno · miembro"])
                if response.status != 404:
                    raise AssertionError("Bruno's ticket answered %d to Ana, not 404" % response.status)
                context.close()

                # A CM: both tickets, Ana's first (she waits for an answer).
                context, cm = sign_in(browser, url, "Nora (cm)")
                rows = cm.locator("#queue tr.ticket")
                expect(rows).to_have_count(2)
                expect(rows.first).to_have_attribute("data-number", number["Ana · miembro"])
                expect(rows.first).to_have_class("ticket waiting")
                expect(rows.first.locator(".next")).to_contain_text("after 15m without reason")
                # Bruno writes in his ticket on Discord: the open queue shows him waiting too, by itself.
                expect(rows.nth(1)).to_have_class("ticket")
                act_as(play, "Bruno · miembro")
                channel_button(play, "consultas-1").click()
                say(play, "¿Hay alguien?")
                expect(rows.nth(1)).to_have_class("ticket waiting")
                expect(rows.first).to_have_attribute("data-number", number["Ana · miembro"])
                if SHOTS:
                    cm.screenshot(path=os.path.join(SHOTS, "desk-queue.png"))
                rows.first.locator("a").click()
                timeline = cm.locator("#timeline")
                expect(timeline).to_contain_text("abrió el ticket")
                expect(timeline.locator(".rule .where").first).to_contain_text("roleplay.flow:")
                expect(cm.locator("#due")).to_contain_text("after 15m without reason: close sin_motivo")
                # «Consultar en #chat-staff» is the handler's, and she handles nothing yet: refused, as on Discord.
                cm.click("#actions button[data-button='duda']")
                expect(cm.locator("#told")).to_be_visible()
                expect(cm.locator("#state")).to_have_text("abierta")
                if SHOTS:
                    cm.screenshot(path=os.path.join(SHOTS, "desk-ticket.png"), full_page=True)
                # Statistics: a chart drawn on the server, a line per category.
                cm.goto(url + "desk")
                cm.click("#statistics-link")
                expect(cm.locator("#per-day svg.chart rect.opened")).not_to_have_count(0)
                expect(cm.locator("#by-category")).to_contain_text("Consultas")
                if SHOTS:
                    cm.screenshot(path=os.path.join(SHOTS, "desk-stats.png"), full_page=True)
                context.close()

                # The top rank of the ladder sees every ticket.
                context, owner = sign_in(browser, url, "Teo (developer)")
                expect(owner.locator("#queue tr.ticket")).to_have_count(2)
                owner.click("form.account button")
                expect(owner.locator("#signin")).to_be_visible()
                context.close()
                browser.close()
        except Exception as error:  # the failure with what the page showed
            failures.append(repr(error))
        finally:
            stop_playground(process, failures)
    if failures:
        sys.exit("desk browser test failed:\n" + "\n".join(failures))
    print("desk browser test: signed in through Discord's OAuth2 as Ana (her ticket only, no timeline; another's is 404), "
          "a CM (both tickets, the waiting member first, the queue redrawn when a member wrote, a timeline naming roleplay.flow's lines, a handler's button refused, statistics with a chart) "
          "and the top rank (every ticket), and signed out")


if __name__ == "__main__":
    main()
