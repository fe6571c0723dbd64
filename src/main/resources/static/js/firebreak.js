// Firebreak's only script: CSRF for htmx, ticking clocks, and live refresh over Server-Sent Events.
(function () {
  "use strict";

  // htmx requests carry the CSRF token Spring Security expects.
  document.addEventListener("htmx:configRequest", function (e) {
    var token = document.querySelector('meta[name="csrf-token"]');
    var header = document.querySelector('meta[name="csrf-header"]');
    if (token && header) {
      e.detail.headers[header.content] = token.content;
    }
  });

  function compact(ms) {
    var s = Math.floor(Math.abs(ms) / 1000);
    var d = Math.floor(s / 86400), h = Math.floor((s % 86400) / 3600), m = Math.floor((s % 3600) / 60), sec = s % 60;
    if (d > 0) return d + "d " + h + "h";
    if (h > 0) return h + "h " + String(m).padStart(2, "0") + "m";
    return m + "m " + String(sec).padStart(2, "0") + "s";
  }

  // A running clock is <span class="clock" data-due="ISO" data-left="{0} left" data-over="overdue {0}">.
  // Stopped clocks have no data-due and are rendered by the server once.
  function tick() {
    var now = Date.now();
    document.querySelectorAll(".clock[data-due]").forEach(function (el) {
      var left = Date.parse(el.dataset.due) - now;
      var label = left >= 0 ? el.dataset.left : el.dataset.over;
      el.textContent = (label || "{0}").replace("{0}", compact(left));
      el.classList.toggle("breached", left < 0);
      el.classList.toggle("soon", left >= 0 && left < 5 * 60 * 1000);
    });
  }
  setInterval(tick, 1000);
  document.addEventListener("DOMContentLoaded", tick);
  document.addEventListener("htmx:afterSwap", tick);

  // An element with data-live="URL" listens to that event stream and fires the htmx event
  // "live-change" on itself whenever something changed; its hx-trigger reloads it.
  // While someone is typing inside the live element, its refresh waits until they leave the
  // field, so a change by a colleague never wipes half-written text.
  function editing(el) {
    var a = document.activeElement;
    return a && el.contains(a) && /^(INPUT|TEXTAREA|SELECT)$/.test(a.tagName);
  }
  function connect(el) {
    if (el.dataset.liveConnected) return;
    el.dataset.liveConnected = "1";
    function changed() {
      if (!window.htmx) return;
      if (editing(el)) {
        el.dataset.livePending = "1";
        return;
      }
      htmx.trigger(el, "live-change");
    }
    new EventSource(el.dataset.live).addEventListener("change", changed);
    // The stream only carries changes made through this instance; with several instances behind
    // a load balancer, a periodic refresh brings in the others' changes within a minute.
    setInterval(changed, 60000);
  }
  document.addEventListener("focusout", function (e) {
    document.querySelectorAll("[data-live-pending]").forEach(function (el) {
      if (!el.contains(e.target)) return;
      setTimeout(function () {
        if (editing(el) || !el.dataset.livePending) return;
        delete el.dataset.livePending;
        htmx.trigger(el, "live-change");
      }, 300);
    });
  });

  // When the session has expired, a background refresh is answered with the sign-in page; show it
  // as a whole page instead of squeezing it into a panel.
  document.addEventListener("htmx:beforeSwap", function (e) {
    var xhr = e.detail.xhr;
    if (xhr && xhr.responseURL && /\/login$/.test(new URL(xhr.responseURL).pathname)) {
      e.detail.shouldSwap = false;
      window.location.reload();
    }
  });

  // A refreshed panel keeps the person's open/closed choice of its <details id=...> sections.
  var openDetails = null;
  document.addEventListener("htmx:beforeSwap", function (e) {
    var target = e.detail.target;
    openDetails = target ? Array.prototype.map.call(target.querySelectorAll("details[id]"), function (d) {
      return [d.id, d.open];
    }) : null;
  });
  document.addEventListener("htmx:afterSwap", function () {
    if (!openDetails) return;
    openDetails.forEach(function (pair) {
      var d = document.getElementById(pair[0]);
      if (d) d.open = pair[1];
    });
    openDetails = null;
  });

  // A select with data-follow="ID" takes the value of <output id="ID"> whenever htmx swaps a new
  // one in (the triage recommendation), until the person picks a value by hand.
  document.addEventListener("change", function (e) {
    var t = e.target;
    if (t.matches && t.matches("select[data-follow]")) t.dataset.touched = "1";
  });
  document.addEventListener("htmx:afterSwap", function () {
    document.querySelectorAll("select[data-follow]").forEach(function (select) {
      if (select.dataset.touched) return;
      var output = document.getElementById(select.dataset.follow);
      if (!output) return;
      var value = output.getAttribute("value") || output.value || output.textContent.trim();
      if (Array.prototype.some.call(select.options, function (o) { return o.value === value; })) {
        select.value = value;
      }
    });
  });
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-live]").forEach(connect);
  });
})();
