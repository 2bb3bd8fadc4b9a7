// careerbook serve: reload the page after a rebuild, show build errors over it.
// Served by `careerbook serve` only; `careerbook build` never puts it in a site.
// Diagnostics are shown with textContent only: nothing here is parsed as HTML.
(function () {
  "use strict";
  if (!window.EventSource) return;
  var me = document.querySelector("script[data-careerbook-version]");
  var version = me ? me.getAttribute("data-careerbook-version") : "";
  var RELOADED = "careerbook-reloaded-for";
  var box = null;

  function el(tag, text, css) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    if (css) for (var k in css) node.style[k] = css[k];
    return node;
  }

  // In the page's language: every page loads toc.js, which sets
  // careerbookWords; without it, these.
  var TEXT = {
    serve_failed_one: "careerbook: the build failed with 1 error",
    serve_failed_other: "careerbook: the build failed with {count} errors",
    serve_last_good: "This is the last good version of the page. Fix the problems below and save: the page reloads by itself.",
    serve_dismiss: "Dismiss"
  };
  function text(key, count) {
    var words = window.careerbookWords || {};
    var s = Object.prototype.hasOwnProperty.call(words, key) ? words[key] : TEXT[key];
    return s.replace("{count}", String(count));
  }

  function hide() {
    if (box) box.remove();
    box = null;
  }

  function show(status) {
    hide();
    var errors = status.diagnostics.filter(function (d) { return d.severity === "error"; }).length;
    box = el("div", "", {
      position: "fixed", inset: "0", zIndex: "2147483647", overflow: "auto",
      background: "rgba(24, 24, 28, 0.96)", color: "#eee", padding: "1.5rem 2rem",
      font: "14px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace"
    });
    box.id = "careerbook-overlay";
    box.setAttribute("role", "alert");
    var close = el("button", text("serve_dismiss"), {
      float: "right", font: "inherit", padding: "0.25rem 0.75rem", cursor: "pointer"
    });
    close.type = "button";
    close.addEventListener("click", hide);
    box.appendChild(close);
    box.appendChild(el("h2", text(errors === 1 ? "serve_failed_one" : "serve_failed_other", errors),
      { color: "#ff8a80", margin: "0 0 0.5rem", font: "inherit", fontSize: "1.2rem" }));
    box.appendChild(el("p", text("serve_last_good"), { margin: "0 0 1rem" }));
    status.diagnostics.forEach(function (d) {
      box.appendChild(el("pre", d.rendered, {
        whiteSpace: "pre-wrap", margin: "0 0 1rem", padding: "0.75rem 1rem",
        background: "rgba(255, 255, 255, 0.06)",
        borderLeft: "4px solid " + (d.severity === "error" ? "#ff5252" : "#ffd740")
      }));
    });
    document.body.appendChild(box);
  }

  function apply(status) {
    if (status.ok && status.version !== version) {
      // Reload once per new build: a page that still is not that build after
      // reloading (one the theme gives no script, say) must not loop.
      var last = null;
      try { last = sessionStorage.getItem(RELOADED); } catch (e) { /* storage may be off */ }
      if (last !== status.version) {
        try { sessionStorage.setItem(RELOADED, status.version); } catch (e) { /* ignore */ }
        location.reload();
        return;
      }
    }
    if (status.ok) hide(); else show(status);
  }

  var source = new EventSource("/__careerbook/events");
  ["status", "reload", "failed"].forEach(function (name) {
    source.addEventListener(name, function (event) {
      var status;
      try { status = JSON.parse(event.data); } catch (e) { return; }
      apply(status);
    });
  });
})();
