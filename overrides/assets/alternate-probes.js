/* Material for MkDocs 9.x requests "sitemap.xml" next to the address of every
   <link rel="alternate"> in a page, taking each for the root of another
   language version of the site (mkdocs-material#8576). On this site those
   links are the page's own language versions (hreflang) and its Atom feeds,
   so every page view would ask the server for two to four files that do not
   exist: 404s and console errors, and the 404 page downloaded each time.
   The answer would only feed Material's language-switch interception, which
   this site does not use (its switch links straight to the same page in the
   other language; instant navigation is off). So such requests fail here,
   at once and quietly, without touching the network: Material ignores a
   failed probe. Loaded before Material's bundle (main.html, site_meta). */
(function () {
  "use strict";
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  var probes = new WeakSet();

  XMLHttpRequest.prototype.open = function (method, url) {
    var path = new URL(String(url), document.baseURI).pathname;
    if (/\/sitemap\.xml$/.test(path)) {
      probes.add(this);
    } else {
      probes.delete(this);
    }
    return open.apply(this, arguments);
  };

  XMLHttpRequest.prototype.send = function () {
    if (!probes.has(this)) {
      return send.apply(this, arguments);
    }
    var request = this;
    setTimeout(function () {
      request.dispatchEvent(new ProgressEvent("error"));
      request.dispatchEvent(new ProgressEvent("loadend"));
    }, 0);
  };
})();
