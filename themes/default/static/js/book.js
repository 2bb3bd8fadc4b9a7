// careerbook: the small amount of JavaScript the book uses. Every page works
// without it; this adds the shared sidebar, the phone menu and remembered ticks.
(function () {
  "use strict";
  var html = document.documentElement;
  html.classList.add("js");
  var root = html.getAttribute("data-root") || "";
  var bookId = html.getAttribute("data-book") || "book";

  // --- The sidebar, built from toc.js (shared by every page). ----------------
  function buildSidebar() {
    var nav = document.getElementById("sidebar");
    var toc = window.careerbookToc;
    if (!nav || !Array.isArray(toc)) return;
    var here = location.pathname.replace(/\/$/, "/index.html");
    var list = document.createElement("ol");
    list.className = "toc";
    toc.forEach(function (entry) {
      var li = document.createElement("li");
      li.className = "toc-level-" + entry.level + (entry.part ? " toc-part" : "");
      var el;
      if (entry.url) {
        el = document.createElement("a");
        el.href = root + entry.url;
        if (el.pathname === here || (here.slice(-1) === "/" && el.pathname === here + "index.html")) {
          el.setAttribute("aria-current", "page");
        }
      } else {
        el = document.createElement("span");
      }
      el.textContent = entry.title;
      li.appendChild(el);
      list.appendChild(li);
    });
    nav.textContent = "";
    nav.appendChild(list);
    var current = nav.querySelector("[aria-current]");
    if (current && current.scrollIntoView && nav.scrollHeight > nav.clientHeight) {
      current.scrollIntoView({ block: "center" });
    }
  }

  function setUpMenu() {
    var button = document.querySelector(".menu-button");
    var nav = document.getElementById("sidebar");
    if (!button || !nav) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      var open = nav.classList.toggle("open");
      button.setAttribute("aria-expanded", open ? "true" : "false");
    });
  }

  // --- Checklists that remember. ---------------------------------------------
  // Ticks are kept in localStorage under a key per workbook, so two workbooks
  // opened from the same place never mix their progress.
  var storeKey = "careerbook:" + bookId + ":ticks";
  function loadTicks() {
    try { return JSON.parse(localStorage.getItem(storeKey) || "{}") || {}; } catch (e) { return {}; }
  }
  function saveTicks(ticks) {
    try { localStorage.setItem(storeKey, JSON.stringify(ticks)); } catch (e) { /* private mode: ticks last for this visit */ }
  }
  function today() {
    var d = new Date();
    function pad(n) { return (n < 10 ? "0" : "") + n; }
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }
  function setUpChecklists() {
    var ticks = loadTicks();
    var boxes = document.querySelectorAll("input[data-task]");
    Array.prototype.forEach.call(boxes, function (box) {
      var id = box.getAttribute("data-task");
      // The built page knows what progress.yaml says; the browser adds to it.
      if (Object.prototype.hasOwnProperty.call(ticks, id)) {
        box.checked = ticks[id] !== false;
      }
      box.addEventListener("change", function () {
        var t = loadTicks();
        if (box.checked === box.defaultChecked) {
          delete t[id];
        } else {
          t[id] = box.checked ? today() : false;
        }
        saveTicks(t);
        document.dispatchEvent(new CustomEvent("careerbook:ticks"));
      });
    });
  }

  // Exported for the progress page's "save progress" control.
  window.careerbook = {
    ticks: loadTicks,
    storeKey: storeKey
  };

  function start() {
    buildSidebar();
    setUpMenu();
    setUpChecklists();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
