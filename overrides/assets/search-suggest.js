/*
 * The header search box's drop-down, on every page: as the reader types, the first hits of
 * the page's language (title and date, with the lists' "Updated" mark for a corrected brief) in
 * a listbox under the box, as the WAI-ARIA combobox pattern has it: arrow keys move through the
 * hits, Enter opens the highlighted one (with none highlighted the form goes to the search page,
 * as it does without script), Escape closes the list, the last option leads to every result on
 * the search page. On the search page, that page shows the search without loading again.
 * Nothing loads until the reader focuses or types in the box: then search-engine.js (unless the
 * page has it), search.css and the index's meta.json, and for each query only the files it needs.
 * Every text from the index reaches the page through textContent.
 */
(function () {
  "use strict";

  /**
   * @typedef {import("./search-index.js").Row} Row
   * @typedef {import("./search-core.js").Result} Result
   * @typedef {typeof import("./search-engine.js")} Api the engine's module
   * @typedef {import("./search-engine.js").BrowserEngine} BrowserEngine
   * @typedef {{api: Api, engine: BrowserEngine}} Loaded the module, and the engine of the page's index
   */

  var found = document.querySelector("form.briefs-header-search");
  var field = found instanceof HTMLFormElement ? found.querySelector("input[name=q]") : null;
  if (!(found instanceof HTMLFormElement) || !(field instanceof HTMLInputElement)) return;
  if (!window.fetch || !window.Promise || !found.getAttribute("data-index")) return;
  /** @type {HTMLFormElement} */
  var form = found;

  /** @param {string} name a data- attribute the template always sets */
  function attribute(name) {
    return form.getAttribute(name) || "";
  }

  var SHOWN = 6; /* hits in the list, before "all results" */
  var WAIT_MS = 120; /* quiet time after a keystroke before the list is updated */
  /** @type {HTMLInputElement} */
  var input = field;
  var lang = attribute("data-lang");
  var briefs = new URL(attribute("data-briefs"), document.baseURI).href;
  var id = input.id + "-list";
  var list = document.createElement("ul");
  var status = document.createElement("p");
  /** @type {Promise<Loaded> | null} */
  var ready = null;
  /** @type {Loaded | null} */
  var loaded = null; /* search-engine.js and its engine, once imported */
  /** @type {HTMLLIElement[]} */
  var options = [];
  /** @type {Result | null} */
  var shown = null; /* the search the list shows: a picked hit opens at its passage */
  var active = -1;
  var timer = 0;
  var run = 0;
  var composing = false;

  /**
   * @param {string} name
   * @param {number} [n]
   */
  function message(name, n) {
    return attribute("data-msg-" + name).replace("{n}", String(n));
  }

  list.id = id;
  list.className = "briefs-suggest";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", message("list"));
  list.hidden = true;
  status.className = "briefs-suggest__status";
  status.setAttribute("role", "status");
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", id);
  form.append(list, status);

  /**
   * The site's search stylesheet, once (the search page has it already).
   * @param {string} url
   * @returns {Promise<void>}
   */
  function stylesheet(url) {
    var absolute = new URL(url, document.baseURI).href;
    var present = Array.from(document.querySelectorAll("link")).some(function (el) {
      return el.href === absolute;
    });
    if (present) return Promise.resolve();
    return new Promise(function (resolve, reject) {
      var el = document.createElement("link");
      el.addEventListener("load", function () { resolve(); });
      el.addEventListener("error", reject);
      el.rel = "stylesheet";
      el.href = url;
      document.head.appendChild(el);
    });
  }

  /**
   * The engine (an ES module: on the search page, the one the page already runs) and the stylesheet.
   * @returns {Promise<Loaded>}
   */
  function boot() {
    if (!ready) {
      /* import() of a computed address is typed any: it is search-engine.js (data-engine). */
      /** @type {Promise<Api>} */
      var module = import(new URL(attribute("data-engine"), document.baseURI).href);
      ready = Promise.all([module, stylesheet(attribute("data-css"))])
        .then(function (both) {
          var engine = both[0].engine(attribute("data-index"));
          engine.load("meta.json").catch(function () {}); /* every query needs it: in while the reader types */
          return (loaded = { api: both[0], engine: engine });
        });
      ready.catch(function () { ready = null; });
    }
    return ready;
  }

  /** @param {string} q */
  function everything(q) {
    return form.action + "?q=" + encodeURIComponent(q);
  }

  /** @param {boolean} show */
  function open(show) {
    list.hidden = !show;
    input.setAttribute("aria-expanded", show ? "true" : "false");
    if (!show) highlight(-1);
  }

  /** @param {number} n the option highlighted, -1: none */
  function highlight(n) {
    if (active >= 0 && options[active]) options[active].setAttribute("aria-selected", "false");
    active = n;
    if (n >= 0) {
      options[n].setAttribute("aria-selected", "true");
      input.setAttribute("aria-activedescendant", options[n].id);
      options[n].scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  /**
   * @param {number} n
   * @param {string} href
   */
  function option(n, href) {
    var item = document.createElement("li");
    item.id = id + "-" + n;
    item.setAttribute("role", "option");
    item.setAttribute("aria-selected", "false");
    item.setAttribute("data-href", href);
    return item;
  }

  /**
   * ``offers``: corrections of a query with no hits ("did you mean"), each an option leading to
   * its search page, before the last option.
   * @param {Api} api
   * @param {string} q
   * @param {Result} result
   * @param {Row[]} rows
   * @param {string[]} offers
   */
  function render(api, q, result, rows, offers) {
    var items = document.createDocumentFragment();
    shown = result;
    options = [];
    active = -1;
    input.removeAttribute("aria-activedescendant");
    rows.forEach(function (row, n) {
      var item = option(n, briefs + row.id + "/");
      var title = api.highlighted(document.createElement("span"), row.title, result.needles);
      title.className = "briefs-suggest__title";
      if (row.lang !== lang) title.lang = row.lang;
      var time = document.createElement("time");
      time.dateTime = row.date;
      time.textContent = api.dateText(row.date, lang);
      item.append(title, time);
      if (row.updated) item.append(api.updatedMark(message("updated")));
      item.setAttribute("data-result", row.id);
      options.push(item);
      items.appendChild(item);
    });
    offers.forEach(function (offer, n) {
      var item = option(rows.length + n, everything(offer));
      item.className = "briefs-suggest__offer";
      item.setAttribute("data-suggest", offer);
      item.textContent = message("suggest") + " " + offer;
      options.push(item);
      items.appendChild(item);
    });
    var all = option(options.length, everything(q));
    all.className = "briefs-suggest__all";
    all.textContent = result.hits.length ? message("all", result.hits.length) : message("open");
    options.push(all);
    items.appendChild(all);
    list.textContent = "";
    list.appendChild(items);
    list.setAttribute("data-query", q);
    var n = result.hits.length;
    status.textContent = n ? message(n === 1 ? "count-one" : "count", n) : message("none");
    open(true);
  }

  /* A syllable still being composed ends the query as a lone jamo (스마트공ㅈ): it is searched
     without it, and a search that finds nothing then leaves the last list as it was instead of
     saying "no results" while the reader is mid-syllable. A query of initials only (ㅅㅁㅌㄱㅈ) is
     a 초성 search. */
  function update() {
    var typed = input.value.trim();
    var mine = ++run;
    if (!typed) {
      open(false);
      status.textContent = "";
      return;
    }
    boot().then(function (now) {
      var engine = now.engine;
      var pending = composing || (/[\u3131-\u3163]$/.test(typed) && !now.api.initialsOnly(typed));
      var q = pending ? typed.replace(/[\u3131-\u3163]+$/, "").trim() : typed;
      if (!q) return;
      return engine.search({ q: q }).then(function (result) {
        if (pending && !result.hits.length) return;
        /** @type {Promise<string[]>} */
        var offers = result.hits.length ? Promise.resolve([]) : engine.suggestions(q).catch(function () { return []; });
        return Promise.all([engine.rows(result.hits.slice(0, SHOWN)), offers]).then(function (both) {
          if (mine === run && document.activeElement === input) render(now.api, q, result, both[0], both[1]);
        });
      });
    }).catch(function () {});
  }

  function soon() {
    window.clearTimeout(timer);
    timer = window.setTimeout(update, WAIT_MS);
  }

  /**
   * A brief, or every result on the search page. On the search page itself, search-page.js shows
   * the search (the engine's page.show) without loading the page again, with the files this list read.
   * @param {string} href
   */
  function visit(href) {
    var url = new URL(href, document.baseURI);
    var show = loaded && loaded.api.page.show;
    open(false);
    if (show && url.pathname === window.location.pathname) show(url.search);
    else window.location.href = url.href;
  }

  /**
   * A hit opens the brief at its passage (a text fragment), as a hit on the search page does. The
   * passage's file is read only now, when the reader picks the hit: typing reads titles only.
   * @param {number} n
   */
  function go(n) {
    var item = options[n];
    var href = item.getAttribute("data-href") || "";
    var result = shown;
    var now = loaded; /* set: the list is drawn with it */
    if (!item.hasAttribute("data-result") || !result || !result.passage || !now) {
      visit(href);
      return;
    }
    var api = now.api;
    var needles = result.needles;
    now.engine.rows([result.hits[n]], result.passage).then(function (rows) {
      var excerpt = rows[0].excerpt;
      return excerpt ? api.fragment(excerpt, needles) : "";
    }).catch(function () { return ""; }).then(function (passage) { visit(href + passage); });
  }

  input.addEventListener("focus", function () {
    boot().catch(function () {});
    if (input.value.trim() && options.length) open(true);
  });
  input.addEventListener("compositionstart", function () { composing = true; });
  input.addEventListener("compositionend", function () { composing = false; soon(); });
  input.addEventListener("input", function (event) {
    if (!composing && !(event instanceof InputEvent && event.isComposing)) soon();
  });
  input.addEventListener("keydown", function (event) {
    if (event.isComposing || composing || event.keyCode === 229) return; /* the input method's key */
    var shown = !list.hidden && options.length > 0;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!options.length) return;
      event.preventDefault();
      if (!shown) { open(true); }
      var down = event.key === "ArrowDown";
      highlight(active < 0 ? (down ? 0 : options.length - 1) : (active + (down ? 1 : options.length - 1)) % options.length);
    } else if (event.key === "Enter" && shown && active >= 0) {
      event.preventDefault();
      go(active);
    } else if (event.key === "Escape" && shown) {
      event.preventDefault();
      open(false);
    }
  });
  form.addEventListener("submit", function (event) {
    if (!loaded || !loaded.api.page.show) return; /* not the search page: it loads */
    event.preventDefault();
    visit(everything(input.value.trim()));
  });
  list.addEventListener("mousedown", function (event) { event.preventDefault(); }); /* keep the focus in the box */
  list.addEventListener("click", function (event) {
    var item = event.target instanceof Element ? event.target.closest("[role=option]") : null;
    if (item instanceof HTMLLIElement) go(options.indexOf(item));
  });
  form.addEventListener("focusout", function (event) {
    if (!(event.relatedTarget instanceof Node && form.contains(event.relatedTarget))) open(false);
  });
  window.addEventListener("pagehide", function () { open(false); }); /* not open when Back restores the page */
})();
