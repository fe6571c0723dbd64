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
  function connect(el) {
    if (el.dataset.liveConnected) return;
    el.dataset.liveConnected = "1";
    var source = new EventSource(el.dataset.live);
    source.addEventListener("change", function () {
      if (window.htmx) htmx.trigger(el, "live-change");
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-live]").forEach(connect);
  });
})();
