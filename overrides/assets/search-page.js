/*
 * The search page (/search/, /en/search/): reads ?q=…&topic=…&region=…&year=…&sort=…, asks the
 * engine (search-engine.js, run from the page's head) for the hits and shows them. As the
 * reader types, the engine is asked to load what the typed query needs (its shards and the
 * display chunks of its first hits), so Enter finds them loaded; nothing is shown until Enter.
 * A hit shows its excerpt (the matched body passage, or the summary) and opens the brief at
 * that passage; a query with no hits, or in the other language's script, is offered corrections
 * and the other language's briefs (data-hints).
 * Every text from the index reaches the page through textContent. An ES module: it shares the
 * engine's module (and so its files) with the head's and the drop-down's.
 */
import * as BriefsSearch from "./search-engine.js";

/**
 * @typedef {import("./search-index.js").Meta} Meta
 * @typedef {import("./search-index.js").Row} Row
 * @typedef {import("./search-core.js").Params} Params
 * @typedef {import("./search-core.js").Result} Result
 * @typedef {import("./search-core.js").Needle} Needle
 * @typedef {import("./search-core.js").Kind} Kind
 */

/**
 * What the page shows: the last search's hits (document numbers), how many are shown, and how.
 * @typedef {object} State
 * @property {number[]} hits
 * @property {number} shown how many are shown, or asked for by "more"
 * @property {Promise<void>} showing until the pages asked for are shown (a failed one rejects those after it)
 * @property {Needle[]} needles
 * @property {((doc: number) => number) | null} passage
 * @property {number} run the search being shown (a newer one stops an older one's steps)
 * @property {number} started performance.now() when it began
 * @property {string} count what the status line says once its first hit is in
 * @property {Result | null} result
 */

/**
 * The element ``selector`` finds under ``parent``, of ``type``: the page's template puts it there.
 * @template {Element} T
 * @param {ParentNode} parent
 * @param {string} selector
 * @param {new () => T} type
 * @returns {T}
 */
function element(parent, selector, type) {
  var found = parent.querySelector(selector);
  if (!(found instanceof type)) throw new Error("search page: no " + selector);
  return found;
}

(function () {
  var found = document.getElementById("briefs-search");
  if (!found || !window.fetch) return;
  /** @type {HTMLElement} */
  var root = found;

  /** @param {string} name a data- attribute the template always sets */
  function attribute(name) {
    return root.getAttribute(name) || "";
  }

  var PAGE = BriefsSearch.PAGE;
  var PREPARE_MS = 40; /* quiet time after a keystroke before the typed query is prepared */
  var lang = attribute("data-lang");
  var briefs = attribute("data-briefs");
  var engine = BriefsSearch.engine(attribute("data-index"));
  var form = element(root, "form", HTMLFormElement);
  var input = element(form, "input[name=q]", HTMLInputElement);
  var sort = element(form, "select[name=sort]", HTMLSelectElement);
  var status = element(root, "[data-status]", HTMLElement);
  var list = element(root, "[data-results]", HTMLElement);
  var more = element(root, "[data-more]", HTMLElement);
  /** @type {State} */
  var state = { hits: [], shown: 0, showing: Promise.resolve(), needles: [], passage: null, run: 0, started: 0,
    count: "", result: null };
  var hints = element(root, "[data-hints]", HTMLElement);
  var otherLang = attribute("data-other-lang");
  var composing = false;
  var timer = 0;
  var prepared = ""; /* the last query prepared, as JSON */
  var warming = 0; /* the search whose next steps are loading ahead; 0 once the reader types */
  var KINDS = BriefsSearch.kinds;

  /**
   * @param {string} name
   * @param {number | string} [n]
   */
  function message(name, n) {
    return attribute("data-msg-" + name).replace("{n}", String(n)).replace("{year}", String(n));
  }

  function params() {
    return BriefsSearch.params(window.location.search);
  }

  /** @param {Kind} kind */
  function facet(kind) {
    return element(form, 'select[data-facet="' + kind + '"]', HTMLSelectElement);
  }

  /**
   * The search the form would make now (what Enter will ask for).
   * @returns {Required<Params>}
   */
  function typed() {
    return { q: input.value.trim(), topics: facet("topics").value, regions: facet("regions").value,
      years: facet("years").value, sort: sort.value };
  }

  /**
   * The documents of each filter the search sets, by kind (null where it sets none).
   * @param {Meta} meta
   * @param {Required<Params>} p
   */
  function filterSets(meta, p) {
    /** @type {Record<Kind, Set<number> | null>} */
    var sets = { topics: null, regions: null, years: null };
    KINDS.forEach(function (k) { sets[k] = p[k] ? new Set(engine.facetDocs(meta, k, p[k])) : null; });
    return sets;
  }

  /**
   * The filters of kinds other than ``kind`` that the search sets.
   * @param {Record<Kind, Set<number> | null>} sets
   * @param {Kind} kind
   */
  function otherFilters(sets, kind) {
    /** @type {Set<number>[]} */
    var others = [];
    KINDS.forEach(function (k) {
      var set = sets[k];
      if (k !== kind && set) others.push(set);
    });
    return others;
  }

  /**
   * Counts per filter value among the query's matches under the other filters.
   * @param {Meta} meta
   * @param {Required<Params>} p
   * @param {Set<number>} matched
   */
  function fillFacets(meta, p, matched) {
    var sets = filterSets(meta, p);
    KINDS.forEach(function (kind) {
      var select = facet(kind);
      var others = otherFilters(sets, kind);
      var values = engine.facetValues(meta, kind).map(function (v) {
        return kind === "years" ? [v[0], message("year", v[1])] : v;
      });
      var options = document.createDocumentFragment();
      values.forEach(function (v) {
        var count = 0;
        engine.facetDocs(meta, kind, v[0]).forEach(function (d) {
          if (matched.has(d) && others.every(function (f) { return f.has(d); })) count++;
        });
        var option = document.createElement("option");
        option.value = v[0];
        option.textContent = v[1] + " (" + count + ")";
        options.appendChild(option);
      });
      while (select.options.length > 1) select.remove(1);
      select.appendChild(options);
      select.value = p[kind];
    });
  }

  /**
   * A hit: its title (the brief's page; followed, the page opens at the excerpt's passage), its
   * date (with the lists' "Updated" mark if the brief was corrected), and the body passage around
   * the match (data-excerpt), or the summary when the match is in the title or summary.
   * @param {Row} doc
   */
  function hitElement(doc) {
    var item = document.createElement("li");
    item.setAttribute("data-result", doc.id);
    var link = BriefsSearch.highlighted(document.createElement("a"), doc.title, state.needles);
    link.href = briefs + doc.id + "/";
    var time = document.createElement("time");
    time.dateTime = doc.date;
    time.textContent = BriefsSearch.dateText(doc.date, lang);
    var summary = document.createElement("p");
    if (doc.excerpt) {
      BriefsSearch.excerpt(summary, doc.excerpt, state.needles);
      summary.setAttribute("data-excerpt", "");
      summary.className = "briefs-search__excerpt";
      var passage = BriefsSearch.fragment(doc.excerpt, state.needles);
      if (passage) link.setAttribute("data-fragment", passage);
    } else {
      BriefsSearch.highlighted(summary, doc.summary, state.needles);
    }
    if (doc.lang !== lang) {
      link.lang = doc.lang;
      summary.lang = doc.lang;
    }
    item.append(link, time);
    if (doc.updated) item.append(BriefsSearch.updatedMark(message("updated")));
    item.append(summary);
    return item;
  }

  /**
   * The next page of hits, each shown as soon as it and those above it are in (the first page
   * replaces the last search's hits); ``pending`` is their rows (one promise a hit) when already
   * asked for. The page is taken at once, so "more" pressed again before its hits are in takes
   * the page after, shown after this one.
   * @param {Promise<Row>[]} [pending]
   * @returns {Promise<void>} when this page and those taken before it are shown
   */
  function showMore(pending) {
    var run = state.run;
    var start = state.shown;
    var docs = state.hits.slice(start, start + PAGE);
    state.shown += docs.length;
    var rows = pending || engine.each(docs, state.passage);
    rows.forEach(function (row) { row.catch(function () {}); }); /* a failure counts once, below */
    var before = state.showing;
    state.showing = (async function () {
      await before;
      for (var i = 0; i < rows.length; i++) {
        var row = await rows[i];
        if (run !== state.run) return;
        if (start + i === 0) list.textContent = "";
        list.appendChild(hitElement(row));
        if (start + i === 0) {
          status.textContent = state.count;
          elapsed("data-first-ms");
        }
      }
      if (run === state.run) more.hidden = state.shown >= state.hits.length;
    })();
    return state.showing;
  }

  /**
   * The first hit of each view one step from this search: every other value of each filter (and
   * none), the other order, the next page (after the hits shown). Their display chunks load while
   * the page is idle, so a filter change shows its first hit with no request; the rest of its
   * page takes one round.
   * @param {Result} result
   * @param {Required<Params>} p
   */
  async function nextSteps(result, p) {
    var meta = result.meta;
    var sets = filterSets(meta, p);
    var firsts = state.shown < result.hits.length ? [result.hits[state.shown]] : [];
    KINDS.forEach(function (kind) {
      var others = otherFilters(sets, kind);
      var values = engine.facetValues(meta, kind).map(function (v) { return v[0]; });
      [""].concat(values).forEach(function (value) {
        if (value === p[kind]) return;
        var within = value ? new Set(engine.facetDocs(meta, kind, value)) : null;
        for (var i = 0; i < result.ranked.length; i++) {
          var d = result.ranked[i];
          if ((!within || within.has(d)) && others.every(function (f) { return f.has(d); })) {
            firsts.push(d);
            break;
          }
        }
      });
    });
    var other = await engine.search(Object.assign({}, p, { sort: p.sort === "newest" ? "" : "newest" }));
    if (other.hits.length) firsts.push(other.hits[0]);
    return firsts;
  }

  /**
   * @param {number} run
   * @param {Result} result
   * @param {Required<Params>} p
   */
  function ahead(run, result, p) {
    /* The Network Information API: Chromium's only, not in the DOM's types. */
    var connection = /** @type {Navigator & {connection?: {saveData?: boolean, effectiveType?: string}}} */ (navigator)
      .connection;
    /* Not for a reader who asked the browser to save data, or on a 2G link: only what is asked. */
    if (connection && (connection.saveData || /2g/.test(connection.effectiveType || ""))) return;
    warming = run;
    var go = function () {
      if (warming !== run) return;
      nextSteps(result, p).then(function (docs) {
        return engine.warm(docs, function () { return warming === run && run === state.run; }, result.passage);
      }).catch(function () {});
    };
    if (window.requestIdleCallback) window.requestIdleCallback(go, { timeout: 500 });
    else window.setTimeout(go, 50);
  }

  /**
   * A query written only in the other language's script: Latin on the Korean page, Hangul on the English.
   * @param {string} q
   */
  function otherScript(q) {
    return lang === "ko" ? /[a-z]/i.test(q) && !/[\uac00-\ud7a3]/.test(q) : /[\uac00-\ud7a3]/.test(q) && !/[a-z]/i.test(q);
  }

  /**
   * @param {string} name
   * @param {string} text
   */
  function hintLine(name, text) {
    var line = document.createElement("p");
    line.setAttribute(name, "");
    if (text) line.textContent = text;
    hints.appendChild(line);
    hints.hidden = false;
    return line;
  }

  /**
   * Where a search leads when it finds nothing here, or is written in the other language's script:
   * closest index words ("did you mean", a query with no hits only) and the same search among the
   * other language's briefs, when it finds any there, linked to that search page.
   * @param {number} run
   * @param {Required<Params>} p
   * @param {number} n
   */
  function offer(run, p, n) {
    /** @type {Promise<void>[]} */
    var done = [];
    if (!n) {
      done.push(engine.suggestions(p.q).then(function (offers) {
        if (run !== state.run || !offers.length) return;
        var line = hintLine("data-suggest", message("suggest") + " ");
        offers.forEach(function (q, i) {
          var a = document.createElement("a");
          a.href = "?q=" + encodeURIComponent(q);
          a.textContent = q;
          a.addEventListener("click", function (event) {
            event.preventDefault();
            input.value = q;
            navigate();
          });
          if (i) line.appendChild(document.createTextNode(", "));
          line.appendChild(a);
        });
      }));
    }
    /* The glossary of issue 13 may give the other language's words for this query: across(). */
    var q = BriefsSearch.across(p.q, lang, otherLang);
    var other = BriefsSearch.engine(attribute("data-other-index"));
    done.push(other.search({ q: q }).then(function (result) {
      var count = result.hits.length;
      if (run !== state.run || !count) return;
      var a = document.createElement("a");
      a.href = attribute("data-other-search") + "?q=" + encodeURIComponent(q);
      a.hreflang = otherLang;
      a.textContent = message(count === 1 ? "other-one" : "other", count);
      hintLine("data-other", "").appendChild(a);
    }));
    return Promise.all(done).catch(function () {});
  }

  /**
   * Milliseconds since the search began, on ``name`` (the benchmark reads data-first-ms and data-ms).
   * @param {string} name
   */
  function elapsed(name) {
    root.setAttribute(name, String(Math.round(performance.now() - state.started)));
  }

  async function update() {
    var run = ++state.run;
    var p = params();
    state.started = performance.now();
    root.setAttribute("data-state", "busy");
    input.value = p.q;
    sort.value = p.sort;
    status.textContent = message("loading");
    try {
      var result = await engine.search(p);
      if (run !== state.run) return;
      /* The last search's hits stay until the first new one is in (showMore clears them and
         says how many were found), and the filters are filled after the hits: the display chunks
         are asked for first, and the page is not laid out again while they load. */
      var pending = engine.each(result.hits.slice(0, PAGE), result.passage);
      hints.textContent = "";
      hints.hidden = true;
      var n = result.hits.length;
      more.hidden = true;
      state.count = n ? message(n === 1 ? "count-one" : "count", n) : message("none");
      state.hits = result.hits;
      state.needles = result.needles;
      state.passage = result.passage;
      state.result = result; /* "more" may be pressed before this search is done: its next steps are this one's */
      state.shown = 0;
      state.showing = Promise.resolve();
      await showMore(pending);
      if (run !== state.run) return;
      if (!n) {
        list.textContent = "";
        status.textContent = state.count;
        elapsed("data-first-ms");
      }
      if (p.q && (!n || otherScript(p.q))) await offer(run, p, n);
      if (run !== state.run) return;
      fillFacets(result.meta, p, result.matched);
      elapsed("data-ms");
      root.setAttribute("data-state", "done");
      ahead(run, result, p);
    } catch (error) {
      if (run !== state.run) return;
      list.textContent = "";
      status.textContent = message("error");
      root.setAttribute("data-state", "error");
    }
  }

  function navigate() {
    window.clearTimeout(timer);
    timer = 0;
    var url = new URLSearchParams();
    var p = typed();
    /** @type {Array<[string, string]>} */
    var fields = [["q", p.q], ["topic", p.topics], ["region", p.regions], ["year", p.years], ["sort", p.sort]];
    fields.forEach(function (kv) {
      if (kv[1]) url.set(kv[0], kv[1]);
    });
    var query = url.toString();
    window.history.pushState(null, "", window.location.pathname + (query ? "?" + query : ""));
    update();
  }

  /* Load what the typed query needs, once a query. */
  function prepare() {
    var p = typed();
    var key = JSON.stringify(p);
    if (p.q && key !== prepared) {
      prepared = key;
      engine.prepare(p, PAGE);
    }
  }

  /* As the reader types (not while an input method is composing a syllable): at once for the
     first change after a pause (a pasted query, sent a moment later), then PREPARE_MS after
     the last key. */
  function prepareSoon() {
    var quiet = !timer;
    window.clearTimeout(timer);
    if (quiet) prepare();
    timer = window.setTimeout(function () {
      timer = 0;
      prepare();
    }, PREPARE_MS);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    navigate();
  });
  input.addEventListener("compositionstart", function () { composing = true; });
  input.addEventListener("compositionend", function () { composing = false; prepareSoon(); });
  input.addEventListener("input", function (event) {
    warming = 0;
    if (!composing && !(event instanceof InputEvent && event.isComposing)) prepareSoon();
  });
  form.querySelectorAll("select").forEach(function (select) {
    select.addEventListener("change", navigate);
  });
  more.addEventListener("click", function () {
    var run = state.run;
    root.setAttribute("data-state", "busy");
    var shown = showMore();
    shown.then(function () {
      /* A new search began meanwhile, or "more" was pressed again: that one says when it is done. */
      if (run !== state.run || shown !== state.showing) return;
      root.setAttribute("data-state", "done");
      if (state.result) ahead(run, state.result, params());
    }, function () {
      if (run !== state.run || shown !== state.showing) return;
      status.textContent = message("error");
      root.setAttribute("data-state", "error");
    });
  });
  window.addEventListener("popstate", update);
  /* A hit's title opens the brief at its excerpt's passage (a text fragment): the address stays
     plain on the link (to copy or open in a new tab) and takes the fragment when followed. */
  list.addEventListener("click", function (event) {
    var link = event.target instanceof Element ? event.target.closest("a[data-fragment]") : null;
    if (!(link instanceof HTMLAnchorElement)) return;
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    window.location.href = link.href + link.getAttribute("data-fragment");
  });
  /* A search asked for elsewhere on this page (the header's box, search-suggest.js): shown here,
     as the page's own form shows one, with no reload. ``search`` is "?q=…". */
  BriefsSearch.page.show = function (search) {
    window.history.pushState(null, "", window.location.pathname + search);
    update();
  };
  update();
})();
