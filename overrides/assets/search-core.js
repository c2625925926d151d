/*
 * The search engine: answers queries over one language's index (search/index/<lang>/, shapes in
 * search-index.js), reading only the files a query needs through ``load`` (meta.json, the shards
 * of the query's words, the display chunks and passages of the hits shown, a word list for a 초성
 * query or a typo). No DOM and no network here: the browser gives it fetch (search-engine.js),
 * the tests and the benchmark the files of a built site (briefkit/search/engine_cli.js, under
 * Node). One engine, the same answers everywhere. Why it works this way: briefkit/search/DESIGN.md.
 */

import { POSTING, row } from "./search-index.js";

/**
 * @typedef {import("./search-index.js").Meta} Meta
 * @typedef {import("./search-index.js").Shard} Shard
 * @typedef {import("./search-index.js").DocRow} DocRow
 * @typedef {import("./search-index.js").WordsFile} WordsFile
 * @typedef {import("./search-index.js").PassageFile} PassageFile
 * @typedef {import("./search-index.js").Row} Row
 */

/**
 * One query word and the index forms tried for it, best first. A mixed word (2030년, r&d, ai반도체)
 * is tried whole, then as its ``parts``; ``alternate``: ai반도체 written apart (ai 반도체).
 * @typedef {object} Word
 * @property {string} text
 * @property {string[]} candidates
 * @property {boolean} latin
 * @property {Word[]} [parts]
 * @property {Word | null} [alternate]
 */

/**
 * The index term a word matched: its documents with weights, and each one's first passage.
 * @typedef {object} Match
 * @property {string} term
 * @property {boolean} latin
 * @property {Array<[number, number]>} docs [document, weight], by document
 * @property {Map<number, number>} where document → passage (0: title or summary)
 * @property {boolean} [phrase] one term across a space (marked whole)
 */

/**
 * A word to mark in what a hit shows.
 * @typedef {object} Needle
 * @property {string} text
 * @property {boolean} latin
 */

/**
 * A search: the words and the filters (as the page's address names them).
 * @typedef {object} Params
 * @property {string} q
 * @property {string} [topics]
 * @property {string} [regions]
 * @property {string} [years]
 * @property {string} [sort] "newest", or relevance
 */

/**
 * @typedef {"topics" | "regions" | "years"} Kind
 */

/**
 * What a search found: document numbers best first (after the filters), every document matched
 * before the filters (``matched``, ``ranked`` in the hits' order), the words to mark, each
 * document's score, and the body passage a hit shows (0: its summary).
 * @typedef {object} Result
 * @property {Meta} meta
 * @property {number[]} hits
 * @property {Needle[]} needles
 * @property {Set<number>} matched
 * @property {number[]} ranked
 * @property {Map<number, number>} scores
 * @property {string[]} terms the index terms matched
 * @property {(doc: number) => number} passage
 */

/**
 * Reads one index file (a path under the index folder) as JSON; ``signal`` may cancel it.
 * @typedef {(rel: string, signal?: AbortSignal) => Promise<any>} Loader
 */

export const HANGUL = /^[\uac00-\ud7a3]/;
const MODIFIER_FINAL = 4; /* ㄴ as a syllable's final consonant: (code - 0xAC00) % 28 */
const LATIN = /^[a-z\u00df-\u024f]/;
const TOKEN = /[\uac00-\ud7a3]+|[a-z\u00df-\u024f]+|[0-9]+/g;
/* A word of letters, digits and Hangul joined by & - . with a % at its end (briefkit/search/forms.py). */
const COMPACT = /[0-9a-z\u00df-\u024f\uac00-\ud7a3]+(?:[&\-.][0-9a-z\u00df-\u024f\uac00-\ud7a3]+)*%?/g;
export const INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ";
const MEDIALS = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ";
const FINALS = ["", "ㄱ", "ㄲ", "ㄳ", "ㄴ", "ㄵ", "ㄶ", "ㄷ", "ㄹ", "ㄺ", "ㄻ", "ㄼ", "ㄽ", "ㄾ", "ㄿ", "ㅀ", "ㅁ", "ㅂ",
  "ㅄ", "ㅅ", "ㅆ", "ㅇ", "ㅈ", "ㅊ", "ㅋ", "ㅌ", "ㅍ", "ㅎ"];
const TERMS = 5; /* index terms an initials query takes, most briefs first (exact initials before longer) */
const TITLE_BONUS = 1000; /* a title holding the initials ranks first */
const OFFERS = 3; /* corrections offered for a query with no hits */
const LATIN_KEY = 3; /* as briefkit/search/writer.py's LATIN_KEY */
const WEIGHT_MAX = 255; /* writer.py's: the exact form of a word ranks above its other writing (merge) */
const LATIN_WORD = /^[a-z\u00df-\u024f]{2,}$/; /* analysis.LATIN_WORD */
const KOREAN_WORD = /^[\uac00-\ud7a3]+$/;
/** @type {Kind[]} */
export const KINDS = ["topics", "regions", "years"];

/**
 * FNV-1a over UTF-8 of the term's shard key, as writer.py's bucket().
 * @param {string} term
 * @param {number} shards
 */
export function bucket(term, shards) {
  const key = LATIN.test(term) ? term.slice(0, LATIN_KEY) : term;
  const bytes = new TextEncoder().encode(key);
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193) >>> 0;
  return h % shards;
}

/**
 * Document numbers from their deltas.
 * @param {number[]} values
 */
function undelta(values) {
  /** @type {number[]} */
  const out = [];
  let doc = 0;
  for (const value of values) out.push(doc += value);
  return out;
}

/**
 * More than one script run, or a joiner or a %: 2030년, r&d, ai반도체, low-carbon (forms.mixed).
 * @param {string} word
 */
function mixed(word) {
  return /[%&\-.]/.test(word) || (word.match(TOKEN) || []).length > 1;
}

/**
 * The initial consonant of every Hangul syllable of ``text`` (forms.initials).
 * @param {string} text
 */
export function initials(text) {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i) - 0xac00;
    if (code >= 0 && code < 11172) out += INITIALS[Math.floor(code / 588)];
  }
  return out;
}

/**
 * Each syllable as its jamo (스 → ㅅㅡ), for edit distance (forms.letters).
 * @param {string} text
 */
function letters(text) {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i) - 0xac00;
    out += code >= 0 && code < 11172
      ? INITIALS[Math.floor(code / 588)] + MEDIALS[Math.floor((code % 588) / 28)] + FINALS[code % 28] : text[i];
  }
  return out;
}

/**
 * "ㅅㅁ" → "9-6": the file of two initial consonants, "9" of one (words.initials_key).
 * @param {string} pair
 */
function initialsKey(pair) {
  return pair.slice(0, 2).split("").map((ch) => INITIALS.indexOf(ch)).join("-");
}

/**
 * The k/ files a word's neighbours are listed in (words.near_keys): its own key (first two letters
 * or initials), then the keys with its first, second or third left out; none for other words.
 * @param {string} text
 */
export function nearKeys(text) {
  const korean = /^[\uac00-\ud7a3]{2,}$/.test(text);
  if (!korean && !/^[a-z]{3,}$/.test(text)) return [];
  const units = korean ? initials(text) : text;
  const keys = [korean ? initialsKey(units) : units.slice(0, 2)];
  for (let i = 0; i < Math.min(3, units.length); i++) {
    const rest = (units.slice(0, i) + units.slice(i + 1)).slice(0, 2);
    const key = korean ? initialsKey(rest) : rest;
    if (rest && keys.indexOf(key) < 0 && (korean || rest.length === 2)) keys.push(key);
  }
  return keys;
}

/**
 * A query typed as initial consonants only (ㅅㅁㅌ ㄱㅈ).
 * @param {string} query
 */
export function allInitials(query) {
  const compact = query.replace(/\s+/g, "");
  return compact.length >= 2 && compact.split("").every((ch) => INITIALS.indexOf(ch) >= 0);
}

/**
 * Edits between a and b (insert, delete, replace, swap neighbours), at most limit + 1 (forms.distance).
 * @param {string} a
 * @param {string} b
 * @param {number} limit
 */
function distance(a, b, limit) {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  /** @type {number[]} */
  let before = [];
  /** @type {number[]} */
  let row = [];
  for (let j = 0; j <= b.length; j++) row.push(j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      let value = Math.min(row[j] + 1, current[j - 1] + 1, row[j - 1] + (a[i - 1] !== b[j - 1] ? 1 : 0));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2] + 1);
      current.push(value);
    }
    if (Math.min(...current) > limit) return limit + 1;
    before = row;
    row = current;
  }
  return Math.min(row[b.length], limit + 1);
}

/**
 * The body passage a hit shows: the one most of the query's words first stand in, the earliest on
 * a tie; 0 (the summary) when every word is in the title or summary.
 * @param {number} doc
 * @param {Match[]} matches
 */
function passageOf(doc, matches) {
  /** @type {number[]} */
  const codes = [];
  matches.forEach((m) => { const c = m.where.get(doc); if (c) codes.push(c); });
  if (!codes.length) return 0;
  /** @param {number} c */
  const count = (c) => codes.filter((x) => x === c).length;
  return codes.reduce((best, c) => (count(c) > count(best) || (count(c) === count(best) && c < best) ? c : best));
}

/**
 * @param {object} object
 * @param {string} key
 */
function has(object, key) {
  return Object.prototype.hasOwnProperty.call(object, key);
}

/**
 * Both matches as one: the documents of ``exact`` (the form as typed) first, by a weight above any
 * of ``other``'s (the same words written apart or together); marked as one phrase.
 * @param {Match | null} exact
 * @param {Match | null} other
 * @returns {Match | null}
 */
function merge(exact, other) {
  if (!exact || !other) return exact || other;
  const weights = new Map(other.docs);
  const where = new Map(other.where);
  exact.docs.forEach(([doc, weight]) => { weights.set(doc, weight + WEIGHT_MAX); where.set(doc, exact.where.get(doc) || 0); });
  const docs = Array.from(weights.entries()).sort((a, b) => a[0] - b[0]);
  return { term: exact.term, latin: false, docs: docs, where: where, phrase: true };
}

/**
 * A term's postings as a Match.
 * @param {string} term
 * @param {boolean} latin
 * @param {number[]} values
 * @returns {Match}
 */
function posting(term, latin, values) {
  /** @type {Array<[number, number]>} */
  const docs = [];
  const where = new Map();
  let doc = 0;
  for (let i = 0; i < values.length; i += POSTING) {
    doc += values[i];
    docs.push([doc, values[i + 1]]);
    where.set(doc, values[i + 2]);
  }
  return { term: term, latin: latin, docs: docs, where: where };
}

/**
 * Add each document's weight × idf to ``scores``.
 * @param {Map<number, number>} scores
 * @param {Match} found
 * @param {number} idf
 */
function addScores(scores, found, idf) {
  found.docs.forEach(([doc, weight]) => { scores.set(doc, (scores.get(doc) || 0) + weight * idf); });
}

/**
 * Ranges of ``text`` to mark: Korean and mixed terms anywhere, across a space or not (with the
 * particle or ending after them, of ``suffixes``), English stems at word starts.
 * @param {string} text
 * @param {Needle[]} needles
 * @param {string[]} suffixes
 * @returns {Array<[number, number]>}
 */
export function ranges(text, needles, suffixes) {
  const lower = text.toLowerCase();
  /** @type {Array<[number, number]>} */
  const out = [];
  needles.forEach((n) => {
    /* A stem ending in i stands for y as well (factori: factory, factories). */
    const needle = n.latin && n.text.length > 3 && n.text.slice(-1) === "i" ? n.text.slice(0, -1) : n.text;
    const ending = needle !== n.text;
    if (!needle) return;
    if (!n.latin) {
      /* Across a space either way: 스마트공장 marks 스마트 공장, ai 반도체 ai반도체. */
      const pattern = new RegExp(needle.replace(/\s+/g, "").split("")
        .map((ch) => ch.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&")).join("\\s?"), "g");
      let found;
      while ((found = pattern.exec(lower)) !== null) {
        let stop = found.index + found[0].length;
        /* The analysed form takes its particle or ending: 인력난 marks 인력난을. */
        const tail = /^[\uac00-\ud7a3]+/.exec(lower.slice(stop));
        if (tail && suffixes.indexOf(tail[0]) >= 0) stop += tail[0].length;
        out.push([found.index, stop]);
        pattern.lastIndex = stop;
      }
      return;
    }
    let at = lower.indexOf(needle);
    while (at >= 0) {
      let end = at + needle.length;
      const before = at > 0 ? lower[at - 1] : " ";
      if (/[a-z0-9]/.test(before) || (ending && !/[iy]/.test(lower[end] || ""))) {
        at = lower.indexOf(needle, at + 1);
        continue;
      }
      while (end < lower.length && /[a-z\u00df-\u024f]/.test(lower[end])) end++;
      out.push([at, end]);
      at = lower.indexOf(needle, end);
    }
  });
  out.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  /** @type {Array<[number, number]>} */
  const merged = [];
  out.forEach((r) => {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  });
  return merged;
}

/**
 * The engine of one index. ``load`` reads (and keeps) its files.
 * @param {Loader} load
 */
export function createEngine(load) {
  /** @type {Meta | null} */
  let known = null; /* meta.json, once read */

  /** @returns {Promise<Meta>} */
  async function metaFile() {
    return known = await load("meta.json");
  }

  /**
   * The display chunk that holds document ``d``.
   * @param {Meta} meta
   * @param {number} d
   */
  function chunkFile(meta, d) {
    return "d/" + Math.floor(d / meta.chunk) + ".json";
  }

  /**
   * @param {Meta} meta
   * @param {string} term
   * @param {AbortSignal} [signal]
   * @returns {Promise<Shard>}
   */
  function shard(meta, term, signal) {
    return load("t/" + bucket(term, meta.shards) + ".json", signal);
  }

  /**
   * A Korean word as typed, then without each particle or ending it may carry, longest first.
   * @param {Meta} meta
   * @param {string} token
   * @returns {Word}
   */
  function korean(meta, token) {
    /** @type {string[]} */
    const stripped = [];
    meta.suffixes.forEach((suffix) => {
      if (token.length > suffix.length && token.slice(-suffix.length) === suffix) {
        const stem = token.slice(0, -suffix.length);
        if (stripped.indexOf(stem) < 0) stripped.push(stem);
      }
    });
    stripped.sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
    return { text: token, candidates: [token].concat(stripped), latin: false };
  }

  /**
   * An English word as typed, then without each ending of the index's list (EN_ENDINGS).
   * @param {Meta} meta
   * @param {string} token
   * @returns {Word}
   */
  function english(meta, token) {
    const candidates = [token];
    meta.endings.forEach(([end, replacement]) => {
      if (token.length - end.length >= 3 && token.slice(-end.length) === end) {
        const form = token.slice(0, -end.length) + replacement;
        if (candidates.indexOf(form) < 0) candidates.push(form);
      }
    });
    return { text: token, candidates: candidates, latin: true };
  }

  /**
   * One script run as a query word; null for a one-digit number or a stop word.
   * @param {Meta} meta
   * @param {string} token
   * @returns {Word | null}
   */
  function word(meta, token) {
    if (HANGUL.test(token)) return korean(meta, token);
    if (/^[0-9]/.test(token)) return token.length >= 2 ? { text: token, candidates: [token], latin: false } : null;
    return meta.stopwords.indexOf(token) < 0 ? english(meta, token) : null;
  }

  /**
   * Query words, normalised as the index was: NFC, lower case; a mixed word (2030년, r&d) whole,
   * with its script runs as ``parts`` for when the index does not know it whole.
   * @param {Meta} meta
   * @param {string} query
   * @returns {Word[]}
   */
  function words(meta, query) {
    /** @type {Word[]} */
    const out = [];
    const tokens = query.normalize("NFC").toLowerCase().match(COMPACT) || [];
    tokens.forEach((token) => {
      if (mixed(token)) {
        const candidates = [token];
        meta.suffixes.forEach((suffix) => {
          const rest = token.slice(0, -suffix.length);
          if (token.length > suffix.length && token.slice(-suffix.length) === suffix && mixed(rest) &&
              candidates.indexOf(rest) < 0) candidates.push(rest);
        });
        const runs = token.match(TOKEN) || [];
        const parts = /** @type {Word[]} */ (runs.map((run) => word(meta, run)).filter(Boolean));
        const two = runs.length === 2 && runs.join("") === token ? pair(meta, runs[0], runs[1]) : null;
        out.push({ text: token, candidates: candidates, latin: false, parts: parts, alternate: two && two[0] });
      } else {
        const w = word(meta, token);
        if (w) out.push(w);
      }
    });
    return out;
  }

  /**
   * A Latin word and a Korean one, written apart (ai 반도체: analysis.script_pairs) and together
   * (ai반도체), the Korean word's particles stripped; null for other pairs.
   * @param {Meta} meta
   * @param {string} first
   * @param {string} second
   * @returns {[Word, Word] | null}
   */
  function pair(meta, first, second) {
    if (LATIN_WORD.test(first) && KOREAN_WORD.test(second)) {
      const ends = korean(meta, second).candidates;
      return [{ text: first + " " + second, candidates: ends.map((e) => first + " " + e), latin: false },
        { text: first + second, candidates: ends.map((e) => first + e), latin: false }];
    }
    if (KOREAN_WORD.test(first) && LATIN_WORD.test(second)) {
      return [{ text: first + " " + second, candidates: [first + " " + second], latin: false },
        { text: first + second, candidates: [first + second], latin: false }];
    }
    return null;
  }

  /**
   * Each Latin and Korean word typed apart side by side (AI 반도체): written apart, together.
   * @param {Meta} meta
   * @param {Word[]} list
   */
  function pairs(meta, list) {
    /** @type {Array<[Word, Word]>} */
    const out = [];
    for (let i = 0; i + 1 < list.length; i++) {
      const found = !list[i].parts && !list[i + 1].parts ? pair(meta, list[i].text, list[i + 1].text) : null;
      if (found) out.push(found);
    }
    return out;
  }

  /**
   * Korean words typed apart, as one word: "인내 자본" also finds 인내자본 analysed whole.
   * @param {Meta} meta
   * @param {Word[]} list
   */
  function joined(meta, list) {
    if (list.length < 2 || list.some((w) => w.latin || w.parts || !HANGUL.test(w.text))) return null;
    return korean(meta, list.map((w) => w.text).join(""));
  }

  /**
   * The index term a word matches and its postings, or null. Every form's shard is asked for at
   * once: one round trip (an English word's stem shares its shard, writer.shard_key).
   * @param {Meta} meta
   * @param {Word} w
   * @param {AbortSignal} [signal]
   * @returns {Promise<Match | null>}
   */
  async function lookup(meta, w, signal) {
    await Promise.all(w.candidates.map((c) => shard(meta, c, signal)));
    for (const candidate of w.candidates) {
      let term = candidate;
      if (w.latin) {
        const forms = (await shard(meta, term, signal)).f;
        if (has(forms, term)) term = forms[term];
      }
      const terms = (await shard(meta, term, signal)).t;
      if (has(terms, term)) return posting(term, w.latin, terms[term]);
    }
    return null;
  }

  /**
   * A Korean word the index does not know, as two it knows (경남수출 → 경남 + 수출): the longest
   * first part first, two syllables at least each, documents having both.
   * @param {Meta} meta
   * @param {Word} w
   * @param {AbortSignal} [signal]
   * @returns {Promise<Match | null>}
   */
  async function split(meta, w, signal) {
    const text = w.text;
    if (w.latin || !HANGUL.test(text)) return null;
    /** @type {Array<[Word, Word]>} */
    const splits = [];
    for (let i = text.length - 2; i >= 2; i--) {
      splits.push([{ text: text.slice(0, i), candidates: [text.slice(0, i)], latin: false }, korean(meta, text.slice(i))]);
    }
    await Promise.all(splits.map(([left, right]) =>
      Promise.all(left.candidates.concat(right.candidates).map((c) => shard(meta, c, signal)))));
    for (const [leftWord, rightWord] of splits) {
      const left = await lookup(meta, leftWord, signal);
      const right = left && await lookup(meta, rightWord, signal);
      if (!left || !right) continue;
      const weights = new Map(right.docs);
      /** @type {Array<[number, number]>} */
      const docs = left.docs.filter(([doc]) => weights.has(doc)).map(([doc, weight]) => [doc, weight + (weights.get(doc) || 0)]);
      const where = new Map();
      docs.forEach(([doc]) => { where.set(doc, left.where.get(doc) || right.where.get(doc)); });
      if (docs.length) return { term: left.term + " " + right.term, latin: false, docs: docs, where: where };
    }
    return null;
  }

  /**
   * Each value of filter ``kind``: [value, label] (a year's label is the page's to write).
   * @param {Meta} meta
   * @param {Kind} kind
   * @returns {Array<[string, string | number]>}
   */
  function facetValues(meta, kind) {
    return kind === "years" ? meta.years.map((y) => [String(y[0]), y[0]]) : meta[kind].map((e) => [e[0], e[1]]);
  }

  /**
   * The documents of one filter value.
   * @param {Meta} meta
   * @param {Kind} kind
   * @param {string} value
   * @returns {number[]}
   */
  function facetDocs(meta, kind, value) {
    if (kind === "years") {
      const year = meta.years.filter((y) => String(y[0]) === value)[0];
      /** @type {number[]} */
      const out = [];
      if (year) for (let d = year[1]; d < year[2]; d++) out.push(d);
      return out;
    }
    const entry = meta[kind].filter((e) => e[0] === value)[0];
    return entry ? undelta(entry[2]) : [];
  }

  /**
   * Each word with its match (null: none): a mixed word whole (or its other writing), else its
   * parts one by one. All the words' shards, their parts' included, are asked for at once.
   * @param {Meta} meta
   * @param {Word[]} list
   * @param {Word | null} extra looked up with them (the words typed apart, joined)
   * @param {AbortSignal} [signal]
   * @returns {Promise<Array<{word: Word, found: Match | null}>>}
   */
  async function resolved(meta, list, extra, signal) {
    list.forEach((w) => {
      (w.parts || []).concat(w.alternate ? [w.alternate] : []).forEach((part) => {
        part.candidates.forEach((c) => { shard(meta, c, signal).catch(() => {}); });
      });
    });
    const found = await Promise.all(list.concat(extra ? [extra] : []).map((w) => lookup(meta, w, signal)));
    /** @type {Array<{word: Word, found: Match | null}>} */
    const out = [];
    for (let i = 0; i < list.length; i++) {
      const w = list[i];
      if (w.alternate) found[i] = merge(found[i], await lookup(meta, w.alternate, signal));
      if (!found[i] && w.parts && w.parts.length) {
        for (const part of w.parts) {
          out.push({ word: part, found: await lookup(meta, part, signal) || await split(meta, part, signal) });
        }
      } else {
        out.push({ word: w, found: found[i] || (w.parts ? null : await split(meta, w, signal)) });
      }
    }
    if (extra) out.push({ word: extra, found: found[list.length] });
    return out;
  }

  /**
   * Left out when the index does not know it: a number, one Korean syllable (년 in "2024년"), or a
   * Korean word ending in a modifier's ㄴ (있는, 같은, 새로운, 분해된: the index holds nouns only),
   * so that a title typed as it is written finds its brief.
   * @param {Word} w
   */
  function optional(w) {
    if (w.latin) return false;
    if (/^[0-9]+$/.test(w.text) || (w.text.length === 1 && HANGUL.test(w.text))) return true;
    const last = w.text.charCodeAt(w.text.length - 1) - 0xac00;
    return /^[\uac00-\ud7a3]{2,}$/.test(w.text) && last % 28 === MODIFIER_FINAL;
  }

  /**
   * k/<key>.json; empty lists when meta.json lists no file for it (nothing is asked for).
   * @param {Meta} meta
   * @param {string} key
   * @returns {Promise<WordsFile>}
   */
  function wordsFile(meta, key) {
    /** @type {WordsFile} */
    const none = { w: [], n: [], t: [] };
    return meta.words.indexOf(key) < 0 ? Promise.resolve(none) : load("k/" + key + ".json").catch(() => none);
  }

  /**
   * @typedef {object} Scored
   * @property {Map<number, number>} scores
   * @property {Needle[]} needles
   * @property {Match[]} matches
   */

  /**
   * A query typed as initial consonants: titles holding them, index terms spelled by them.
   * @param {Meta} meta
   * @param {string} q
   * @param {AbortSignal} [signal]
   * @returns {Promise<Scored>}
   */
  async function initialsSearch(meta, q, signal) {
    const wanted = q.replace(/\s+/g, "");
    const found = await wordsFile(meta, initialsKey(wanted.slice(0, 2)));
    const listed = found.w;
    const exact = listed.filter((e) => e[0].length === wanted.length && initials(e[0]) === wanted);
    const longer = listed.filter((e) => e[0].length > wanted.length && initials(e[0]).slice(0, wanted.length) === wanted);
    const terms = exact.concat(longer).slice(0, TERMS).map((e) => e[0]);
    const matched = await Promise.all(terms.map((t) => lookup(meta, { text: t, candidates: [t], latin: false }, signal)));
    /** @type {Map<number, number>} */
    const scores = new Map();
    /** @type {Needle[]} */
    const needles = [];
    /** @type {Match[]} */
    const matches = [];
    matched.forEach((f, i) => {
      if (!f) return;
      matches.push(f);
      needles.push({ text: f.term, latin: false });
      addScores(scores, f, Math.log(1 + meta.count / f.docs.length) * (i < exact.length ? 2 : 1));
    });
    /** @type {Set<number>} */
    const titled = new Set();
    found.t.forEach((entry) => { if (entry[0].slice(0, wanted.length) === wanted) titled.add(entry[1]); });
    Array.from(titled).sort((a, b) => a - b).forEach((doc) => { scores.set(doc, (scores.get(doc) || 0) + TITLE_BONUS); });
    return { scores: scores, needles: needles, matches: matches };
  }

  /**
   * Hits for ``p``, best first (every document, newest first, when it has no words).
   * @param {Params} p
   * @param {AbortSignal} [signal] cancels the files it asks for (a query the reader typed past)
   * @returns {Promise<Result>}
   */
  async function search(p, signal) {
    const meta = await metaFile();
    const q = p.q || "";
    if (allInitials(q)) return finish(meta, p, await initialsSearch(meta, q, signal));
    /** @type {Map<number, number> | null} */
    let scores = null;
    /** @type {Needle[]} */
    const needles = [];
    /** @type {Match[]} */
    const matches = [];
    const qwords = words(meta, q);
    if (q.trim() && !qwords.length) return finish(meta, p, { scores: new Map(), needles: [], matches: [] });
    const together = joined(meta, qwords);
    const apart = pairs(meta, qwords);
    apart.forEach(([spaced, glued]) => { /* asked for with the words' shards: one round */
      spaced.candidates.concat(glued.candidates).forEach((c) => { shard(meta, c, signal).catch(() => {}); });
    });
    const list = await resolved(meta, qwords, together, signal);
    const whole = together ? /** @type {{found: Match | null}} */ (list.pop()).found : null;
    for (const { word: w, found: f } of list) {
      if (!f && optional(w)) continue;
      if (!f) { scores = new Map(); break; }
      matches.push(f);
      const idf = Math.log(1 + meta.count / f.docs.length);
      /** @type {Map<number, number>} */
      const next = new Map();
      const before = scores;
      f.docs.forEach(([doc, weight]) => {
        if (before === null) next.set(doc, weight * idf);
        else if (before.has(doc)) next.set(doc, (before.get(doc) || 0) + weight * idf);
      });
      scores = next;
      (f.phrase ? [f.term] : f.term.split(" ")).forEach((part) => { needles.push({ text: part, latin: f.latin }); });
      if (!f.latin) needles.push({ text: w.text, latin: false });
    }
    if (scores === null) {
      scores = new Map();
      if (!qwords.length) for (let d = 0; d < meta.count; d++) scores.set(d, 0);
    }
    /** @param {Match} found @param {boolean} anyDoc */
    const raise = (found, anyDoc) => {
      matches.push(found);
      needles.push({ text: found.term, latin: false });
      const idf = Math.log(1 + meta.count / found.docs.length);
      const all = /** @type {Map<number, number>} */ (scores);
      found.docs.forEach(([doc, weight]) => {
        if (anyDoc || all.has(doc)) all.set(doc, Math.max(all.get(doc) || 0, weight * idf * qwords.length));
      });
    };
    if (whole) raise(whole, true);
    for (const [spaced, glued] of apart) { /* AI 반도체: as written, first; then AI반도체 */
      const both = merge(await lookup(meta, spaced, signal), await lookup(meta, glued, signal));
      if (both) raise(both, qwords.length === 2); /* with more words, only documents that have them all */
    }
    return finish(meta, p, { scores: scores, needles: needles, matches: matches });
  }

  /**
   * @param {Meta} meta
   * @param {Params} p
   * @param {Scored} r
   * @returns {Result}
   */
  function finish(meta, p, r) {
    /** @type {Array<[number, number]>} */
    const scored = Array.from(r.scores.entries());
    scored.sort((a, b) => (p.sort === "newest" ? 0 : b[1] - a[1]) || a[0] - b[0]);
    const ranked = scored.map((h) => h[0]);
    const filters = KINDS.filter((k) => p[k]).map((k) => new Set(facetDocs(meta, k, p[k] || "")));
    const hits = ranked.filter((doc) => filters.every((f) => f.has(doc)));
    return { meta: meta, hits: hits, needles: r.needles, matched: new Set(r.scores.keys()), ranked: ranked,
      scores: r.scores, terms: r.matches.map((m) => m.term), passage: (doc) => passageOf(doc, r.matches) };
  }

  /**
   * Index words near a query word, best first: fewest edits over jamo (Korean) or letters, then
   * most briefs; read from the files of its first letters and of a typo in them (the words of words.near_keys).
   * @param {Meta} meta
   * @param {string} text
   */
  async function closest(meta, text) {
    const isKorean = HANGUL.test(text);
    const found = await Promise.all(nearKeys(text).map((key) => wordsFile(meta, key)));
    const seen = new Set();
    /** @type {Array<[string, number]>} */
    const listed = [];
    found.forEach((file) => {
      file.w.concat(file.n || []).forEach((entry) => {
        if (!seen.has(entry[0])) { seen.add(entry[0]); listed.push(entry); }
      });
    });
    const targets = (isKorean ? korean(meta, text) : english(meta, text)).candidates.map(letters); /* with and without endings */
    /** @type {Array<[number, number, string]>} */
    const ranked = [];
    listed.forEach(([candidate, briefs]) => {
      const spelled = letters(candidate);
      const most = isKorean ? (candidate.length <= 2 ? 1 : 2) : (spelled.length <= 4 ? 1 : 2);
      const best = Math.min(...targets.map((t) => distance(t, spelled, most)));
      if (best > 0 && best <= most) ranked.push([best, -briefs, candidate]);
    });
    ranked.sort((a, b) => a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0));
    return ranked.map((r) => r[2]);
  }

  /**
   * For a query with no hits: the query with each word that finds nothing replaced by a close index
   * word, those that find something, at most OFFERS.
   * @param {string} q
   * @returns {Promise<string[]>}
   */
  async function suggestions(q) {
    const meta = await metaFile();
    const text = q.normalize("NFC").toLowerCase().split(/\s+/).filter(Boolean).join(" ");
    const wrong = (await resolved(meta, words(meta, q), null)).filter((r) => !r.found && !optional(r.word))
      .map((r) => r.word.text);
    if (!wrong.length) return [];
    /** @type {Record<string, string>} */
    const best = {};
    for (let i = 1; i < wrong.length; i++) best[wrong[i]] = (await closest(meta, wrong[i]))[0] || wrong[i];
    /** @type {string[]} */
    const offers = [];
    const near = await closest(meta, wrong[0]);
    for (let k = 0; k < near.length && offers.length < OFFERS; k++) {
      let offer = text.replace(wrong[0], near[k]);
      Object.keys(best).forEach((w) => { offer = offer.replace(w, best[w]); });
      if (offers.indexOf(offer) < 0 && (await search({ q: offer })).hits.length) offers.push(offer);
    }
    return offers;
  }

  /**
   * The forms a brief must hold one of to be a fair hit for ``q`` (the benchmark's precision): the
   * words as typed, without their endings, the terms they matched (a stem, the two halves of a
   * split word), a mixed word's parts, the terms a query of initials stands for.
   * @param {string} q
   * @returns {Promise<string[]>}
   */
  async function morphemes(q) {
    const meta = await metaFile();
    if (allInitials(q)) return (await initialsSearch(meta, q)).matches.map((m) => m.term);
    const list = words(meta, q);
    const all = list.concat(...list.map((w) => w.parts || []));
    const together = joined(meta, all);
    /** @type {Set<string>} */
    const found = new Set();
    all.concat(together ? [together] : []).forEach((w) => w.candidates.forEach((c) => found.add(c)));
    for (const w of all) {
      const match = await lookup(meta, w) || await split(meta, w);
      if (match) match.term.split(" ").forEach((t) => found.add(t));
    }
    return Array.from(found).sort();
  }

  /**
   * What each of ``docs`` shows, one promise a document: the body passage ``passage(doc)`` names
   * as its excerpt (null: none; no ``passage``: titles only, as the drop-down shows), its file
   * (p/<doc>-<n>.json) asked for with the display chunk, in the same round.
   * @param {number[]} docs
   * @param {((doc: number) => number) | null} [passage]
   * @param {AbortSignal} [signal]
   * @returns {Promise<Row>[]}
   */
  function each(docs, passage, signal) {
    /** @param {Meta} meta @param {number} d @returns {Promise<Row>} */
    function one(meta, d) {
      const code = passage ? passage(d) : 0;
      /** @type {Promise<string | null>} */
      const text = code ? load(passageFile(meta, d, code), signal).then((block) => block[(code - 1) % meta.block])
        : Promise.resolve(null);
      return Promise.all([load(chunkFile(meta, d), signal), text]).then(([chunk, excerpt]) => row(chunk[d % meta.chunk], excerpt));
    }
    const meta = known;
    if (meta) return docs.map((d) => one(meta, d));
    const later = metaFile();
    return docs.map((d) => later.then((m) => one(m, d)));
  }

  /**
   * @param {Meta} meta
   * @param {number} d
   * @param {number} code one more than the passage
   */
  function passageFile(meta, d, code) {
    return "p/" + d + "-" + Math.floor((code - 1) / meta.block) + ".json";
  }

  /**
   * @param {number[]} docs
   * @param {((doc: number) => number) | null} [passage]
   * @param {AbortSignal} [signal]
   */
  function rows(docs, passage, signal) {
    return Promise.all(each(docs, passage, signal));
  }

  /**
   * The files the display of ``docs`` needs (their chunks, and with ``passage`` their excerpts).
   * @param {number[]} docs
   * @param {((doc: number) => number) | null} [passage]
   */
  async function displayFiles(docs, passage) {
    const meta = await metaFile();
    /** @type {string[]} */
    const needed = [];
    docs.forEach((d) => {
      const code = passage ? passage(d) : 0;
      [chunkFile(meta, d)].concat(code ? [passageFile(meta, d, code)] : [])
        .forEach((rel) => { if (needed.indexOf(rel) < 0) needed.push(rel); });
    });
    return needed;
  }

  return { load, search, each, rows, displayFiles, facetValues, facetDocs, suggestions, morphemes };
}

/** @typedef {ReturnType<typeof createEngine>} Engine */
