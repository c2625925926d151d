/*
 * The search engine (overrides/assets/search-core.js) under `node --test`, over built indexes:
 * every query of the project's query sets (tests/fixtures/search_queries.yml over the fixture
 * corpus, tests/fixtures/search2/queries.yml and offers.yml over theirs) finds its briefs, the
 * brief that must rank first ranks first, a body-only match's excerpt holds and marks its form,
 * a typo is offered its corrections; a hit says whether its brief was corrected (a stub index).
 * tests/test_search_engine_node.py builds the sites and names
 * them in the JSON file SEARCH_CASES; run alone, these tests need that file.
 * The browser's glue (search-engine.js) is tested here too, over a stub fetch: a query the reader
 * typed past stops loading what only it needed.
 */

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { createEngine, ranges } from "../../overrides/assets/search-core.js";

const CASES = process.env.SEARCH_CASES;
const cases = CASES ? JSON.parse(await readFile(CASES, "utf-8")) : { queries: [], offers: [] };

/** @type {Map<string, ReturnType<typeof createEngine>>} */
const engines = new Map();

/** One engine per index folder, reading its files. @param {string} folder */
function engineOf(folder) {
  let engine = engines.get(folder);
  if (!engine) {
    /** @type {Map<string, Promise<any>>} */
    const files = new Map();
    engine = createEngine((rel) => {
      if (!files.has(rel)) files.set(rel, readFile(path.join(folder, rel), "utf-8").then(JSON.parse));
      return /** @type {Promise<any>} */ (files.get(rel));
    });
    engines.set(folder, engine);
  }
  return engine;
}

test("the query sets are given", () => {
  assert.ok(CASES, "SEARCH_CASES names the JSON file of cases (tests/test_search_engine_node.py writes it)");
  assert.ok(cases.queries.length >= 60, `${cases.queries.length} queries`);
  assert.ok(cases.offers.length >= 5, `${cases.offers.length} offers`);
});

for (const query of cases.queries) {
  test(`${query.set} ${query.lang} ${query.kind}: ${query.q}`, async () => {
    const engine = engineOf(query.index);
    const result = await engine.search({ q: query.q });
    const rows = await engine.rows(result.hits.slice(0, 10), result.passage);
    const ids = (await engine.rows(result.hits)).map((row) => row.id);
    for (const id of query.expect) assert.ok(ids.includes(id), `${id} not in ${ids}`);
    if (query.first) assert.equal(ids[0], query.first);
    if (query.excerpt) {
      const excerpt = rows[0].excerpt;
      assert.ok(excerpt, "the first hit shows a body passage");
      const meta = await engine.load("meta.json");
      const marked = ranges(excerpt, result.needles, meta.suffixes).map(([a, b]) => excerpt.slice(a, b).toLowerCase());
      assert.ok(marked.includes(query.excerpt), `${query.excerpt} not marked in ${JSON.stringify(marked)}: ${excerpt}`);
    }
  });
}

for (const offer of cases.offers) {
  test(`did you mean, ${offer.lang}: ${offer.q}`, async () => {
    const engine = engineOf(offer.index);
    assert.deepEqual((await engine.search({ q: offer.q })).hits, []);
    assert.deepEqual(await engine.suggestions(offer.q), offer.offers);
  });
}

test("marks cross a space either way, and take a Korean particle", () => {
  const needles = [{ text: "스마트공장", latin: false }, { text: "ai 반도체", latin: false }, { text: "factori", latin: true }];
  const text = "스마트 공장을 AI반도체 factories";
  const marked = ranges(text, needles, ["을"]).map(([a, b]) => text.slice(a, b));
  assert.deepEqual(marked, ["스마트 공장을", "AI반도체", "factories"]);
});

test("a hit says whether its brief was corrected after publication (the display chunk's flag)", async () => {
  const meta = { version: 7, lang: "ko", count: 3, shards: 1, chunk: 5, block: 8, years: [[2025, 0, 3]], topics: [],
    regions: [], suffixes: [], stopwords: [], endings: [], words: [] };
  /** @type {Record<string, unknown>} */
  const files = {
    "meta.json": meta,
    "d/0.json": [
      ["2025-06-01-plain", "2025-06-01", "고친 적 없는 브리프", "요약", "ko", 0],
      ["2025-05-01-corrected", "2025-05-01", "고친 브리프", "요약", "ko", 1],
      ["2025-04-01-source-only", "2025-04-01", "원문만 있는 브리프", "요약", "ko", 1],
    ],
  };
  const engine = createEngine(async (rel) => {
    if (!(rel in files)) throw new Error(rel + ": not in this index");
    return files[rel];
  });
  const result = await engine.search({ q: "" }); /* no words: every brief, newest first */
  const rows = await engine.rows(result.hits);
  assert.deepEqual(rows.map((row) => [row.id, row.updated]),
    [["2025-06-01-plain", false], ["2025-05-01-corrected", true], ["2025-04-01-source-only", true]]);
});

test("a query typed past stops loading what only it needed, not what a search needs", async () => {
  /** @type {Array<{rel: string, signal: AbortSignal}>} */
  const fetches = [];
  /** @type {Array<() => void>} */
  const waiting = [];
  const meta = { version: 7, lang: "ko", count: 1, shards: 1, chunk: 5, block: 8, years: [[2025, 0, 1]], topics: [],
    regions: [], suffixes: [], stopwords: [], endings: [], words: [] };
  const g = /** @type {any} */ (globalThis);
  g.document = { baseURI: "http://x/search/", querySelector: () => null };
  g.fetch = (/** @type {string} */ url, /** @type {RequestInit} */ init) => {
    const rel = url.replace("http://x/search/index/ko/", "");
    const signal = /** @type {AbortSignal} */ (init.signal);
    fetches.push({ rel: rel, signal: signal });
    const body = rel === "meta.json" ? meta : { t: {}, f: {} };
    const answer = { ok: true, json: async () => body };
    if (rel === "meta.json") return Promise.resolve(answer);
    return new Promise((resolve, reject) => {
      waiting.push(() => (signal.aborted ? reject(new Error("aborted")) : resolve(answer)));
    });
  };
  const pause = () => new Promise((resolve) => setTimeout(resolve, 10));
  const { engine } = await import("../../overrides/assets/search-engine.js");
  const browser = engine("index/ko/");
  await browser.load("meta.json");
  browser.prepare({ q: "가나다" }, 10); /* typed, then typed on */
  await pause();
  const stale = fetches.filter((f) => f.rel === "t/0.json");
  assert.equal(stale.length, 1);
  browser.prepare({ q: "라마바" }, 10);
  await pause();
  assert.ok(stale[0].signal.aborted, "the stale query's shard is cancelled");
  const current = fetches.filter((f) => f.rel === "t/0.json" && !f.signal.aborted);
  assert.equal(current.length, 1, "the new query asks for it again");
  const shown = browser.search({ q: "라마바" }); /* Enter: the reader's search needs the same file */
  await pause();
  browser.prepare({ q: "가나다라" }, 10); /* typing on does not cancel what the shown search needs */
  await pause();
  assert.ok(!current[0].signal.aborted);
  assert.ok(fetches.every((f) => f.rel !== "meta.json" || !f.signal.aborted));
  waiting.forEach((go) => go());
  assert.deepEqual((await shown).hits, []);
});
