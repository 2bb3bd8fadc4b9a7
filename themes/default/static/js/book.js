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
    // Bring the current chapter into view inside the sidebar only; scrolling
    // it into view would move the whole page as well.
    if (current && nav.scrollHeight > nav.clientHeight) {
      nav.scrollTop = current.offsetTop - nav.offsetTop - nav.clientHeight / 2;
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
  function has(map, key) { return Object.prototype.hasOwnProperty.call(map, key); }
  // What the browser remembers for an item: ticked (true), unticked (false) or
  // nothing (undefined). A tick under a retired id (data-aliases) counts for the
  // item. An item whose tick fell due again (data-fresh-after) counts as ticked
  // only for a tick made after that date: an older one is the stale tick itself.
  function localTick(ticks, id, aliases, freshAfter) {
    var ids = [id].concat(aliases);
    for (var i = 0; i < ids.length; i++) {
      if (!has(ticks, ids[i])) continue;
      var t = ticks[ids[i]];
      if (t === false) return false;
      if (freshAfter && !(typeof t === "string" && t > freshAfter)) return undefined;
      return true;
    }
    return undefined;
  }
  function setUpChecklists() {
    var ticks = loadTicks();
    var boxes = document.querySelectorAll("input[data-task]");
    Array.prototype.forEach.call(boxes, function (box) {
      var id = box.getAttribute("data-task");
      var aliases = (box.getAttribute("data-aliases") || "").split(" ").filter(Boolean);
      // The built page knows what progress.yaml says; the browser adds to it.
      var tick = localTick(ticks, id, aliases, box.getAttribute("data-fresh-after"));
      if (tick !== undefined) {
        box.checked = tick;
      }
      box.addEventListener("change", function () {
        var t = loadTicks();
        aliases.forEach(function (a) { delete t[a]; });
        if (box.checked === box.defaultChecked) {
          delete t[id];
        } else {
          t[id] = box.checked ? today() : false;
        }
        saveTicks(t);
        // The same item drawn again on the page (a reference) follows.
        Array.prototype.forEach.call(boxes, function (other) {
          if (other !== box && other.getAttribute("data-task") === id) other.checked = box.checked;
        });
      });
    });
  }

  // --- Progress: counts that follow the ticks, and export as YAML. ----------
  // The built page knows what progress.yaml said (#progress-data: `done`; with
  // review checklists `due`, id → the date after which a tick counts again;
  // with retired ids `aliases`, old id → new id); the browser's own ticks are
  // laid over it.
  function progressData() {
    var el = document.getElementById("progress-data");
    var data = {};
    if (el) {
      try { data = JSON.parse(el.textContent) || {}; } catch (e) { data = {}; }
    }
    return data;
  }
  function progressState() {
    var data = progressData();
    var state = data.done || {};
    var aliases = data.aliases || {};
    var ticks = loadTicks();
    Object.keys(ticks).forEach(function (key) {
      var id = has(aliases, key) ? aliases[key] : key;
      // A tick under the item's own id wins over one under a retired id.
      if (id !== key && has(ticks, id)) return;
      if (ticks[key] === false) { delete state[id]; } else { state[id] = ticks[key]; }
    });
    return state;
  }
  // Whether an item counts as done: ticked, and for an item due again, ticked
  // after its review period began.
  function counts(state, due, id) {
    return !!state[id] && !(has(due, id) && !(state[id] > due[id]));
  }
  // "{done} of {total}" with the numbers: the page's own words (data-*,
  // written by the theme with t()), else these.
  function fill(pattern, values) {
    return pattern.replace(/\{(\w+)\}/g, function (all, name) {
      return has(values, name) ? String(values[name]) : all;
    });
  }
  // The progress page's words, in the page's language: toc.js sets
  // careerbookWords for the site (a theme may instead write data-*).
  function word(key, el, attr, fallback) {
    var words = window.careerbookWords || {};
    if (Object.prototype.hasOwnProperty.call(words, key)) return words[key];
    return (el && el.getAttribute(attr)) || fallback;
  }
  function setUpProgress() {
    var data = document.getElementById("progress-data");
    if (!data) return;
    var ofText = word("of", data, "data-of", "{done} of {total}");
    var state = progressState();
    var due = progressData().due || {};
    Array.prototype.forEach.call(document.querySelectorAll("tr[data-tasks]"), function (row) {
      var ids = row.getAttribute("data-tasks").split(" ").filter(Boolean);
      var done = ids.filter(function (id) { return counts(state, due, id); }).length;
      var count = row.querySelector(".done-count");
      var bar = row.querySelector("progress");
      if (count) count.textContent = String(done);
      if (bar) { bar.value = done; bar.textContent = fill(ofText, { done: done, total: ids.length }); }
    });
    var controls = document.querySelector(".save-controls");
    var button = document.getElementById("export-progress");
    var out = document.getElementById("progress-yaml");
    if (!controls || !button || !out) return;
    controls.hidden = false;
    button.addEventListener("click", function () {
      var s = progressState();
      var ids = Object.keys(s).sort();
      // The page says which file: a cohort member's is in their folder.
      var comment = controls.getAttribute("data-comment") || "Checklist items done, with the date. Paste into progress.yaml.";
      var lines = ["# " + comment, "done:"];
      if (!ids.length) lines[1] = "done: {}";
      ids.forEach(function (id) { lines.push("  " + id + ": " + s[id]); });
      out.value = lines.join("\n") + "\n";
      out.hidden = false;
      var copy = document.querySelector('[data-copy="progress-yaml"]');
      if (copy) copy.hidden = false;
      out.focus();
      out.select();
    });
  }

  // --- Copy buttons for drafts. -----------------------------------------------
  function textOf(el) {
    if (el.tagName === "TEXTAREA") return el.value;
    var paras = el.querySelectorAll("p");
    if (!paras.length) return el.textContent.trim();
    return Array.prototype.map.call(paras, function (p) {
      return p.textContent.replace(/\s+/g, " ").trim();
    }).join("\n\n");
  }
  function setUpCopyButtons() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-copy]"), function (button) {
      var target = document.getElementById(button.getAttribute("data-copy"));
      if (!target) return;
      if (target.tagName !== "TEXTAREA") button.hidden = false;
      button.addEventListener("click", function () {
        var text = textOf(target);
        function done() {
          button.classList.add("copied");
          setTimeout(function () { button.classList.remove("copied"); }, 1500);
        }
        if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(text).then(done, function () { fallbackCopy(text); done(); });
        } else {
          fallbackCopy(text);
          done();
        }
      });
    });
  }
  function fallbackCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    try { document.execCommand("copy"); } catch (e) { /* nothing more to try */ }
    document.body.removeChild(area);
  }

  // --- Sortable tables: the server's order works without JavaScript. ------------
  function setUpSorting() {
    Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
      var headers = table.querySelectorAll("th[data-sort]");
      Array.prototype.forEach.call(headers, function (th, col) {
        var button = document.createElement("button");
        button.type = "button";
        button.textContent = th.textContent;
        th.textContent = "";
        th.appendChild(button);
        button.addEventListener("click", function () {
          var asc = th.getAttribute("aria-sort") !== "ascending";
          Array.prototype.forEach.call(headers, function (h) { h.removeAttribute("aria-sort"); });
          th.setAttribute("aria-sort", asc ? "ascending" : "descending");
          var body = table.tBodies[0];
          var rows = Array.prototype.slice.call(body.rows);
          rows.sort(function (a, b) {
            var x = key(a.cells[col]), y = key(b.cells[col]);
            return (x < y ? -1 : x > y ? 1 : 0) * (asc ? 1 : -1);
          });
          rows.forEach(function (r) { body.appendChild(r); });
        });
      });
    });
    function key(cell) {
      var v = cell.getAttribute("data-value");
      if (v === null) v = cell.textContent.trim();
      if (/^\d+$/.test(v)) return Number(v);
      return v.toLowerCase();
    }
  }

  // --- Wide tables: one wider than the screen scrolls sideways in its frame,
  // and takes the keyboard's focus then, so that arrow keys can scroll it
  // (a frame with a link in it is reached through the link). Looked at again
  // when the window's width changes.
  function setUpWideTables() {
    var frames = document.querySelectorAll("main table, main .table-wrap, main .timeline-frame");
    function look() {
      Array.prototype.forEach.call(frames, function (frame) {
        var scrolls = frame.scrollWidth > frame.clientWidth + 1 && !frame.querySelector("a[href], button, input");
        if (scrolls && !frame.hasAttribute("tabindex")) {
          frame.setAttribute("tabindex", "0");
          frame.setAttribute("data-scroll-focus", "");
        } else if (!scrolls && frame.hasAttribute("data-scroll-focus")) {
          frame.removeAttribute("tabindex");
          frame.removeAttribute("data-scroll-focus");
        }
      });
    }
    look();
    var pending = null;
    window.addEventListener("resize", function () {
      clearTimeout(pending);
      pending = setTimeout(look, 150);
    });
  }

  // Exported for tests and for themes that add their own controls.
  window.careerbook = {
    ticks: loadTicks,
    progress: progressState,
    storeKey: storeKey
  };

  function start() {
    buildSidebar();
    setUpMenu();
    setUpChecklists();
    setUpProgress();
    setUpCopyButtons();
    setUpSorting();
    setUpWideTables();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
