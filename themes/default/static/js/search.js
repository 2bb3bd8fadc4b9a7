// careerbook: search, from the box in the top bar (or the keys / and s).
//
// The index is a set of scripts under search/ (see src/render/search.rs); each
// calls careerbookSearch(document.currentScript, data). Scripts load from
// file:// where fetch() cannot, so the workbook searches offline from the disk.
// Nothing loads until search is first opened. Without JavaScript the search
// button stays hidden and nothing else changes.
(function () {
  "use strict";
  var html = document.documentElement;
  var root = html.getAttribute("data-root") || "";
  var button = document.querySelector(".search-button");
  var box = document.getElementById("search");
  var input = document.getElementById("search-input");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!button || !box || !input || !list || !status) return;

  // What the search says, in the page's language: toc.js sets
  // careerbookWords for the site (a theme may instead write data-* on the
  // box); without either, these.
  var TEXT = {
    short: "Type at least two letters.",
    failed: "Search could not load its index. Rebuild the workbook and reload this page.",
    none: "No page matches “{query}”.",
    one: "1 page matches.",
    other: "{count} pages match.",
    more: "{count} pages match (the first {shown} are listed).",
    show_more: "Show {count} more"
  };
  function text(key, values) {
    var words = window.careerbookWords || {};
    var s = Object.prototype.hasOwnProperty.call(words, key) ? words[key] : box.getAttribute("data-" + key);
    if (s === null || s === undefined) s = TEXT[key];
    return s.replace(/\{(\w+)\}/g, function (all, name) {
      return values && Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : all;
    });
  }

  var SHOWN = 12;          // results listed at first, and added by "Show more"
  var EXCERPT = 180;       // characters of text around the first match
  var MIN_WORD = 2;        // as the index: shorter words are not indexed

  // --- Loading the index's scripts. -----------------------------------------
  var waiting = new Map();
  window.careerbookSearch = function (script, data) {
    var done = waiting.get(script);
    if (done) { waiting.delete(script); done(data); }
  };
  var loads = {};
  function load(url) {
    if (!loads[url]) {
      loads[url] = new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        waiting.set(s, resolve);
        s.onerror = function () { waiting.delete(s); reject(new Error(url)); };
        s.src = url;
        document.head.appendChild(s);
      });
    }
    return loads[url];
  }

  // The workbook's index: its folder, where its pages' addresses start from,
  // its table, and the terms and postings loaded so far.
  function openIndex(dir, linkBase) {
    return load(dir + "index.js").then(function (table) {
      if (!table || table.v !== 1) throw new Error("unknown index format");
      return { dir: dir, link: linkBase, table: table, terms: {}, postings: {} };
    });
  }
  var indexes = null;
  function indexesReady() {
    if (!indexes) {
      indexes = openIndex(root + "search/", root).then(function (index) { return [index]; });
    }
    return indexes;
  }

  // --- Text as the index compares it (normalize in search.rs). ---------------
  var SPELLED = { "œ": "oe", "æ": "ae", "ß": "ss", "ø": "o", "ł": "l", "đ": "d" };
  var MARKS = /\p{M}/gu;
  function foldChar(c) {
    if (c < "\u0080") return c.toLowerCase();
    var out = "";
    var d = c.normalize("NFKD").replace(MARKS, "").toLowerCase();
    for (var ch of d) out += SPELLED[ch] !== undefined ? SPELLED[ch] : ch;
    return out;
  }
  // The folded text, and for each of its code units the index in the original.
  function fold(text) {
    var out = "", at = [];
    for (var i = 0; i < text.length;) {
      var cp = text.codePointAt(i);
      var ch = String.fromCodePoint(cp);
      var f = foldChar(ch);
      for (var k = 0; k < f.length; k++) at.push(i);
      out += f;
      i += ch.length;
    }
    at.push(text.length);
    return { text: out, at: at };
  }
  var WORD = /[\p{Alphabetic}\p{N}]+/gu;
  // A letter and an apostrophe before a word ("o'brien", "l’équipe"): the
  // letter is too short to search by, but is marked with the word it is
  // written with.
  var ELIDED = /(?:^|[^\p{Alphabetic}\p{N}])(\p{Alphabetic})['’]([\p{Alphabetic}\p{N}]+)/gu;
  var APOSTROPHE = /['’]/;
  var WORD_CHAR = /[\p{Alphabetic}\p{N}]/u;
  // The query's words, to search by; `elided` holds, for a word written
  // after a letter and an apostrophe, that letter.
  function words(query) {
    var seen = {}, out = [], folded = fold(query).text, m;
    (folded.match(WORD) || []).forEach(function (w) {
      if (w.length >= MIN_WORD && !seen[w]) { seen[w] = true; out.push(w); }
    });
    out.elided = {};
    ELIDED.lastIndex = 0;
    while ((m = ELIDED.exec(folded))) {
      if (m[2].length >= MIN_WORD) out.elided[m[2]] = m[1];
    }
    return out;
  }

  // --- Finding pages. --------------------------------------------------------
  function shardOf(index, word) {
    var shards = index.table.shards;
    if (Object.prototype.hasOwnProperty.call(shards, "")) return shards[""];
    var key = Array.from(word).slice(0, 2).join("");
    return Object.prototype.hasOwnProperty.call(shards, key) ? shards[key] : null;
  }
  function termsFile(index, n) {
    if (!index.terms[n]) index.terms[n] = load(index.dir + "terms-" + n + ".js");
    return index.terms[n];
  }
  function postings(index, term, list) {
    if (!index.postings[term]) {
      var out = new Map(), page = 0;
      for (var i = 0; i < list.length; i += 2) {
        page += list[i];
        out.set(page, list[i + 1]);
      }
      index.postings[term] = out;
    }
    return index.postings[term];
  }
  // Each page that has every word (as a word or the start of one), with a
  // score: the words' weights, a whole word counting double.
  function match(index, ws) {
    return Promise.all(ws.map(function (w) {
      var n = shardOf(index, w);
      if (n === null) return Promise.resolve(new Map());
      return termsFile(index, n).then(function (terms) {
        var best = new Map();
        Object.keys(terms).forEach(function (term) {
          if (term.lastIndexOf(w, 0) !== 0) return;
          var whole = term.length === w.length ? 2 : 1;
          postings(index, term, terms[term]).forEach(function (weight, page) {
            var s = weight * whole;
            if (!(best.get(page) >= s)) best.set(page, s);
          });
        });
        return best;
      });
    })).then(function (perWord) {
      if (perWord.length === 0) return [];
      var hits = [];
      perWord[0].forEach(function (s, page) {
        var total = s;
        for (var k = 1; k < perWord.length; k++) {
          var t = perWord[k].get(page);
          if (t === undefined) return;
          total += t;
        }
        hits.push({ index: index, page: page, score: total });
      });
      return hits;
    });
  }
  function chunkOf(index, page) {
    var starts = index.table.chunks, lo = 0, hi = starts.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= page) lo = mid; else hi = mid - 1;
    }
    return lo;
  }
  function pageRecord(hit) {
    var n = chunkOf(hit.index, hit.page);
    return load(hit.index.dir + "pages-" + n + ".js").then(function (rows) {
      return rows[hit.page - hit.index.table.chunks[n]];
    });
  }

  // --- Showing results. ------------------------------------------------------
  // Where the query's words start words in the text: [start, end, which word],
  // start and end in the original text.
  function spans(text, ws) {
    var f = fold(text), out = [];
    var re = new RegExp(WORD.source, "gu"), m;
    while ((m = re.exec(f.text))) {
      for (var k = 0; k < ws.length; k++) {
        if (m[0].lastIndexOf(ws[k], 0) === 0) {
          out.push([f.at[elidedStart(f.text, m.index, ws, k)], f.at[m.index + ws[k].length], k]);
          break;
        }
      }
    }
    return out;
  }
  // Where the mark of word `k` found at `at` starts: before the letter and
  // apostrophe the query wrote it with, if the text has them too.
  function elidedStart(text, at, ws, k) {
    var lead = ws.elided && ws.elided[ws[k]];
    if (!lead || at < 2 || text[at - 2] !== lead || !APOSTROPHE.test(text[at - 1])) return at;
    return at === 2 || !WORD_CHAR.test(text[at - 3]) ? at - 2 : at;
  }
  function marked(text, found) {
    var frag = document.createDocumentFragment(), last = 0;
    found.forEach(function (s) {
      if (s[0] < last) return;
      frag.appendChild(document.createTextNode(text.slice(last, s[0])));
      var m = document.createElement("mark");
      m.textContent = text.slice(s[0], s[1]);
      frag.appendChild(m);
      last = s[1];
    });
    frag.appendChild(document.createTextNode(text.slice(last)));
    return frag;
  }
  // The section that holds the most of the query's words, a word in its
  // heading counting once more (the excerpt is cut from its text).
  function bestSection(record, ws) {
    var best = null, bestCount = -1;
    record[2].forEach(function (s) {
      var seen = new Set();
      spans(s[1], ws).forEach(function (m) { seen.add(m[2]); });
      var inHeading = seen.size;
      spans(s[2], ws).forEach(function (m) { seen.add(m[2]); });
      var count = seen.size * 2 + inHeading;
      if (count > bestCount) { best = s; bestCount = count; }
    });
    return best || ["", "", ""];
  }
  function excerpt(text, ws) {
    var found = spans(text, ws);
    var start = 0;
    if (found.length && found[0][0] > EXCERPT / 3) {
      start = text.lastIndexOf(" ", found[0][0] - EXCERPT / 3) + 1;
    }
    var end = Math.min(text.length, start + EXCERPT);
    if (end < text.length) {
      var space = text.lastIndexOf(" ", end);
      if (space > start) end = space;
    }
    var piece = text.slice(start, end);
    var frag = marked(piece, spans(piece, ws));
    if (start > 0) frag.insertBefore(document.createTextNode("… "), frag.firstChild);
    if (end < text.length) frag.appendChild(document.createTextNode(" …"));
    return frag;
  }

  var generation = 0;
  // How many results this query lists, and the first to focus once listed
  // (the first of those "Show more" added).
  var limit = SHOWN, focusFrom = -1;
  function say(text) { status.textContent = text; }
  function clear() { list.textContent = ""; }
  function run() {
    var query = input.value;
    var ws = words(query);
    var mine = ++generation;
    if (ws.length === 0) {
      clear();
      say(query.trim() ? text("short") : "");
      return;
    }
    indexesReady().then(function (all) {
      return Promise.all(all.map(function (index) { return match(index, ws); }));
    }).then(function (perIndex) {
      var hits = [];
      perIndex.forEach(function (h) { hits = hits.concat(h); });
      hits.sort(function (a, b) {
        return b.score - a.score || (a.index === b.index ? a.page - b.page : 0);
      });
      return Promise.all(hits.slice(0, limit).map(function (h) {
        return pageRecord(h).then(function (record) { return { hit: h, record: record }; });
      })).then(function (rows) { return { rows: rows, total: hits.length }; });
    }).then(function (found) {
      if (mine !== generation) return;
      show(found.rows, ws, found.total);
    }, function () {
      if (mine !== generation) return;
      clear();
      say(text("failed"));
    });
  }
  function show(rows, ws, total) {
    clear();
    if (rows.length === 0) {
      say(text("none", { query: input.value.trim() }));
      return;
    }
    rows.forEach(function (row) {
      var r = row.record, section = bestSection(r, ws);
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = row.hit.index.link + r[0] + (section[0] ? "#" + section[0] : "");
      var title = document.createElement("span");
      title.className = "search-title";
      title.appendChild(marked(r[1], spans(r[1], ws)));
      a.appendChild(title);
      if (section[1]) {
        var h = document.createElement("span");
        h.className = "search-heading";
        h.appendChild(marked(section[1], spans(section[1], ws)));
        a.appendChild(h);
      }
      if (section[2]) {
        var p = document.createElement("span");
        p.className = "search-excerpt";
        p.appendChild(excerpt(section[2], ws));
        a.appendChild(p);
      }
      a.addEventListener("click", function () {
        // A result on this very page only moves to its heading: close the box.
        if (a.pathname === location.pathname) close();
      });
      li.appendChild(a);
      list.appendChild(li);
    });
    var values = { count: total, shown: rows.length };
    say(text(total > rows.length ? "more" : total === 1 ? "one" : "other", values));
    if (total > rows.length) {
      var more = document.createElement("li");
      more.className = "search-more";
      var next = document.createElement("button");
      next.type = "button";
      next.textContent = text("show_more", { count: Math.min(SHOWN, total - rows.length) });
      next.addEventListener("click", function () {
        focusFrom = rows.length;
        limit += SHOWN;
        run();
      });
      more.appendChild(next);
      list.appendChild(more);
    }
    if (focusFrom >= 0) {
      var links = list.querySelectorAll("a");
      if (links[focusFrom]) links[focusFrom].focus();
      focusFrom = -1;
    }
  }
  // Arrow keys move between the box and the results; Enter follows a link.
  function focusResult(n) {
    var links = list.querySelectorAll("a");
    if (n < 0 || links.length === 0) { input.focus(); return; }
    links[Math.min(n, links.length - 1)].focus();
  }

  // --- Opening and closing. --------------------------------------------------
  function open(query) {
    box.hidden = false;
    button.setAttribute("aria-expanded", "true");
    if (typeof query === "string") input.value = query;
    limit = SHOWN;
    input.focus();
    input.select();
    if (input.value) run(); else indexesReady().catch(function () {});
  }
  function close() {
    if (box.hidden) return;
    box.hidden = true;
    button.setAttribute("aria-expanded", "false");
    button.focus();
  }
  function typing(el) {
    return el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
  }

  button.hidden = false;
  button.addEventListener("click", function () { if (box.hidden) open(); else close(); });
  input.addEventListener("input", function () { limit = SHOWN; run(); });
  input.addEventListener("keydown", function (e) {
    if (e.key === "ArrowDown") { e.preventDefault(); focusResult(0); }
    else if (e.key === "Enter") {
      e.preventDefault();
      var first = list.querySelector("a");
      if (first) first.click();
    }
  });
  list.addEventListener("keydown", function (e) {
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
    e.preventDefault();
    var links = Array.prototype.slice.call(list.querySelectorAll("a"));
    var at = links.indexOf(document.activeElement);
    focusResult(e.key === "ArrowDown" ? Math.min(at + 1, links.length - 1) : at - 1);
  });
  box.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { e.preventDefault(); close(); }
  });
  document.addEventListener("keydown", function (e) {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
    if (e.key === "/" || e.key === "s" || e.key === "S") { e.preventDefault(); open(); }
  });
  document.addEventListener("click", function (e) {
    if (!box.hidden && !box.contains(e.target) && !button.contains(e.target)) close();
  });
  box.querySelector("form").addEventListener("submit", function (e) { e.preventDefault(); });

  // ?search=TERM opens the search with TERM, so a link can share a search.
  var shared = new URLSearchParams(location.search).get("search");
  if (shared) open(shared);
})();
