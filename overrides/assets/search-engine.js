/*
 * The search engine in the browser, shared by the search page (search-page.js) and the header's
 * drop-down (search-suggest.js): ``engine(indexUrl)`` is search-core.js's engine over fetch,
 * keeping every file it has read, so a later query pays only for new files. One engine per index
 * URL: the page and the drop-down on the search page share their files (one module instance).
 * As the reader types, ``prepare`` loads what the typed query needs; a newer one cancels the
 * files the last one still waits for (AbortController), so a stale query does not hold the
 * browser's connections. The helpers that build elements set textContent only: nothing here
 * writes HTML.
 */

import { createEngine, KINDS, ranges, allInitials } from "./search-core.js";

/**
 * @typedef {import("./search-core.js").Params} Params
 * @typedef {import("./search-core.js").Needle} Needle
 * @typedef {import("./search-core.js").Result} Result
 * @typedef {import("./search-index.js").Row} Row
 */

const EXCERPT = 160; /* characters of a passage shown around its first mark */
/* Display chunks loaded ahead at a time: of a browser's 6 connections to the site, 2 stay free for
   what the reader asks for meanwhile, and at most 4 requests are ahead of it. */
const WARM = 4;
/** @type {Record<string, BrowserEngine>} */
const engines = {};
/** @type {string[]} */
let suffixes = []; /* the particles and endings of the last index read: a marked Korean word takes its own */

/**
 * @param {string} base the index folder's absolute URL
 */
function create(base) {
  /**
   * An index file being read or read: who wants it while it loads. A file asked for under a
   * typed query's signal only is cancelled with that query; one any search needs (no signal) is not.
   * @typedef {object} File
   * @property {Promise<any>} data
   * @property {AbortController} controller
   * @property {Set<AbortSignal>} owners
   * @property {boolean} pinned
   * @property {boolean} done
   */
  /** @type {Map<string, File>} */
  const files = new Map();

  /**
   * An index file, fetched once (a failed or cancelled one is asked for again next time).
   * @param {string} rel
   * @param {AbortSignal} [signal]
   * @returns {Promise<any>}
   */
  function load(rel, signal) {
    let file = files.get(rel);
    if (!file) {
      const controller = new AbortController();
      const data = fetch(base + rel, { signal: controller.signal }).then((response) => {
        if (!response.ok) throw new Error(rel + ": " + response.status);
        return response.json();
      }).then((json) => {
        if (rel === "meta.json") suffixes = json.suffixes;
        return json;
      });
      /** @type {File} */
      const entry = file = { data: data, controller: controller, owners: new Set(), pinned: false, done: false };
      files.set(rel, entry);
      data.then(() => { entry.done = true; }, () => { if (files.get(rel) === entry) files.delete(rel); });
    }
    if (signal) file.owners.add(signal);
    else file.pinned = true;
    return file.data;
  }

  /**
   * Cancel the files only ``signal``'s query still waits for.
   * @param {AbortSignal} signal
   */
  function cancel(signal) {
    files.forEach((file, rel) => {
      if (file.done || !file.owners.delete(signal) || file.pinned || file.owners.size) return;
      file.controller.abort();
      files.delete(rel);
    });
  }

  const core = createEngine(load);
  /** @type {AbortController | null} */
  let preparing = null;

  /**
   * Load what the first ``n`` hits of p need, without showing anything (as the reader types). A
   * newer call cancels what an older one still waits for.
   * @param {Params} p
   * @param {number} n
   */
  function prepare(p, n) {
    if (preparing) {
      cancel(preparing.signal);
      preparing.abort();
    }
    const controller = preparing = new AbortController();
    return core.search(p, controller.signal)
      .then((result) => core.rows(result.hits.slice(0, n), result.passage, controller.signal))
      .catch(() => {});
  }

  /**
   * Load the display chunks (and with ``passage``, the excerpts) of ``docs`` not yet read, WARM
   * at a time while ``wanted()`` says so: what the reader may ask for next, while the page is idle.
   * @param {number[]} docs
   * @param {() => boolean} wanted
   * @param {((doc: number) => number) | null} [passage]
   */
  async function warm(docs, wanted, passage) {
    const needed = (await core.displayFiles(docs, passage)).filter((rel) => !files.has(rel));
    for (let i = 0; i < needed.length && wanted(); i += WARM) {
      await Promise.all(needed.slice(i, i + WARM).map((rel) => load(rel).catch(() => {})));
    }
  }

  return { load, prepare, warm, search: core.search, each: core.each, rows: core.rows,
    facetValues: core.facetValues, facetDocs: core.facetDocs, suggestions: core.suggestions };
}

/** @typedef {ReturnType<typeof create>} BrowserEngine */

/**
 * The engine of the index at ``url`` (relative to the page), made once per page.
 * @param {string} url
 */
export function engine(url) {
  const base = new URL(url, document.baseURI).href;
  return engines[base] || (engines[base] = create(base));
}

/**
 * ``element`` with ``text`` appended, the needles in <mark>: text nodes only.
 * @template {HTMLElement} E
 * @param {E} element
 * @param {string} text
 * @param {Needle[]} needles
 * @returns {E}
 */
export function highlighted(element, text, needles) {
  let at = 0;
  ranges(text, needles, suffixes).forEach(([start, end]) => {
    if (start > at) element.appendChild(document.createTextNode(text.slice(at, start)));
    const mark = document.createElement("mark");
    mark.textContent = text.slice(start, end);
    element.appendChild(mark);
    at = end;
  });
  if (at < text.length) element.appendChild(document.createTextNode(text.slice(at)));
  return element;
}

/**
 * A passage cut to about EXCERPT characters around its first mark, at spaces, with "…" where cut.
 * @template {HTMLElement} E
 * @param {E} element
 * @param {string} passage
 * @param {Needle[]} needles
 * @returns {E}
 */
export function excerpt(element, passage, needles) {
  const first = ranges(passage, needles, suffixes)[0];
  let text = passage;
  if (passage.length > EXCERPT) {
    let start = first ? Math.max(0, first[0] - Math.floor(EXCERPT / 3)) : 0;
    let end = Math.min(passage.length, start + EXCERPT);
    start = Math.max(0, end - EXCERPT);
    let space = passage.indexOf(" ", start);
    if (start > 0 && space >= 0 && (!first || space < first[0])) start = space + 1;
    space = passage.lastIndexOf(" ", end);
    if (end < passage.length && space > start && (!first || space >= first[1])) end = space;
    text = (start > 0 ? "…" : "") + passage.slice(start, end) + (end < passage.length ? "…" : "");
  }
  return highlighted(element, text, needles);
}

/**
 * A text fragment (#:~:text=…) for the first marked word of a passage, with the word before it as
 * its prefix: the brief opens there, the word highlighted (the address, not a script: CSP).
 * @param {string} passage
 * @param {Needle[]} needles
 */
export function fragment(passage, needles) {
  const first = ranges(passage, needles, suffixes)[0];
  if (!first) return "";
  const stop = /[\s.,;:!?()[\]{}"'“”‘’「」『』<>·…]/;
  let [start, end] = first;
  while (start > 0 && !stop.test(passage[start - 1])) start--;
  while (end < passage.length && !stop.test(passage[end])) end++;
  const before = /(\S+)\s+$/.exec(passage.slice(0, start));
  /** @param {string} t */
  const encode = (t) => encodeURIComponent(t).replace(/-/g, "%2D");
  const prefix = before && !stop.test(before[1]) ? encode(before[1]) + "-," : "";
  return "#:~:text=" + prefix + encode(passage.slice(start, end));
}

/**
 * The mark of a brief corrected after publication, after its date, as the server's lists write it
 * (fragments/brief-list.html): a space, then <span class="brief-list__updated">text</span>.
 * @param {string} text the page's word for it (strings.py's updated_badge, from a data- attribute)
 * @returns {DocumentFragment}
 */
export function updatedMark(text) {
  const mark = document.createElement("span");
  mark.className = "brief-list__updated";
  mark.textContent = text;
  const both = document.createDocumentFragment();
  both.append(" ", mark);
  return both;
}

/** @type {Record<string, Intl.DateTimeFormat>} */
const formats = {};

/**
 * A date as the page's language writes it.
 * @param {string} iso
 * @param {string} lang
 */
export function dateText(iso, lang) {
  const [year, month, day] = iso.split("-").map(Number);
  if (!formats[lang]) {
    formats[lang] = new Intl.DateTimeFormat(lang === "ko" ? "ko-KR" : "en-GB",
      { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
  }
  return formats[lang].format(new Date(Date.UTC(year, month - 1, day)));
}

/**
 * The search a search page's address asks for: ?q=…&topic=…&region=…&year=…&sort=…
 * @param {string} search
 * @returns {Required<Params>}
 */
export function params(search) {
  const url = new URLSearchParams(search);
  return {
    q: url.get("q") || "",
    topics: url.get("topic") || "",
    regions: url.get("region") || "",
    years: url.get("year") || "",
    sort: url.get("sort") === "newest" ? "newest" : ""
  };
}

/**
 * The seam for a glossary (issue 13): the query to run on the other language's index. Topic and
 * region names need nothing here, both indexes know them in both languages.
 * @param {string} q
 * @param {string} [from]
 * @param {string} [to]
 */
export function across(q, from, to) { // eslint-disable-line no-unused-vars
  return q;
}

export { KINDS as kinds, allInitials as initialsOnly };
export const PAGE = 10; /* hits the search page shows at a time */

/**
 * The search page's hand-over: search-page.js sets ``show`` so that the drop-down's Enter and
 * "all results" show a search without loading the page again.
 * @type {{show: ((search: string) => void) | null}}
 */
export const page = { show: null };

/* The search page runs this module from its <head> with data-prepare (its index): the search in
   the address starts loading while the page is parsed and styled, and search-page.js finds its
   files loaded. */
const script = document.querySelector("script[data-prepare]");
const index = script && script.getAttribute("data-prepare");
if (index) engine(index).prepare(params(window.location.search), PAGE);
