/*
 * The site's search engine (overrides/assets/search-core.js) over built index folders, for the
 * tests and the benchmark: ``node briefkit/search/engine_cli.js`` reads one JSON request a line
 * on stdin and writes one JSON answer a line (briefkit/search/query.py speaks it). The same module
 * the browser runs, reading files instead of fetching them: one engine, the same answers.
 *
 * Request: {engine, folder, op, ...}; ``engine`` numbers a Python IndexFolder (each has its own
 * engine and so its own files read), ``op`` is one of
 *   search {q, topics, regions, years, sort} → {hits: [{doc, id, score, passage}], terms}
 *   excerpt {doc, passage} → {text}   suggestions {q} → {offers}   morphemes {q} → {forms}
 * Every answer has ``fetched``, the files that engine read for it, in order; a failure {error}.
 */

import { readFile } from "node:fs/promises";
import { createInterface } from "node:readline";
import path from "node:path";
import { createEngine } from "../../overrides/assets/search-core.js";

/**
 * @typedef {ReturnType<typeof createEngine>} Engine
 * @typedef {{engine: Engine, fetched: string[], files: Map<string, Promise<any>>}} Folder
 */

/** @type {Map<number, Folder>} */
const engines = new Map();

/**
 * @param {number} id
 * @param {string} folder
 * @returns {Folder}
 */
function open(id, folder) {
  const known = engines.get(id);
  if (known) return known;
  /** @type {Folder} */
  const made = { fetched: [], files: new Map(), engine: createEngine((rel) => {
    let data = made.files.get(rel);
    if (!data) {
      made.fetched.push(rel);
      data = readFile(path.join(folder, rel), "utf-8").then((text) => JSON.parse(text));
      made.files.set(rel, data);
    }
    return data;
  }) };
  engines.set(id, made);
  return made;
}

/**
 * @param {any} request
 */
async function answer(request) {
  const folder = open(request.engine, request.folder);
  const engine = folder.engine;
  if (request.op === "search") {
    const result = await engine.search({ q: request.q, topics: request.topics, regions: request.regions,
      years: request.years, sort: request.sort });
    const rows = await engine.rows(result.hits);
    return { terms: result.terms, hits: result.hits.map((doc, n) => ({ doc: doc, id: rows[n].id,
      score: result.scores.get(doc) || 0, passage: result.passage(doc) })) };
  }
  if (request.op === "excerpt") {
    const [row] = await engine.rows([request.doc], () => request.passage);
    return { text: row.excerpt === null ? row.summary : row.excerpt };
  }
  if (request.op === "suggestions") return { offers: await engine.suggestions(request.q) };
  if (request.op === "morphemes") return { forms: await engine.morphemes(request.q) };
  throw new Error("unknown op: " + request.op);
}

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
  if (!line.trim()) continue;
  const request = JSON.parse(line);
  const folder = engines.get(request.engine);
  const before = folder ? folder.fetched.length : 0;
  let reply;
  try {
    reply = await answer(request);
  } catch (error) {
    reply = { error: String(error && /** @type {Error} */ (error).stack || error) };
  }
  const now = engines.get(request.engine);
  reply.fetched = now ? now.fetched.slice(before) : [];
  process.stdout.write(JSON.stringify(reply) + "\n");
}
