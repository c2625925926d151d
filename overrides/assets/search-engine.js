/*
 * The search engine shared by the search page (search-page.js) and the header's drop-down
 * (search-suggest.js): window.BriefsSearch.engine(indexUrl) answers queries over one
 * language's index in search/index/<lang>/, fetching only the files a query needs (meta.json,
 * the shards of the query's words, the display chunks of the hits shown) and keeping every
 * file it has read, so a later query pays only for new files. One engine per index URL: the
 * page and the drop-down on the search page share their files.
 * Issue 19: each hit knows the body passage its excerpt shows (p/<doc>-<n>.json, read with its
 * display chunk), a query of initial consonants (ㅅㅁㅌㄱㅈ) matches titles and terms, a query
 * with no hits gets corrections (suggestions), from one small word list (k/<key>.json).
 * briefkit/search/query.py and hints.py do the same in Python for the tests, step for step.
 * Nothing here writes HTML: the helpers that build elements set textContent only.
 */
(function () {
  "use strict";

  var HANGUL = /^[\uac00-\ud7a3]/;
  var LATIN = /^[a-z\u00df-\u024f]/;
  var TOKEN = /[\uac00-\ud7a3]+|[a-z\u00df-\u024f]+|[0-9]+/g;
  /* A word of letters, digits and Hangul joined by & - . with a % at its end (briefkit/search/forms.py). */
  var COMPACT = /[0-9a-z\u00df-\u024f\uac00-\ud7a3]+(?:[&\-.][0-9a-z\u00df-\u024f\uac00-\ud7a3]+)*%?/g;
  var INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ";
  var MEDIALS = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ";
  var FINALS = ["", "ㄱ", "ㄲ", "ㄳ", "ㄴ", "ㄵ", "ㄶ", "ㄷ", "ㄹ", "ㄺ", "ㄻ", "ㄼ", "ㄽ", "ㄾ", "ㄿ", "ㅀ", "ㅁ", "ㅂ",
    "ㅄ", "ㅅ", "ㅆ", "ㅇ", "ㅈ", "ㅊ", "ㅋ", "ㅌ", "ㅍ", "ㅎ"];
  var TERMS = 5; /* index terms an initials query takes (hints.py) */
  var TITLE_BONUS = 1000; /* a title holding the initials ranks first */
  var OFFERS = 3; /* corrections offered for a query with no hits */
  var EXCERPT = 160; /* characters of a passage shown around its first mark */
  var LATIN_KEY = 3; /* as briefkit/search/writer.py's LATIN_KEY */
  var WEIGHT_MAX = 255; /* writer.py's: the exact form of a word ranks above its other writing (query.merge) */
  var LATIN_WORD = /^[a-z\u00df-\u024f]{2,}$/; /* analysis.LATIN_WORD */
  /* Display chunks loaded ahead at a time: of a browser's 6 connections to the site, 2 stay free
     for what the reader asks for meanwhile, and at most 4 requests are ahead of it. */
  var WARM = 4;
  var KINDS = ["topics", "regions", "years"]; /* the filters, as p names them */
  var engines = {};
  var suffixes = []; /* the particles and endings of the last index read: a marked Korean word takes its own */

  /* FNV-1a over UTF-8 of the term's shard key, as writer.py's bucket(). */
  function bucket(term, shards) {
    var key = LATIN.test(term) ? term.slice(0, LATIN_KEY) : term;
    var bytes = new TextEncoder().encode(key);
    var h = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) {
      h = Math.imul(h ^ bytes[i], 0x01000193) >>> 0;
    }
    return h % shards;
  }

  function undelta(values, step) {
    var out = [];
    var doc = 0;
    for (var i = 0; i < values.length; i += step) {
      doc += values[i];
      out.push(step === 2 ? [doc, values[i + 1]] : doc);
    }
    return out;
  }

  /* More than one script run, or a joiner or a %: 2030년, r&d, ai반도체, low-carbon (forms.mixed). */
  function mixed(word) {
    return /[%&\-.]/.test(word) || (word.match(TOKEN) || []).length > 1;
  }

  function initials(text) {
    var out = "";
    for (var i = 0; i < text.length; i++) {
      var code = text.charCodeAt(i) - 0xac00;
      if (code >= 0 && code < 11172) out += INITIALS[Math.floor(code / 588)];
    }
    return out;
  }

  /* Each syllable as its jamo (스 → ㅅㅡ), for edit distance (forms.letters). */
  function letters(text) {
    var out = "";
    for (var i = 0; i < text.length; i++) {
      var code = text.charCodeAt(i) - 0xac00;
      out += code >= 0 && code < 11172
        ? INITIALS[Math.floor(code / 588)] + MEDIALS[Math.floor((code % 588) / 28)] + FINALS[code % 28] : text[i];
    }
    return out;
  }

  /* "ㅅㅁ" → "9-6": the file of two initial consonants, "9" of one (words.initials_key). */
  function initialsKey(pair) {
    return pair.slice(0, 2).split("").map(function (ch) { return INITIALS.indexOf(ch); }).join("-");
  }

  /* The k/ files a word's neighbours are listed in (words.near_keys): its own key (first two letters
     or initials), then the keys with its first, second or third left out; none for other words. */
  function nearKeys(text) {
    var korean = /^[\uac00-\ud7a3]{2,}$/.test(text);
    if (!korean && !/^[a-z]{3,}$/.test(text)) return [];
    var units = korean ? initials(text) : text;
    var keys = [korean ? initialsKey(units) : units.slice(0, 2)];
    for (var i = 0; i < Math.min(3, units.length); i++) {
      var rest = (units.slice(0, i) + units.slice(i + 1)).slice(0, 2);
      var key = korean ? initialsKey(rest) : rest;
      if (rest && keys.indexOf(key) < 0 && (korean || rest.length === 2)) keys.push(key);
    }
    return keys;
  }

  function allInitials(query) {
    var compact = query.replace(/\s+/g, "");
    return compact.length >= 2 && compact.split("").every(function (ch) { return INITIALS.indexOf(ch) >= 0; });
  }

  /* Edits between a and b (insert, delete, replace, swap neighbours), at most limit + 1 (forms.distance). */
  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    var before = [];
    var row = [];
    for (var j = 0; j <= b.length; j++) row.push(j);
    for (var i = 1; i <= a.length; i++) {
      var current = [i];
      for (j = 1; j <= b.length; j++) {
        var value = Math.min(row[j] + 1, current[j - 1] + 1, row[j - 1] + (a[i - 1] !== b[j - 1] ? 1 : 0));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2] + 1);
        current.push(value);
      }
      if (Math.min.apply(null, current) > limit) return limit + 1;
      before = row;
      row = current;
    }
    return Math.min(row[b.length], limit + 1);
  }

  /* The body passage a hit shows: the one most of the query's words first stand in, the earliest
     on a tie; 0 (the summary) when every word is in the title or summary (query.passage). */
  function passageOf(doc, matches) {
    var codes = [];
    matches.forEach(function (m) { var c = m.where.get(doc); if (c) codes.push(c); });
    if (!codes.length) return 0;
    function count(c) { return codes.filter(function (x) { return x === c; }).length; }
    return codes.reduce(function (best, c) {
      return count(c) > count(best) || (count(c) === count(best) && c < best) ? c : best;
    });
  }

  function has(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
  }

  function create(base) {
    var files = {};
    var known = null; /* meta.json, once read */

    function load(rel) {
      if (!files[rel]) {
        files[rel] = fetch(base + rel).then(function (response) {
          if (!response.ok) throw new Error(rel + ": " + response.status);
          return response.json();
        });
        files[rel].catch(function () { delete files[rel]; }); /* a failed file is tried again next time */
      }
      return files[rel];
    }

    /* The display chunk that holds document ``d``. */
    function chunkFile(meta, d) {
      return "d/" + Math.floor(d / meta.chunk) + ".json";
    }

    function shard(meta, term) {
      return load("t/" + bucket(term, meta.shards) + ".json");
    }

    /* A Korean word as typed, then without each particle or ending it may carry, longest first. */
    function korean(meta, token) {
      var stripped = [];
      meta.suffixes.forEach(function (suffix) {
        if (token.length > suffix.length && token.slice(-suffix.length) === suffix) {
          var stem = token.slice(0, -suffix.length);
          if (stripped.indexOf(stem) < 0) stripped.push(stem);
        }
      });
      stripped.sort(function (a, b) { return b.length - a.length || (a < b ? -1 : a > b ? 1 : 0); });
      return { text: token, candidates: [token].concat(stripped), latin: false };
    }

    /* An English word as typed, then without each ending of the index's list (EN_ENDINGS). */
    function english(meta, token) {
      var candidates = [token];
      meta.endings.forEach(function (pair) {
        var end = pair[0];
        if (token.length - end.length >= 3 && token.slice(-end.length) === end) {
          var form = token.slice(0, -end.length) + pair[1];
          if (candidates.indexOf(form) < 0) candidates.push(form);
        }
      });
      return { text: token, candidates: candidates, latin: true };
    }

    /* One script run as a query word; null for a one-digit number or a stop word. */
    function word(meta, token) {
      if (HANGUL.test(token)) return korean(meta, token);
      if (/^[0-9]/.test(token)) return token.length >= 2 ? { text: token, candidates: [token], latin: false } : null;
      return meta.stopwords.indexOf(token) < 0 ? english(meta, token) : null;
    }

    /* Query words, normalised as the index was: NFC, lower case; a mixed word (2030년, r&d) whole,
       with its script runs as ``parts`` for when the index does not know it whole. */
    function words(meta, query) {
      var out = [];
      var tokens = query.normalize("NFC").toLowerCase().match(COMPACT) || [];
      tokens.forEach(function (token) {
        if (mixed(token)) {
          var candidates = [token];
          meta.suffixes.forEach(function (suffix) {
            var rest = token.slice(0, -suffix.length);
            if (token.length > suffix.length && token.slice(-suffix.length) === suffix && mixed(rest) &&
                candidates.indexOf(rest) < 0) candidates.push(rest);
          });
          var runs = token.match(TOKEN) || [];
          var parts = runs.map(function (run) { return word(meta, run); }).filter(Boolean);
          var two = runs.length === 2 && runs.join("") === token ? pair(meta, runs[0], runs[1]) : null;
          out.push({ text: token, candidates: candidates, latin: false, parts: parts, alternate: two && two[0] });
        } else {
          var w = word(meta, token);
          if (w) out.push(w);
        }
      });
      return out;
    }

    /* A Latin word and a Korean one, written apart (ai 반도체: analysis.script_pairs) and together
       (ai반도체), the Korean word's particles stripped; null for other pairs (query.pair). */
    function pair(meta, first, second) {
      if (LATIN_WORD.test(first) && /^[\uac00-\ud7a3]+$/.test(second)) {
        var ends = korean(meta, second).candidates;
        return [{ text: first + " " + second, candidates: ends.map(function (e) { return first + " " + e; }), latin: false },
          { text: first + second, candidates: ends.map(function (e) { return first + e; }), latin: false }];
      }
      if (/^[\uac00-\ud7a3]+$/.test(first) && LATIN_WORD.test(second)) {
        return [{ text: first + " " + second, candidates: [first + " " + second], latin: false },
          { text: first + second, candidates: [first + second], latin: false }];
      }
      return null;
    }

    /* Each Latin and Korean word typed apart side by side (AI 반도체): written apart, together (query.pairs). */
    function pairs(meta, list) {
      var out = [];
      for (var i = 0; i + 1 < list.length; i++) {
        var found = !list[i].parts && !list[i + 1].parts && pair(meta, list[i].text, list[i + 1].text);
        if (found) out.push(found);
      }
      return out;
    }

    /* Both matches as one: the documents of ``exact`` (the form as typed) first, by a weight above any
       of ``other``'s (the same words written apart or together); marked as one phrase (query.merge). */
    function merge(exact, other) {
      if (!exact || !other) return exact || other;
      var weights = new Map(other.docs);
      var where = new Map(other.where);
      exact.docs.forEach(function (dw) { weights.set(dw[0], dw[1] + WEIGHT_MAX); where.set(dw[0], exact.where.get(dw[0])); });
      var docs = Array.from(weights.entries()).sort(function (a, b) { return a[0] - b[0]; });
      return { term: exact.term, latin: false, docs: docs, where: where, phrase: true };
    }

    /* Korean words typed apart, as one word: "인내 자본" also finds 인내자본 analysed whole. */
    function joined(meta, list) {
      if (list.length < 2 || list.some(function (w) { return w.latin || w.parts || !HANGUL.test(w.text); })) return null;
      return korean(meta, list.map(function (w) { return w.text; }).join(""));
    }

    /* A term's postings: [doc, weight] pairs, and each document's first passage (writer.py). */
    function posting(term, latin, values) {
      var docs = [];
      var where = new Map();
      var doc = 0;
      for (var i = 0; i < values.length; i += 3) {
        doc += values[i];
        docs.push([doc, values[i + 1]]);
        where.set(doc, values[i + 2]);
      }
      return { term: term, latin: latin, docs: docs, where: where };
    }

    /* The index term a word matches and its postings, or null. Every form's shard is fetched
       at once: one round trip (an English word's stem shares its shard, writer.shard_key). */
    async function lookup(meta, word) {
      await Promise.all(word.candidates.map(function (c) { return shard(meta, c); }));
      for (var i = 0; i < word.candidates.length; i++) {
        var term = word.candidates[i];
        if (word.latin) {
          var forms = (await shard(meta, term)).f;
          if (has(forms, term)) term = forms[term];
        }
        var terms = (await shard(meta, term)).t;
        if (has(terms, term)) return posting(term, word.latin, terms[term]);
      }
      return null;
    }

    /* A Korean word the index does not know, as two it knows (경남수출 → 경남 + 수출): the
       longest first part first, two syllables at least each, documents having both. */
    async function split(meta, word) {
      var text = word.text;
      if (word.latin || !HANGUL.test(text)) return null;
      var pairs = [];
      for (var i = text.length - 2; i >= 2; i--) {
        pairs.push([{ text: text.slice(0, i), candidates: [text.slice(0, i)], latin: false }, korean(meta, text.slice(i))]);
      }
      await Promise.all(pairs.map(function (p) {
        return Promise.all(p[0].candidates.concat(p[1].candidates).map(function (c) { return shard(meta, c); }));
      }));
      for (var k = 0; k < pairs.length; k++) {
        var left = await lookup(meta, pairs[k][0]);
        var right = left && await lookup(meta, pairs[k][1]);
        if (!left || !right) continue;
        var weights = new Map(right.docs);
        var docs = left.docs.filter(function (dw) { return weights.has(dw[0]); })
          .map(function (dw) { return [dw[0], dw[1] + weights.get(dw[0])]; });
        var where = new Map();
        docs.forEach(function (dw) { where.set(dw[0], left.where.get(dw[0]) || right.where.get(dw[0])); });
        if (docs.length) return { term: left.term + " " + right.term, latin: false, docs: docs, where: where };
      }
      return null;
    }

    /* Each value of filter ``kind``: [value, label] (a year's label is the page's to write). */
    function facetValues(meta, kind) {
      return kind === "years" ? meta.years.map(function (y) { return [String(y[0]), y[0]]; })
        : meta[kind].map(function (e) { return [e[0], e[1]]; });
    }

    function facetDocs(meta, kind, value) {
      if (kind === "years") {
        var year = meta.years.filter(function (y) { return String(y[0]) === value; })[0];
        var out = [];
        if (year) for (var d = year[1]; d < year[2]; d++) out.push(d);
        return out;
      }
      var entry = meta[kind].filter(function (e) { return e[0] === value; })[0];
      return entry ? undelta(entry[2], 1) : [];
    }

    /* Each word with its match (null: none): a mixed word whole, or else its parts one by one. All
       the words' shards, their parts' included, are asked for at once (query.resolved). */
    async function resolved(meta, list, extra) {
      list.forEach(function (w) {
        (w.parts || []).concat(w.alternate ? [w.alternate] : []).forEach(function (part) {
          part.candidates.forEach(function (c) { shard(meta, c).catch(function () {}); });
        });
      });
      var found = await Promise.all(list.concat(extra ? [extra] : []).map(function (w) { return lookup(meta, w); }));
      var out = [];
      for (var i = 0; i < list.length; i++) {
        var w = list[i];
        if (w.alternate) found[i] = merge(found[i], await lookup(meta, w.alternate));
        if (!found[i] && w.parts && w.parts.length) {
          for (var k = 0; k < w.parts.length; k++) {
            out.push({ word: w.parts[k], found: await lookup(meta, w.parts[k]) || await split(meta, w.parts[k]) });
          }
        } else {
          out.push({ word: w, found: found[i] || (w.parts ? null : await split(meta, w)) });
        }
      }
      if (extra) out.push({ word: extra, found: found[list.length] });
      return out;
    }

    /* Left out when the index does not know it: a number, or one Korean syllable (년 in "2024년"). */
    function optional(w) {
      return !w.latin && (/^[0-9]+$/.test(w.text) || (w.text.length === 1 && HANGUL.test(w.text)));
    }

    /* k/<key>.json, the words and title initials of a key (briefkit/search/words.py); empty lists
       when meta.json lists no file for it (nothing is asked for). */
    function wordsFile(meta, key) {
      var none = { w: [], n: [], t: [] };
      return meta.words.indexOf(key) < 0 ? Promise.resolve(none) : load("k/" + key + ".json").catch(function () { return none; });
    }

    /* A query typed as initial consonants: titles holding them, index terms spelled by them (hints.py). */
    async function initialsSearch(meta, q) {
      var wanted = q.replace(/\s+/g, "");
      var key = initialsKey(wanted.slice(0, 2));
      var found = await wordsFile(meta, key);
      var listed = found.w;
      var exact = listed.filter(function (e) { return e[0].length === wanted.length && initials(e[0]) === wanted; });
      var longer = listed.filter(function (e) { return e[0].length > wanted.length && initials(e[0]).slice(0, wanted.length) === wanted; });
      var terms = exact.concat(longer).slice(0, TERMS).map(function (e) { return e[0]; });
      var matched = await Promise.all(terms.map(function (t) { return lookup(meta, { text: t, candidates: [t], latin: false }); }));
      var scores = new Map();
      var needles = [];
      var matches = [];
      matched.forEach(function (f, i) {
        if (!f) return;
        matches.push(f);
        needles.push({ text: f.term, latin: false });
        var idf = Math.log(1 + meta.count / f.docs.length);
        var boost = i < exact.length ? 2 : 1;
        f.docs.forEach(function (dw) { scores.set(dw[0], (scores.get(dw[0]) || 0) + dw[1] * idf * boost); });
      });
      var titled = new Set();
      found.t.forEach(function (entry) { if (entry[0].slice(0, wanted.length) === wanted) titled.add(entry[1]); });
      Array.from(titled).sort(function (a, b) { return a - b; }).forEach(function (doc) {
        scores.set(doc, (scores.get(doc) || 0) + TITLE_BONUS);
      });
      return { scores: scores, needles: needles, matches: matches };
    }

    /* Hits for p = {q, topics, regions, years, sort}: document numbers best first, the words
       to mark, every document the words match before the filters (``matched``, for their
       counts; ``ranked``, in the order of the hits), and ``passage(doc)``, the body passage a hit
       shows (0: its summary). */
    async function search(p) {
      var meta = known = await load("meta.json");
      suffixes = meta.suffixes;
      var q = p.q || "";
      if (allInitials(q)) return finish(meta, p, await initialsSearch(meta, q));
      var scores = null;
      var needles = [];
      var matches = [];
      var qwords = words(meta, q);
      if (q.trim() && !qwords.length) return finish(meta, p, { scores: new Map(), needles: [], matches: [] });
      var together = joined(meta, qwords);
      var apart = pairs(meta, qwords);
      apart.forEach(function (p) { /* asked for with the words' shards: one round */
        p[0].candidates.concat(p[1].candidates).forEach(function (c) { shard(meta, c).catch(function () {}); });
      });
      var list = await resolved(meta, qwords, together);
      var whole = together && list.pop().found;
      for (var i = 0; i < list.length; i++) {
        var w = list[i].word;
        var f = list[i].found;
        if (!f && optional(w)) continue;
        if (!f) { scores = new Map(); break; }
        matches.push(f);
        var idf = Math.log(1 + meta.count / f.docs.length);
        var next = new Map();
        f.docs.forEach(function (dw) {
          if (scores === null) next.set(dw[0], dw[1] * idf);
          else if (scores.has(dw[0])) next.set(dw[0], scores.get(dw[0]) + dw[1] * idf);
        });
        scores = next;
        (f.phrase ? [f.term] : f.term.split(" ")).forEach(function (part) { needles.push({ text: part, latin: f.latin }); });
        if (!f.latin) needles.push({ text: w.text, latin: false });
      }
      if (scores === null) {
        scores = new Map();
        if (!qwords.length) for (var d = 0; d < meta.count; d++) scores.set(d, 0);
      }
      if (whole) {
        matches.push(whole);
        var wholeIdf = Math.log(1 + meta.count / whole.docs.length);
        whole.docs.forEach(function (dw) {
          scores.set(dw[0], Math.max(scores.get(dw[0]) || 0, dw[1] * wholeIdf * qwords.length));
        });
        needles.push({ text: whole.term, latin: false });
      }
      for (var k = 0; k < apart.length; k++) { /* AI 반도체: as written, first; then AI반도체 */
        var both = merge(await lookup(meta, apart[k][0]), await lookup(meta, apart[k][1]));
        if (!both) continue;
        matches.push(both);
        var bothIdf = Math.log(1 + meta.count / both.docs.length);
        both.docs.forEach(function (dw) {
          if (scores.has(dw[0]) || qwords.length === 2) {
            scores.set(dw[0], Math.max(scores.get(dw[0]) || 0, dw[1] * bothIdf * qwords.length));
          }
        });
        needles.push({ text: both.term, latin: false });
      }
      return finish(meta, p, { scores: scores, needles: needles, matches: matches });
    }

    function finish(meta, p, r) {
      var matched = new Set(r.scores.keys());
      var ranked = [];
      r.scores.forEach(function (score, doc) { ranked.push([doc, score]); });
      ranked.sort(function (a, b) { return (p.sort === "newest" ? 0 : b[1] - a[1]) || a[0] - b[0]; });
      ranked = ranked.map(function (h) { return h[0]; });
      var filters = KINDS.filter(function (k) { return p[k]; })
        .map(function (k) { return new Set(facetDocs(meta, k, p[k])); });
      var hits = ranked.filter(function (doc) { return filters.every(function (f) { return f.has(doc); }); });
      return { meta: meta, hits: hits, needles: r.needles, matched: matched, ranked: ranked,
        passage: function (doc) { return passageOf(doc, r.matches); } };
    }

    /* Index words near a query word, best first: fewest edits over jamo (Korean) or letters, then
       most briefs; read from the files of its first letters and of a typo in them (hints.closest). */
    async function closest(meta, text) {
      var isKorean = HANGUL.test(text);
      var found = await Promise.all(nearKeys(text).map(function (key) { return wordsFile(meta, key); }));
      var seen = new Set();
      var listed = [];
      found.forEach(function (file) {
        file.w.concat(file.n || []).forEach(function (entry) {
          if (!seen.has(entry[0])) { seen.add(entry[0]); listed.push(entry); }
        });
      });
      var targets = (isKorean ? korean(meta, text) : english(meta, text)).candidates.map(letters); /* with and without endings */
      var ranked = [];
      listed.forEach(function (entry) {
        var spelled = letters(entry[0]);
        var most = isKorean ? (entry[0].length <= 2 ? 1 : 2) : (spelled.length <= 4 ? 1 : 2);
        var best = Math.min.apply(null, targets.map(function (t) { return distance(t, spelled, most); }));
        if (best > 0 && best <= most) ranked.push([best, -entry[1], entry[0]]);
      });
      ranked.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0); });
      return ranked.map(function (r) { return r[2]; });
    }

    /* For a query with no hits: the query with each word that finds nothing replaced by a close
       index word, those that find something, at most OFFERS (hints.suggestions). */
    async function suggestions(q) {
      var meta = await load("meta.json");
      var text = q.normalize("NFC").toLowerCase().split(/\s+/).filter(Boolean).join(" ");
      var wrong = (await resolved(meta, words(meta, q))).filter(function (r) { return !r.found && !optional(r.word); })
        .map(function (r) { return r.word.text; });
      if (!wrong.length) return [];
      var best = {};
      for (var i = 1; i < wrong.length; i++) best[wrong[i]] = (await closest(meta, wrong[i]))[0] || wrong[i];
      var offers = [];
      var near = await closest(meta, wrong[0]);
      for (var k = 0; k < near.length && offers.length < OFFERS; k++) {
        var offer = text.replace(wrong[0], near[k]);
        Object.keys(best).forEach(function (w) { offer = offer.replace(w, best[w]); });
        if (offers.indexOf(offer) < 0 && (await search({ q: offer })).hits.length) offers.push(offer);
      }
      return offers;
    }

    /* What each of ``docs`` shows, one promise a document: [id, date, title, summary, text
       language, excerpt]. The excerpt is the body passage ``passage(doc)`` names (null: none, or
       no ``passage``: the drop-down shows titles only); its file (p/<doc>-<n>.json) is asked for
       with the display chunk, in the same round. The chunks are asked for at once when meta.json
       is in (after a search, always). */
    function each(docs, passage) {
      function row(meta, d) {
        var code = passage ? passage(d) : 0;
        var text = code ? load("p/" + d + "-" + Math.floor((code - 1) / meta.block) + ".json").then(function (block) {
          return block[(code - 1) % meta.block];
        }) : null;
        return Promise.all([load(chunkFile(meta, d)), text]).then(function (both) {
          return both[0][d % meta.chunk].concat([both[1]]);
        });
      }
      if (known) return docs.map(function (d) { return row(known, d); });
      var meta = load("meta.json");
      return docs.map(function (d) { return meta.then(function (m) { return row(m, d); }); });
    }

    function rows(docs, passage) {
      return Promise.all(each(docs, passage));
    }

    /* Load what the first ``n`` hits of p need, without showing anything (as the reader types). */
    function prepare(p, n) {
      return search(p).then(function (result) { return rows(result.hits.slice(0, n), result.passage); }).catch(function () {});
    }

    /* Load the display chunks (and with ``passage``, the excerpts) of ``docs`` not yet read, WARM
       at a time while ``wanted()`` says so: what the reader may ask for next, loaded while the
       page is idle. */
    async function warm(docs, wanted, passage) {
      var meta = await load("meta.json");
      var needed = [];
      docs.forEach(function (d) {
        var code = passage ? passage(d) : 0;
        [chunkFile(meta, d)].concat(code ? ["p/" + d + "-" + Math.floor((code - 1) / meta.block) + ".json"] : [])
          .forEach(function (rel) { if (!files[rel] && needed.indexOf(rel) < 0) needed.push(rel); });
      });
      for (var i = 0; i < needed.length && wanted(); i += WARM) {
        await Promise.all(needed.slice(i, i + WARM).map(function (rel) {
          return load(rel).catch(function () {});
        }));
      }
    }

    return { load: load, search: search, each: each, rows: rows, prepare: prepare, warm: warm,
      facetValues: facetValues, facetDocs: facetDocs, suggestions: suggestions };
  }

  /* Ranges of ``text`` to mark: Korean and mixed terms anywhere, across a space or not, English stems
     at word starts. */
  function ranges(text, needles) {
    var lower = text.toLowerCase();
    var out = [];
    needles.forEach(function (n) {
      /* A stem ending in i stands for y as well (factori: factory, factories). */
      var text = n.latin && n.text.length > 3 && n.text.slice(-1) === "i" ? n.text.slice(0, -1) : n.text;
      var ending = text !== n.text;
      if (!text) return;
      if (!n.latin) {
        /* A Korean or mixed term across a space, either way: 스마트공장 marks 스마트 공장, ai 반도체 ai반도체. */
        var letters = text.replace(/\s+/g, "").split("");
        var pattern = new RegExp(letters.map(function (ch) { return ch.replace(/[.*+?^${}()|[\]\\\/-]/g, "\\$&"); })
          .join("\\s?"), "g");
        var found;
        while ((found = pattern.exec(lower)) !== null) {
          var stop = found.index + found[0].length;
          /* The analysed form takes its particle or ending: 인력난 marks 인력난을. */
          var tail = /^[\uac00-\ud7a3]+/.exec(lower.slice(stop));
          if (tail && suffixes.indexOf(tail[0]) >= 0) stop += tail[0].length;
          out.push([found.index, stop]);
          pattern.lastIndex = stop;
        }
        return;
      }
      var at = lower.indexOf(text);
      while (at >= 0) {
        var end = at + text.length;
        var before = at > 0 ? lower[at - 1] : " ";
        if (/[a-z0-9]/.test(before) || (ending && !/[iy]/.test(lower[end] || ""))) {
          at = lower.indexOf(text, at + 1);
          continue;
        }
        while (end < lower.length && /[a-z\u00df-\u024f]/.test(lower[end])) end++;
        out.push([at, end]);
        at = lower.indexOf(text, end);
      }
    });
    out.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var merged = [];
    out.forEach(function (r) {
      var last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
      else merged.push([r[0], r[1]]);
    });
    return merged;
  }

  /* ``element`` with ``text`` appended, the needles in <mark>: text nodes only. */
  function highlighted(element, text, needles) {
    var at = 0;
    ranges(text, needles).forEach(function (r) {
      if (r[0] > at) element.appendChild(document.createTextNode(text.slice(at, r[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(r[0], r[1]);
      element.appendChild(mark);
      at = r[1];
    });
    if (at < text.length) element.appendChild(document.createTextNode(text.slice(at)));
    return element;
  }

  /* A passage cut to about EXCERPT characters around its first mark, at spaces, with "…" where cut. */
  function excerpt(element, passage, needles) {
    var first = ranges(passage, needles)[0];
    var text = passage;
    if (passage.length > EXCERPT) {
      var start = first ? Math.max(0, first[0] - Math.floor(EXCERPT / 3)) : 0;
      var end = Math.min(passage.length, start + EXCERPT);
      start = Math.max(0, end - EXCERPT);
      var space = passage.indexOf(" ", start);
      if (start > 0 && space >= 0 && (!first || space < first[0])) start = space + 1;
      space = passage.lastIndexOf(" ", end);
      if (end < passage.length && space > start && (!first || space >= first[1])) end = space;
      text = (start > 0 ? "…" : "") + passage.slice(start, end) + (end < passage.length ? "…" : "");
    }
    return highlighted(element, text, needles);
  }

  /* A text fragment (#:~:text=…) for the first marked word of a passage, with the word before it
     as its prefix: the brief opens there, the word highlighted (the address, not a script: CSP). */
  function fragment(passage, needles) {
    var first = ranges(passage, needles)[0];
    if (!first) return "";
    var stop = /[\s.,;:!?()\[\]{}"'“”‘’「」『』<>·…]/;
    var start = first[0];
    var end = first[1];
    while (start > 0 && !stop.test(passage[start - 1])) start--;
    while (end < passage.length && !stop.test(passage[end])) end++;
    var before = /(\S+)\s+$/.exec(passage.slice(0, start));
    var encode = function (t) { return encodeURIComponent(t).replace(/-/g, "%2D"); };
    var prefix = before && !stop.test(before[1]) ? encode(before[1]) + "-," : "";
    return "#:~:text=" + prefix + encode(passage.slice(start, end));
  }

  var formats = {};

  function dateText(iso, lang) {
    var parts = iso.split("-").map(Number);
    if (!formats[lang]) {
      formats[lang] = new Intl.DateTimeFormat(lang === "ko" ? "ko-KR" : "en-GB",
        { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
    }
    return formats[lang].format(new Date(Date.UTC(parts[0], parts[1] - 1, parts[2])));
  }

  /* The search a search page's address asks for: ?q=…&topic=…&region=…&year=…&sort=… */
  function params(search) {
    var url = new URLSearchParams(search);
    return {
      q: url.get("q") || "",
      topics: url.get("topic") || "",
      regions: url.get("region") || "",
      years: url.get("year") || "",
      sort: url.get("sort") === "newest" ? "newest" : ""
    };
  }

  window.BriefsSearch = {
    /* The engine of the index at ``url`` (relative to the page), made once per page. */
    engine: function (url) {
      var base = new URL(url, document.baseURI).href;
      if (!engines[base]) engines[base] = create(base);
      return engines[base];
    },
    params: params,
    kinds: KINDS,
    page: 10, /* hits the search page shows at a time */
    highlighted: highlighted,
    excerpt: excerpt,
    initialsOnly: allInitials,
    /* The seam for a glossary (issue 13): the query to run on the other language's index. Topic and
       region names need nothing here, both indexes know them in both languages. */
    across: function (q) { return q; },
    fragment: fragment,
    dateText: dateText
  };

  /* The search page runs this script from its <head> with data-prepare (its index): the search in
     the address starts loading while the page is parsed and styled, and search-page.js (after
     the form) finds its files loaded. */
  var script = document.currentScript;
  var index = script && script.getAttribute("data-prepare");
  if (index) window.BriefsSearch.engine(index).prepare(params(window.location.search), window.BriefsSearch.page);
})();
