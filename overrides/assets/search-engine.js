/*
 * The search engine shared by the search page (search-page.js) and the header's drop-down
 * (search-suggest.js): window.BriefsSearch.engine(indexUrl) answers queries over one
 * language's index in search/index/<lang>/, fetching only the files a query needs (meta.json,
 * the shards of the query's words, the display chunks of the hits shown) and keeping every
 * file it has read, so a later query pays only for new files. One engine per index URL: the
 * page and the drop-down on the search page share their files.
 * briefkit/search/query.py does the same in Python for the tests, step for step.
 * Nothing here writes HTML: the helpers that build elements set textContent only.
 */
(function () {
  "use strict";

  var HANGUL = /^[\uac00-\ud7a3]/;
  var LATIN = /^[a-z\u00df-\u024f]/;
  var TOKEN = /[\uac00-\ud7a3]+|[a-z\u00df-\u024f]+|[0-9]+/g;
  var LATIN_KEY = 3; /* as briefkit/search/writer.py's LATIN_KEY */
  /* Display chunks loaded ahead at a time: of a browser's 6 connections to the site, 2 stay free
     for what the reader asks for meanwhile, and at most 4 requests are ahead of it. */
  var WARM = 4;
  var KINDS = ["topics", "regions", "years"]; /* the filters, as p names them */
  var engines = {};

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

    /* Query words, normalised as the index was: NFC, lower case, one script a word. */
    function words(meta, query) {
      var out = [];
      var tokens = query.normalize("NFC").toLowerCase().match(TOKEN) || [];
      tokens.forEach(function (token) {
        if (HANGUL.test(token)) {
          out.push(korean(meta, token));
        } else if (/^[0-9]/.test(token)) {
          if (token.length >= 2) out.push({ text: token, candidates: [token], latin: false });
        } else if (meta.stopwords.indexOf(token) < 0) {
          out.push(english(meta, token));
        }
      });
      return out;
    }

    /* Korean words typed apart, as one word: "인내 자본" also finds 인내자본 analysed whole. */
    function joined(meta, list) {
      if (list.length < 2 || list.some(function (w) { return w.latin || !HANGUL.test(w.text); })) return null;
      return korean(meta, list.map(function (w) { return w.text; }).join(""));
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
        if (has(terms, term)) {
          return { term: term, latin: word.latin, docs: undelta(terms[term], 2) };
        }
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
        if (docs.length) return { term: left.term + " " + right.term, latin: false, docs: docs };
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

    /* Hits for p = {q, topics, regions, years, sort}: document numbers best first, the words
       to mark, and every document the words match before the filters (``matched``, for their
       counts; ``ranked``, in the order of the hits). */
    async function search(p) {
      var meta = known = await load("meta.json");
      var scores = null;
      var needles = [];
      var qwords = words(meta, p.q || "");
      if ((p.q || "").trim() && !qwords.length) return { meta: meta, hits: [], needles: [], matched: new Set() };
      var together = joined(meta, qwords);
      var found = await Promise.all(qwords.concat(together ? [together] : []).map(function (w) {
        return lookup(meta, w);
      }));
      for (var s = 0; s < qwords.length; s++) {
        if (!found[s]) found[s] = await split(meta, qwords[s]);
      }
      for (var i = 0; i < qwords.length; i++) {
        /* Left out when the index does not know it: a number, or one Korean syllable (년 in "2024년"). */
        var w = qwords[i];
        if (!found[i] && !w.latin && (/^[0-9]+$/.test(w.text) || (w.text.length === 1 && HANGUL.test(w.text)))) continue;
        if (!found[i]) { scores = new Map(); break; }
        var idf = Math.log(1 + meta.count / found[i].docs.length);
        var next = new Map();
        found[i].docs.forEach(function (dw) {
          if (scores === null) next.set(dw[0], dw[1] * idf);
          else if (scores.has(dw[0])) next.set(dw[0], scores.get(dw[0]) + dw[1] * idf);
        });
        scores = next;
        found[i].term.split(" ").forEach(function (part) { needles.push({ text: part, latin: found[i].latin }); });
        if (!found[i].latin) needles.push({ text: qwords[i].text, latin: false });
      }
      if (scores === null) {
        scores = new Map();
        if (!qwords.length) for (var d = 0; d < meta.count; d++) scores.set(d, 0);
      }
      var whole = together && found[qwords.length];
      if (whole) {
        var wholeIdf = Math.log(1 + meta.count / whole.docs.length);
        whole.docs.forEach(function (dw) {
          scores.set(dw[0], Math.max(scores.get(dw[0]) || 0, dw[1] * wholeIdf * qwords.length));
        });
        needles.push({ text: whole.term, latin: false });
      }
      var matched = new Set(scores.keys());
      var ranked = [];
      scores.forEach(function (score, doc) { ranked.push([doc, score]); });
      ranked.sort(function (a, b) { return (p.sort === "newest" ? 0 : b[1] - a[1]) || a[0] - b[0]; });
      ranked = ranked.map(function (h) { return h[0]; });
      var filters = KINDS.filter(function (k) { return p[k]; })
        .map(function (k) { return new Set(facetDocs(meta, k, p[k])); });
      var hits = ranked.filter(function (doc) { return filters.every(function (f) { return f.has(doc); }); });
      return { meta: meta, hits: hits, needles: needles, matched: matched, ranked: ranked };
    }

    /* What each of ``docs`` shows, one promise a document: [id, date, title, summary, text
       language]. The chunks are asked for at once when meta.json is in (after a search, always). */
    function each(docs) {
      function row(meta, d) {
        return load(chunkFile(meta, d)).then(function (chunk) { return chunk[d % meta.chunk]; });
      }
      if (known) return docs.map(function (d) { return row(known, d); });
      var meta = load("meta.json");
      return docs.map(function (d) { return meta.then(function (m) { return row(m, d); }); });
    }

    function rows(docs) {
      return Promise.all(each(docs));
    }

    /* Load what the first ``n`` hits of p need, without showing anything (as the reader types). */
    function prepare(p, n) {
      return search(p).then(function (result) { return rows(result.hits.slice(0, n)); }).catch(function () {});
    }

    /* Load the display chunks of ``docs`` not yet read, WARM at a time while ``wanted()`` says so:
       what the reader may ask for next, loaded while the page is idle. */
    async function warm(docs, wanted) {
      var meta = await load("meta.json");
      var chunks = [];
      docs.forEach(function (d) {
        var rel = chunkFile(meta, d);
        if (!files[rel] && chunks.indexOf(rel) < 0) chunks.push(rel);
      });
      for (var i = 0; i < chunks.length && wanted(); i += WARM) {
        await Promise.all(chunks.slice(i, i + WARM).map(function (rel) {
          return load(rel).catch(function () {});
        }));
      }
    }

    return { load: load, search: search, each: each, rows: rows, prepare: prepare, warm: warm,
      facetValues: facetValues, facetDocs: facetDocs };
  }

  /* Ranges of ``text`` to mark: Korean terms anywhere, English stems at word starts. */
  function ranges(text, needles) {
    var lower = text.toLowerCase();
    var out = [];
    needles.forEach(function (n) {
      /* A stem ending in i stands for y as well (factori: factory, factories). */
      var text = n.latin && n.text.length > 3 && n.text.slice(-1) === "i" ? n.text.slice(0, -1) : n.text;
      var ending = text !== n.text;
      if (!text) return;
      var at = lower.indexOf(text);
      while (at >= 0) {
        var end = at + text.length;
        if (n.latin) {
          var before = at > 0 ? lower[at - 1] : " ";
          if (/[a-z0-9]/.test(before) || (ending && !/[iy]/.test(lower[end] || ""))) {
            at = lower.indexOf(text, at + 1);
            continue;
          }
          while (end < lower.length && /[a-z\u00df-\u024f]/.test(lower[end])) end++;
        }
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
    dateText: dateText
  };

  /* The search page runs this script from its <head> with data-prepare (its index): the search in
     the address starts loading while the page is parsed and styled, and search-page.js (after
     the form) finds its files loaded. */
  var script = document.currentScript;
  var index = script && script.getAttribute("data-prepare");
  if (index) window.BriefsSearch.engine(index).prepare(params(window.location.search), window.BriefsSearch.page);
})();
