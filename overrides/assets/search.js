/*
 * The search page: reads ?q=…&topic=…&region=…&year=…&sort=…, fetches only
 * the index files it needs (meta.json, the shards of the query's words, the
 * display chunks of the hits shown) from search/index/<lang>/, and shows the
 * hits. briefkit/search/query.py does the same in Python for the tests.
 * Every text from the index reaches the page through textContent.
 */
(function () {
  "use strict";

  var root = document.getElementById("briefs-search");
  if (!root || !window.fetch) return;

  var PAGE = 10;
  var HANGUL = /^[\uac00-\ud7a3]/;
  var TOKEN = /[\uac00-\ud7a3]+|[a-z\u00df-\u024f]+|[0-9]+/g;
  var base = root.getAttribute("data-index");
  var briefs = root.getAttribute("data-briefs");
  var form = root.querySelector("form");
  var input = form.elements.q;
  var status = root.querySelector("[data-status]");
  var list = root.querySelector("[data-results]");
  var more = root.querySelector("[data-more]");
  var files = {};
  var state = { hits: [], shown: 0, needles: [], run: 0 };

  function message(name, n) {
    return (root.getAttribute("data-msg-" + name) || "").replace("{n}", String(n)).replace("{year}", String(n));
  }

  function load(rel) {
    if (!files[rel]) {
      files[rel] = fetch(base + rel).then(function (response) {
        if (!response.ok) throw new Error(rel + ": " + response.status);
        return response.json();
      });
    }
    return files[rel];
  }

  /* FNV-1a over UTF-8, as briefkit/search/writer.py's bucket(). */
  function bucket(term, shards) {
    var bytes = new TextEncoder().encode(term);
    var h = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) {
      h = Math.imul(h ^ bytes[i], 0x01000193) >>> 0;
    }
    return h % shards;
  }

  function shard(meta, term) {
    return load("t/" + bucket(term, meta.shards) + ".json");
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

  /* The index term a word matches and its postings, or null. */
  async function lookup(meta, word) {
    /* Korean forms are fetched at once (a shard or two more, one round trip less);
       English ones only when the word as typed is unknown. */
    if (!word.latin) await Promise.all(word.candidates.map(function (c) { return shard(meta, c); }));
    for (var i = 0; i < word.candidates.length; i++) {
      var term = word.candidates[i];
      if (word.latin) {
        var forms = (await shard(meta, term)).f;
        if (Object.prototype.hasOwnProperty.call(forms, term)) term = forms[term];
      }
      var terms = (await shard(meta, term)).t;
      if (Object.prototype.hasOwnProperty.call(terms, term)) {
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

  function params() {
    var url = new URLSearchParams(window.location.search);
    return {
      q: url.get("q") || "",
      topics: url.get("topic") || "",
      regions: url.get("region") || "",
      years: url.get("year") || "",
      sort: url.get("sort") === "newest" ? "newest" : ""
    };
  }

  async function search(meta, p) {
    var scores = null;
    var needles = [];
    var qwords = words(meta, p.q);
    if (p.q.trim() && !qwords.length) return { hits: [], needles: [], matched: new Set() };
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
    var hits = [];
    var filters = ["topics", "regions", "years"].filter(function (k) { return p[k]; })
      .map(function (k) { return new Set(facetDocs(meta, k, p[k])); });
    scores.forEach(function (score, doc) {
      if (filters.every(function (f) { return f.has(doc); })) hits.push([doc, score]);
    });
    hits.sort(function (a, b) { return (p.sort === "newest" ? 0 : b[1] - a[1]) || a[0] - b[0]; });
    return { hits: hits.map(function (h) { return h[0]; }), needles: needles, matched: matched };
  }

  /* Counts per filter value among the query's matches under the other filters. */
  function fillFacets(meta, p, matched) {
    ["topics", "regions", "years"].forEach(function (kind) {
      var select = root.querySelector('select[data-facet="' + kind + '"]');
      var others = ["topics", "regions", "years"].filter(function (k) { return k !== kind && p[k]; })
        .map(function (k) { return new Set(facetDocs(meta, k, p[k])); });
      var values = kind === "years"
        ? meta.years.map(function (y) { return [String(y[0]), message("year", y[0])]; })
        : meta[kind].map(function (e) { return [e[0], e[1]]; });
      while (select.options.length > 1) select.remove(1);
      values.forEach(function (v) {
        var count = facetDocs(meta, kind, v[0]).filter(function (d) {
          return matched.has(d) && others.every(function (f) { return f.has(d); });
        }).length;
        var option = document.createElement("option");
        option.value = v[0];
        option.textContent = v[1] + " (" + count + ")";
        select.appendChild(option);
      });
      select.value = p[kind];
    });
  }

  /* Ranges of ``text`` to mark: Korean terms anywhere, English stems at word starts. */
  function ranges(text, needles) {
    var lower = text.toLowerCase();
    var out = [];
    needles.forEach(function (n) {
      if (!n.text) return;
      var at = lower.indexOf(n.text);
      while (at >= 0) {
        var end = at + n.text.length;
        if (n.latin) {
          var before = at > 0 ? lower[at - 1] : " ";
          if (/[a-z0-9]/.test(before)) { at = lower.indexOf(n.text, at + 1); continue; }
          while (end < lower.length && /[a-z\u00df-\u024f]/.test(lower[end])) end++;
        }
        out.push([at, end]);
        at = lower.indexOf(n.text, end);
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

  function dateText(iso) {
    var parts = iso.split("-").map(Number);
    var date = new Date(Date.UTC(parts[0], parts[1] - 1, parts[2]));
    var locale = root.getAttribute("data-lang") === "ko" ? "ko-KR" : "en-GB";
    return date.toLocaleDateString(locale, { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
  }

  function hitElement(doc) {
    var item = document.createElement("li");
    item.setAttribute("data-result", doc[0]);
    var link = highlighted(document.createElement("a"), doc[2], state.needles);
    link.href = briefs + doc[0] + "/";
    var time = document.createElement("time");
    time.dateTime = doc[1];
    time.textContent = dateText(doc[1]);
    var summary = highlighted(document.createElement("p"), doc[3], state.needles);
    if (doc[4] !== root.getAttribute("data-lang")) {
      link.lang = doc[4];
      summary.lang = doc[4];
    }
    item.append(link, time, summary);
    return item;
  }

  async function showMore(meta) {
    var run = state.run;
    var docs = state.hits.slice(state.shown, state.shown + PAGE);
    var rows = await Promise.all(docs.map(function (d) {
      return load("d/" + Math.floor(d / meta.chunk) + ".json").then(function (chunk) { return chunk[d % meta.chunk]; });
    }));
    if (run !== state.run) return;
    rows.forEach(function (row) { list.appendChild(hitElement(row)); });
    state.shown += docs.length;
    more.hidden = state.shown >= state.hits.length;
  }

  async function update() {
    var run = ++state.run;
    var p = params();
    var started = performance.now();
    root.setAttribute("data-state", "busy");
    input.value = p.q;
    form.elements.sort.value = p.sort;
    status.textContent = message("loading");
    try {
      var meta = await load("meta.json");
      var result = await search(meta, p);
      if (run !== state.run) return;
      fillFacets(meta, p, result.matched);
      state.hits = result.hits;
      state.needles = result.needles;
      state.shown = 0;
      list.textContent = "";
      await showMore(meta);
      if (run !== state.run) return;
      var n = result.hits.length;
      status.textContent = n ? message(n === 1 ? "count-one" : "count", n) : message("none");
      root.setAttribute("data-ms", String(Math.round(performance.now() - started)));
      root.setAttribute("data-state", "done");
    } catch (error) {
      status.textContent = message("error");
      root.setAttribute("data-state", "error");
    }
  }

  function navigate() {
    var url = new URLSearchParams();
    var p = { q: input.value.trim(), topic: form.elements.topic.value, region: form.elements.region.value,
      year: form.elements.year.value, sort: form.elements.sort.value };
    Object.keys(p).forEach(function (k) { if (p[k]) url.set(k, p[k]); });
    var query = url.toString();
    window.history.pushState(null, "", window.location.pathname + (query ? "?" + query : ""));
    update();
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    navigate();
  });
  Array.prototype.forEach.call(form.querySelectorAll("select"), function (select) {
    select.addEventListener("change", navigate);
  });
  more.addEventListener("click", function () {
    root.setAttribute("data-state", "busy");
    load("meta.json").then(showMore).then(function () { root.setAttribute("data-state", "done"); });
  });
  window.addEventListener("popstate", update);
  update();
})();
