// The desk's queue redraws itself when a ticket changes: the server says
// so on /desk/events (server-sent events); the page asks for itself again
// and puts the new queue in place. No polling: nothing is asked until
// something changed.
(function () {
  "use strict";
  const live = document.querySelector("[data-live]");
  if (!live || !window.EventSource) return;
  let first = true;
  let busy = false;
  const events = new EventSource("/desk/events");
  events.onmessage = async function () {
    if (first) { first = false; return; } // the count as it was on connecting
    if (busy) return;
    busy = true;
    try {
      const response = await fetch(location.href, { credentials: "same-origin", headers: { "Accept": "text/html" } });
      if (!response.ok) return;
      const page = new DOMParser().parseFromString(await response.text(), "text/html");
      const fresh = page.querySelector("[data-live]");
      if (fresh) live.replaceWith(fresh);
    } finally {
      busy = false;
    }
    // The fresh part is live in its turn.
  };
})();
