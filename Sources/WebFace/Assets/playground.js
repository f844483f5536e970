// The playground's page: draws what the chosen person sees (the server's
// state, from /api/view) and sends what they do to the playground's API.
// Redraws when the server says something changed (/api/events).
"use strict";
const texts = JSON.parse(document.getElementById("texts").textContent);
const t = (key, values = {}) => (texts[key] || key).replace(/\{(\w+)\}/g, (_, name) => values[name] ?? "");
const $ = (id) => document.getElementById(id);
const state = { person: localStorage.getItem("person") || "", channel: localStorage.getItem("channel") || "", view: null, modalShown: "" };

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (value !== undefined && value !== null && value !== false) node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat(Infinity)) if (child !== null && child !== undefined) node.append(child.nodeType ? child : String(child));
  return node;
}

async function api(path, body) {
  const response = await fetch(path, body === undefined ? {} : { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  if (response.status === 204) return null;
  const answer = await response.json();
  if (!response.ok) { showError(answer); throw new Error(answer.error); }
  return answer;
}

function showError(answer) {
  const box = $("error");
  box.textContent = t(answer.error) + (answer.detail ? " (" + answer.detail + ")" : "");
  box.hidden = false;
  clearTimeout(showError.timer);
  showError.timer = setTimeout(() => { box.hidden = true; }, 6000);
}

// Discord's markup for people, roles and channels, drawn as highlighted
// names; everything else is text (never HTML).
function rich(text, view) {
  const names = Object.fromEntries(view.people.map((p) => [p.id, p.name]));
  const roles = Object.fromEntries(view.roles.map((r) => [r.id, r.name]));
  const channels = Object.fromEntries(view.channels.map((c) => [c.id, c.name]));
  const parts = [];
  let last = 0;
  for (const match of text.matchAll(/<(@&|@|#)(\d+)>/g)) {
    parts.push(text.slice(last, match.index));
    const [kind, id] = [match[1], match[2]];
    const label = kind === "@&" ? "@" + (roles[id] || "role") : kind === "@" ? "@" + (names[id] || (id === "1" ? "Escala" : id)) : "#" + (channels[id] || "channel");
    parts.push(el("span", { class: "mention" }, label));
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  return parts;
}

function drawComponents(message, view) {
  return (message.components || []).map((row) => el("div", { class: "components" }, (row.components || []).map((component) => {
    if (component.type === 2) {
      return el("button", { class: "style-" + component.style, disabled: component.disabled || !component.custom_id, "data-custom-id": component.custom_id,
        onclick: () => act("/api/click", { channel: view.channel.id, customID: component.custom_id }) },
        component.emoji && component.emoji.name ? component.emoji.name + " " : "", component.label || "");
    }
    if (component.type === 3) {
      const select = el("select", { "data-custom-id": component.custom_id, onchange: (event) => {
        if (event.target.value) act("/api/click", { channel: view.channel.id, customID: component.custom_id, values: [event.target.value] });
      } }, el("option", { value: "" }, component.placeholder || "…"), (component.options || []).map((option) => el("option", { value: option.value }, (option.emoji && option.emoji.name ? option.emoji.name + " " : "") + option.label)));
      return select;
    }
    return null;
  })));
}

function drawMessage(message, view) {
  const author = message.author || {};
  const person = view.people.find((p) => p.id === author.id);
  const item = el("li", { class: message.ephemeral ? "ephemeral" : message.removed ? "removed" : "", "data-author": author.id },
    el("span", { class: "author" }, person ? person.name : author.username || "?"), author.bot ? el("span", { class: "bot" }, "BOT") : null,
    message.content ? el("div", { class: "content" + (message.removed ? " removed" : "") }, rich(message.content, view)) : null,
    message.removed ? el("div", { class: "only-you" }, t("removed")) : null,
    (message.embeds || []).map((embed) => el("div", { class: "embed", style: null },
      embed.title ? el("div", { class: "title" }, rich(embed.title, view)) : null,
      embed.description ? el("div", { class: "content" }, rich(embed.description, view)) : null,
      (embed.fields || []).map((field) => [el("div", { class: "field-name" }, rich(field.name, view)), el("div", { class: "content" }, rich(field.value, view))]))),
    (message.attachments || []).map((file) => el("div", { class: "attachment" }, t("attachment") + ": ",
      file.url && file.url.startsWith("local-upload:") ? el("a", { href: "/api/uploads/" + file.url.slice(13), target: "_blank" }, file.filename) : file.filename)),
    drawComponents(message, view),
    message.ephemeral ? el("div", { class: "only-you" }, t("onlyYou")) : null);
  return item;
}

function drawChannels(view) {
  const list = $("channels");
  list.replaceChildren(el("h4", {}, t("channels")));
  const groups = [{ id: null, name: "" }, ...view.categories];
  for (const group of groups) {
    const inside = view.channels.filter((c) => (c.parent || null) === group.id || (group.id === null && !view.categories.some((k) => k.id === c.parent) && c.type !== 12));
    const threads = view.channels.filter((c) => c.type === 12);
    if (!inside.length) continue;
    if (group.name) list.append(el("h4", {}, group.name));
    for (const channel of inside) {
      list.append(el("button", { class: channel.staff ? "staff" : "", "aria-current": channel.id === state.channel ? "true" : "false", "data-channel": channel.name,
        onclick: () => { state.channel = channel.id; localStorage.setItem("channel", channel.id); refresh(); } }, "# " + channel.name,
        channel.staff ? el("span", { class: "tag" }, t("staffOnly")) : null));
      for (const thread of threads.filter((th) => th.parent === channel.id)) {
        list.append(el("button", { "aria-current": thread.id === state.channel ? "true" : "false", "data-channel": thread.name,
          onclick: () => { state.channel = thread.id; localStorage.setItem("channel", thread.id); refresh(); } }, "  ↳ " + thread.name));
      }
    }
  }
}

function drawModal(view) {
  const dialog = $("modal");
  if (!view.modal) { if (dialog.open) dialog.close(); state.modalShown = ""; return; }
  const key = view.modal.custom_id + JSON.stringify(view.modal.components);
  if (state.modalShown === key && dialog.open) return;
  state.modalShown = key;
  $("modal-title").textContent = view.modal.title || "";
  const fields = (view.modal.components || []).map((row) => {
    const labelled = row.type === 18;
    const inner = labelled ? row.component : (row.components || [])[0];
    if (!inner) return null;
    const label = labelled ? row.label : inner.label;
    const required = inner.required !== false;
    let input;
    if (inner.type === 3) input = el("select", { name: inner.custom_id, required }, el("option", { value: "" }, inner.placeholder || "…"), (inner.options || []).map((o) => el("option", { value: o.value }, o.label)));
    else if (inner.type === 5) input = el("select", { name: inner.custom_id, required }, el("option", { value: "" }, "…"), view.people.map((p) => el("option", { value: p.id }, p.name)));
    else if (inner.type === 23) input = el("input", { type: "checkbox", name: inner.custom_id });
    else if (inner.style === 2) input = el("textarea", { name: inner.custom_id, required, maxlength: inner.max_length, placeholder: inner.placeholder || "" });
    else input = el("input", { name: inner.custom_id, required, maxlength: inner.max_length, placeholder: inner.placeholder || "" });
    return [el("label", {}, label || inner.custom_id), input];
  });
  $("modal-fields").replaceChildren(...fields.flat().filter(Boolean));
  if (!dialog.open) dialog.showModal();
}

function duration(seconds) {
  const days = Math.floor(seconds / 86400), hours = Math.floor((seconds % 86400) / 3600), minutes = Math.floor((seconds % 3600) / 60);
  return (days ? days + " d " : "") + (hours ? hours + " h " : "") + minutes + " m";
}

// A rule the engine says acted (or will act): where it is written, and
// its line as written, opened on click.
function drawRule(rule) {
  return el("details", { class: "rule" },
    el("summary", { class: rule.refused ? "refused" : "" }, (rule.refused ? t("why.refused") + ": " : "") + rule.where + " · " + rule.rule),
    rule.source ? el("code", {}, rule.source) : null);
}

// The event log's names for events ("button a_trainee", "staff message"),
// in the page's language; the name of the button or form stays as written.
function eventKind(kind) {
  // Every kind the page texts word, longest first ("staff message" before "message").
  const known = Object.keys(texts).filter((key) => key.startsWith("kind.")).map((key) => key.slice(5)).sort((a, b) => b.length - a.length);
  const head = known.find((name) => kind === name || kind.startsWith(name + " "));
  return head ? t("kind." + head) + kind.slice(head.length) : kind;
}

function drawWhy(view) {
  const panel = $("why");
  const ticket = view.ticket;
  panel.hidden = !ticket;
  if (!ticket) { panel.replaceChildren(); return; }
  const open = new Set(Array.from(panel.querySelectorAll("details[open]")).map((d) => d.dataset.key));
  const clock = (at) => new Date(at * 1000).toLocaleTimeString(document.documentElement.lang, { hour: "2-digit", minute: "2-digit" });
  const history = ticket.history.map((entry, index) => el("li", {},
    el("time", {}, clock(entry.at)), " ", entry.who || t("why.bot"), ": ", eventKind(entry.kind), entry.change ? " [" + entry.change + "]" : "",
    entry.rules.map((rule, at) => { const node = drawRule(rule); node.dataset.key = "h" + index + "." + at; return node; })));
  panel.replaceChildren(
    el("h4", {}, t("why") + " · #" + ticket.number + " " + ticket.category),
    el("dl", {},
      el("dt", {}, t("why.state")), el("dd", { "data-why": "state" }, ticket.state),
      el("dt", {}, t("why.handler")), el("dd", { "data-why": "handler" }, ticket.handler || t("why.nobody")),
      el("dt", {}, t("why.escalation")), el("dd", {}, t("why.level", { level: ticket.escalationStep }) + (ticket.assignedTo ? " · " + t("why.assigned", { who: ticket.assignedTo }) : ""))),
    el("div", {}, ticket.evidence.length ? [el("h4", {}, t("why.evidence")), el("ul", { "data-why": "evidence" }, ticket.evidence.map((item) =>
      el("li", { class: item.received ? "received" : "missing" }, (item.received ? "✓ " : "✗ ") + item.label)))] : null),
    el("h4", {}, t("why.due")),
    ticket.due.length ? el("ul", { "data-why": "due" }, ticket.due.map((due, index) => {
      const node = drawRule(due); node.dataset.key = "d" + index;
      return el("li", {}, el("time", {}, clock(due.at)), " (" + t("why.in", { duration: duration(Math.max(0, due.at - view.now)) }) + ")", node);
    })) : el("div", {}, t("why.none")),
    el("h4", {}, t("why.history")),
    el("ul", { "data-why": "history" }, history));
  panel.querySelectorAll("details").forEach((d) => { if (open.has(d.dataset.key)) d.open = true; });
}

// A loaded scenario: each line with how it went, the next one marked.
const marks = { held: "✓", failed: "✗", refused: "✗", played: "•", "not checked here": "–", "not played here": "–" };
function drawReplay(view) {
  const replay = view.replay;
  const chooser = $("replay-workflow");
  if (chooser.options.length !== view.workflows.length) chooser.replaceChildren(...view.workflows.map((key) => el("option", { value: key }, key)));
  const done = !replay || replay.next >= replay.lines.length;
  $("replay-next").disabled = done;
  $("replay-all").disabled = done;
  $("replay-lines").replaceChildren(...(replay ? replay.lines.map((line, index) => el("li", {
    class: (line.result ? line.result.replace(/ /g, "-") : "") + (index === replay.next ? " next" : ""),
    "data-line": line.line }, (marks[line.result] || " ") + " " + line.line + ": " + line.text, line.detail ? el("div", { class: "detail" }, line.detail) : null)) : []));
  const next = $("replay-lines").querySelector(".next");
  if (next) next.scrollIntoView({ block: "nearest" });
}

function draw(view) {
  const people = $("person");
  if (people.options.length !== view.people.length) {
    people.replaceChildren(...view.people.map((p) => el("option", { value: p.id }, p.name + (p.plays ? "" : " · " + t("member")))));
  }
  people.value = state.person;
  drawChannels(view);
  $("connecting").hidden = view.listening;
  $("now").textContent = new Date(view.now * 1000).toLocaleString(document.documentElement.lang);
  $("lead").textContent = view.lead > 0 ? "(" + t("ahead", { duration: duration(view.lead) }) + ")" : "";
  const channel = view.channel;
  $("channel-name").textContent = channel ? "# " + channel.name : t("noChannel");
  $("composer").hidden = !channel;
  $("text").placeholder = channel ? t("write", { channel: channel.name }) : "";
  const messages = $("messages");
  const atBottom = messages.scrollHeight - messages.scrollTop - messages.clientHeight < 40;
  messages.replaceChildren(...(channel ? channel.messages.map((m) => drawMessage(m, view)) : []));
  if (atBottom) messages.scrollTop = messages.scrollHeight;
  const violations = $("violations");
  violations.hidden = view.violations.length === 0;
  violations.querySelector("ul").replaceChildren(...view.violations.map((v) => el("li", {}, v)));
  drawModal(view);
  drawWhy(view);
  drawReplay(view);
  $("diagnostics").hidden = !view.diagnostics;
  $("diagnostics").querySelector("pre").textContent = view.diagnostics || "";
  $("reloaded").hidden = !view.reloaded;
  $("reloaded").textContent = view.reloaded ? t("reloaded", { n: view.reloaded.keeping }) : "";
  const scenarios = $("scenarios");
  if (scenarios.querySelectorAll("a").length !== view.workflows.length) {
    scenarios.append(...view.workflows.map((key) => [" ", el("a", { href: "/api/scenario?workflow=" + encodeURIComponent(key), download: key + "-playground.scenario" }, key)]).flat());
  }
}

async function refresh() {
  if (!state.person) {
    const first = await api("/api/view?person=" + encodeURIComponent("300000000000000001"));
    state.person = first.people[0].id;
  }
  try {
    const view = await api("/api/view?person=" + encodeURIComponent(state.person) + "&channel=" + encodeURIComponent(state.channel));
    state.view = view;
    draw(view);
  } catch (error) {
    state.person = "";
    localStorage.removeItem("person");
  }
}

async function act(path, body) {
  try { await api(path, { person: state.person, ...body }); } catch (error) { /* shown by api() */ }
}

document.querySelectorAll("[data-text]").forEach((node) => { node.textContent = t(node.dataset.text); });
$("person").addEventListener("change", (event) => { state.person = event.target.value; localStorage.setItem("person", state.person); refresh(); });
$("composer").addEventListener("submit", (event) => {
  event.preventDefault();
  const text = $("text").value;
  const files = Array.from($("file").files).map((file) => ({ name: file.name, bytes: file.size }));
  if ((!text.trim() && !files.length) || !state.view || !state.view.channel) return;
  $("text").value = "";
  $("file").value = "";
  act("/api/say", { channel: state.view.channel.id, text, files });
});
document.querySelectorAll("[data-minutes]").forEach((button) => button.addEventListener("click", () => act("/api/clock", { minutes: Number(button.dataset.minutes) })));
$("replay-file").addEventListener("change", async (event) => {
  const file = event.target.files[0];
  if (!file) return;
  await act("/api/replay/load", { workflow: $("replay-workflow").value, text: await file.text() });
  event.target.value = "";
});
$("replay-next").addEventListener("click", () => act("/api/replay/next", {}));
$("replay-all").addEventListener("click", async () => {
  $("replay-all").disabled = true;
  // One line at a time, each after the last has settled: as a person would play them.
  while (true) {
    const response = await fetch("/api/replay/next", { method: "POST" });
    if (response.status !== 204) break;
  }
});
$("reset").addEventListener("click", () => {
  if (!confirm(t("reset.confirm"))) return;
  state.channel = "";
  localStorage.removeItem("channel");
  fetch("/api/reset", { method: "POST" });
});
$("advance").addEventListener("click", () => act("/api/clock", { minutes: Number($("minutes").value) }));
$("modal-form").addEventListener("submit", (event) => {
  const choice = event.submitter ? event.submitter.value : "cancel";
  if (choice === "cancel") { act("/api/dismiss", {}); return; }
  const answers = {};
  for (const field of $("modal-fields").querySelectorAll("[name]")) answers[field.name] = field.type === "checkbox" ? String(field.checked) : field.value;
  act("/api/submit", { answers });
});
const events = new EventSource("/api/events");
let pending = false;
events.onmessage = () => {
  if (pending) return;
  pending = true;
  requestAnimationFrame(() => { pending = false; refresh(); });
};
refresh();
