/*
 * The files of one language's search index (search/index/<lang>/), as briefkit/search/writer.py
 * writes them: their shapes, in one place, for the engine (search-core.js), the browser's glue
 * (search-engine.js) and the tests under Node. The files keep positional arrays (a display chunk
 * of 1,000 documents would be ~30 % larger with names); their positions are named here only.
 */

/**
 * meta.json: what every query reads first.
 * @typedef {object} Meta
 * @property {number} version INDEX_VERSION
 * @property {string} lang
 * @property {number} count documents, numbered newest first
 * @property {number} shards term shards (t/<n>.json)
 * @property {number} chunk documents per display chunk (d/<n>.json)
 * @property {number} block passages per passage file (p/<doc>-<n>.json)
 * @property {YearRange[]} years
 * @property {Facet[]} topics
 * @property {Facet[]} regions
 * @property {string[]} suffixes Korean particles and endings, longest first
 * @property {string[]} stopwords English words left out
 * @property {Array<[string, string]>} endings English endings and what replaces them
 * @property {string[]} words the keys that have a k/<key>.json
 */

/**
 * A year: [year, first document, one past the last].
 * @typedef {[number, number, number]} YearRange
 */

/**
 * A topic or region filter: [slug, label, the deltas of its documents' numbers].
 * @typedef {[string, string, number[]]} Facet
 */

/**
 * t/<n>.json: terms → postings [doc delta, weight, passage, doc delta, …] (passage 0: title or
 * summary; else one more than the first body passage), and English word → stem (forms).
 * @typedef {object} Shard
 * @property {Record<string, number[]>} t
 * @property {Record<string, string>} f
 */

/** Values per posting in Shard.t: doc delta, weight, passage. */
export const POSTING = 3;

/**
 * A document in d/<n>.json: [id, date, title, summary, text language, updated] (the DOC_*
 * positions); updated is 1 for a brief corrected after publication (front matter ``updates``), else 0.
 * @typedef {[string, string, string, string, string, 0 | 1]} DocRow
 */
export const DOC_ID = 0;
export const DOC_DATE = 1;
export const DOC_TITLE = 2;
export const DOC_SUMMARY = 3;
export const DOC_LANG = 4;
export const DOC_UPDATED = 5;

/**
 * k/<key>.json: words by key (w) and by the keys of a typo in their first letters (n), each with
 * its number of briefs; the titles' initials from that pair on, with their document (t).
 * @typedef {object} WordsFile
 * @property {Array<[string, number]>} w
 * @property {Array<[string, number]>} [n]
 * @property {Array<[string, number]>} t
 */

/**
 * p/<doc>-<n>.json: ``block`` passages of a document's body, in order.
 * @typedef {string[]} PassageFile
 */

/**
 * What a hit shows, by name (the engine's rows; search-page.js and search-suggest.js read these).
 * @typedef {object} Row
 * @property {string} id
 * @property {string} date ISO date
 * @property {string} title
 * @property {string} summary
 * @property {string} lang the text's language (a brief without a translation shows its source)
 * @property {string | null} excerpt the body passage shown, or null (the summary is shown)
 * @property {boolean} updated corrected after publication: lists mark it ("수정됨 / Updated")
 */

/**
 * A display chunk's document as a Row.
 * @param {DocRow} doc
 * @param {string | null} excerpt
 * @returns {Row}
 */
export function row(doc, excerpt) {
  return { id: doc[DOC_ID], date: doc[DOC_DATE], title: doc[DOC_TITLE], summary: doc[DOC_SUMMARY],
    lang: doc[DOC_LANG], excerpt: excerpt, updated: doc[DOC_UPDATED] === 1 };
}
