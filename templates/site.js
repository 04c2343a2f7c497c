// Legend toggles: one button per entity kind shows or hides its highlight,
// and one shows every mention rather than the first of each name. The
// choices are remembered from page to page (localStorage, where the browser
// allows it). Without JavaScript the legend stays a plain key, every kind
// shows and only first mentions are highlighted.
(function () {
  "use strict";

  var KEY = "site-builder.legend";

  function loadState() {
    // Storage may be missing, full, or throw (private windows, file:// in
    // some browsers): the toggles then simply start afresh on each page.
    try {
      var saved = JSON.parse(window.localStorage.getItem(KEY) || "{}");
      return {
        hidden: Array.isArray(saved.hidden) ? saved.hidden : [],
        all: saved.all === true
      };
    } catch (e) {
      return { hidden: [], all: false };
    }
  }

  function saveState(state) {
    try {
      window.localStorage.setItem(KEY, JSON.stringify(state));
    } catch (e) {
      // Not remembered; the page itself still follows the toggle.
    }
  }

  function toggleButton(pressed) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "legend-toggle";
    button.setAttribute("aria-pressed", pressed ? "true" : "false");
    return button;
  }

  function setUp() {
    var article = document.querySelector("article.article");
    var legend = article && article.querySelector(".legend");
    if (!legend) {
      return;
    }
    var state = loadState();
    var items = legend.querySelectorAll("li[data-kind]");
    Array.prototype.forEach.call(items, function (item) {
      var kind = item.getAttribute("data-kind");
      var hidden = state.hidden.indexOf(kind) !== -1;
      var button = toggleButton(!hidden);
      article.classList.toggle("hide-" + kind, hidden);
      while (item.firstChild) {
        button.appendChild(item.firstChild);
      }
      item.appendChild(button);
      button.addEventListener("click", function () {
        var shown = button.getAttribute("aria-pressed") === "true";
        button.setAttribute("aria-pressed", shown ? "false" : "true");
        article.classList.toggle("hide-" + kind, shown);
        var current = loadState();
        current.hidden = current.hidden.filter(function (k) { return k !== kind; });
        if (shown) {
          current.hidden.push(kind);
        }
        saveState(current);
      });
    });
    var list = legend.querySelector(".legend-kinds");
    if (list && article.querySelector(".entity[data-repeat]")) {
      var all = toggleButton(state.all);
      all.className += " legend-all";
      all.textContent = legend.getAttribute("data-label-all");
      article.classList.toggle("all-mentions", state.all);
      var item = document.createElement("li");
      item.appendChild(all);
      list.appendChild(item);
      all.addEventListener("click", function () {
        var on = all.getAttribute("aria-pressed") !== "true";
        all.setAttribute("aria-pressed", on ? "true" : "false");
        article.classList.toggle("all-mentions", on);
        var current = loadState();
        current.all = on;
        saveState(current);
      });
    }
    var hint = legend.querySelector(".legend-hint");
    if (hint) {
      hint.hidden = false;
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();

// Filter boxes of the actors and figures pages: rows that do not contain
// what the reader types are hidden, and so are groups left empty. Without
// JavaScript the box stays hidden and the lists whole.
(function () {
  "use strict";

  function fold(text) {
    // Accents and case do not matter: "equipe" finds "Équipe".
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function setUp() {
    var input = document.getElementById("list-filter");
    if (!input) {
      return;
    }
    var rows = Array.prototype.slice.call(
      document.querySelectorAll(input.getAttribute("data-rows")));
    var groups = document.querySelectorAll(input.getAttribute("data-groups"));
    var count = input.parentNode.querySelector(".list-filter-count");
    var texts = rows.map(function (row) { return fold(row.textContent); });
    function apply() {
      var words = fold(input.value).split(/\s+/).filter(Boolean);
      var shown = 0;
      rows.forEach(function (row, i) {
        var match = words.every(function (word) { return texts[i].indexOf(word) !== -1; });
        row.hidden = !match;
        shown += match ? 1 : 0;
      });
      Array.prototype.forEach.call(groups, function (group) {
        var visible = Array.prototype.some.call(
          group.querySelectorAll(input.getAttribute("data-rows")),
          function (row) { return !row.hidden; });
        group.hidden = !visible;
      });
      count.textContent = words.length ? shown + " / " + rows.length : "";
    }
    input.addEventListener("input", apply);
    input.parentNode.hidden = false;
    apply();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();

// The search page: Pagefind's JavaScript API over the index the build wrote
// in pagefind/ (docs/search.md). Every language of the index is searched:
// the page's own first, the others merged in. Without JavaScript, or opened
// from file:// (Pagefind fetches its index), the page keeps its note.
(function () {
  "use strict";

  var LIMIT = 50;

  function primaryLanguage(languages, lang) {
    // The one Pagefind itself picks for this page (its <html lang>).
    if (languages[lang]) {
      return lang;
    }
    if (languages[lang.split("-")[0]]) {
      return lang.split("-")[0];
    }
    return Object.keys(languages).sort(function (a, b) {
      return languages[b].page_count - languages[a].page_count;
    })[0];
  }

  function load(bundle) {
    var entry = fetch(bundle + "pagefind-entry.json").then(function (response) {
      if (!response.ok) {
        throw new Error("no search index");
      }
      return response.json();
    });
    return Promise.all([import(bundle + "pagefind.js"), entry]).then(function (loaded) {
      var pagefind = loaded[0];
      var languages = loaded[1].languages || {};
      var lang = (document.documentElement.getAttribute("lang") || "unknown").toLowerCase();
      var primary = primaryLanguage(languages, lang);
      var merged = Object.keys(languages).filter(function (other) {
        return other !== primary;
      }).map(function (other) {
        return pagefind.mergeIndex(bundle, { language: other });
      });
      return Promise.all(merged).then(function () { return pagefind; });
    });
  }

  function excerptNodes(excerpt) {
    // Pagefind's excerpt is escaped text with <mark> around the matches:
    // only those two kinds of node are kept.
    var template = document.createElement("template");
    template.innerHTML = excerpt;
    var out = document.createDocumentFragment();
    Array.prototype.forEach.call(template.content.childNodes, function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        out.appendChild(mark);
      } else {
        out.appendChild(document.createTextNode(node.textContent));
      }
    });
    return out;
  }

  function setUp() {
    var form = document.querySelector("form.search-page");
    if (!form) {
      return;
    }
    var bundle = new URL(form.getAttribute("data-bundle"), document.baseURI).href;
    var input = form.querySelector("input[name=q]");
    var selects = form.querySelectorAll("select[data-filter]");
    var status = document.querySelector(".search-status");
    var list = document.querySelector(".search-results");
    var note = document.querySelector(".search-needs-js");
    var params = new URLSearchParams(window.location.search);
    input.value = params.get("q") || "";
    var latest = 0;

    function label(kind) {
      return form.getAttribute("data-label-" + kind) || kind;
    }

    function chosen() {
      var filters = {};
      Array.prototype.forEach.call(selects, function (select) {
        if (select.value) {
          filters[select.getAttribute("data-filter")] = select.value;
        }
      });
      return filters;
    }

    function fillFilters(pagefind) {
      return pagefind.filters().then(function (available) {
        var any = false;
        Array.prototype.forEach.call(selects, function (select) {
          var name = select.getAttribute("data-filter");
          var values = Object.keys(available[name] || {}).sort();
          if (name === "date") {
            values.reverse();  // newest month first
          }
          values.forEach(function (value) {
            var option = document.createElement("option");
            option.value = value;
            option.textContent = name === "kind" ? label(value) : value;
            select.appendChild(option);
          });
          select.parentNode.hidden = values.length === 0;
          any = any || values.length > 0;
        });
        form.querySelector(".search-filters").hidden = !any;
      });
    }

    function show(results, total) {
      list.textContent = "";
      results.forEach(function (data) {
        var item = document.createElement("li");
        var heading = document.createElement("h2");
        var link = document.createElement("a");
        link.href = data.url;
        link.textContent = data.meta.title || data.url;
        heading.appendChild(link);
        item.appendChild(heading);
        var meta = document.createElement("p");
        meta.className = "meta";
        var kinds = (data.filters && data.filters.kind) || [];
        meta.textContent = kinds.map(label).concat(data.meta.date ? [data.meta.date] : [])
          .join(" · ");
        item.appendChild(meta);
        var excerpt = document.createElement("p");
        excerpt.className = "excerpt";
        excerpt.appendChild(excerptNodes(data.excerpt || ""));
        item.appendChild(excerpt);
        list.appendChild(item);
      });
      status.textContent = total === 0 ? form.getAttribute("data-none") :
        (total > results.length ? results.length + " / " + total : String(total));
    }

    function run(pagefind) {
      var term = input.value.trim();
      var filters = chosen();
      var ticket = ++latest;
      if (!term && Object.keys(filters).length === 0) {
        list.textContent = "";
        status.textContent = "";
        return;
      }
      var options = { filters: filters };
      if (!term) {
        options.sort = { date: "desc" };
      }
      pagefind.search(term || null, options).then(function (search) {
        if (ticket !== latest || !search) {
          return null;  // a newer search is under way
        }
        var top = search.results.slice(0, LIMIT);
        return Promise.all(top.map(function (r) { return r.data(); })).then(function (data) {
          if (ticket === latest) {
            show(data, search.results.length);
          }
        });
      });
    }

    load(bundle).then(function (pagefind) {
      note.hidden = true;
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var url = new URL(window.location.href);
        url.searchParams.set("q", input.value);
        window.history.replaceState(null, "", url.href);
        run(pagefind);
      });
      input.addEventListener("input", function () { run(pagefind); });
      Array.prototype.forEach.call(selects, function (select) {
        select.addEventListener("change", function () { run(pagefind); });
      });
      form.setAttribute("data-ready", "");
      return fillFilters(pagefind).then(function () { run(pagefind); });
    }).catch(function (problem) {
      note.hidden = false;
      if (window.console) {
        window.console.warn("Search is unavailable:", problem);
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();

// Theme toggle: auto (the system's preference) → light → dark → auto. The
// choice is kept in localStorage, and theme.js applies it on the next page
// before the first paint. Without JavaScript the button stays hidden.
(function () {
  "use strict";
  var KEY = "site-theme";
  var ORDER = ["auto", "light", "dark"];

  function stored() {
    try {
      var theme = window.localStorage.getItem(KEY);
      return theme === "light" || theme === "dark" ? theme : "auto";
    } catch (blocked) {
      return "auto";
    }
  }

  function apply(theme) {
    var root = document.documentElement;
    if (theme === "auto") {
      root.removeAttribute("data-theme");
    } else {
      root.setAttribute("data-theme", theme);
    }
    try {
      if (theme === "auto") {
        window.localStorage.removeItem(KEY);
      } else {
        window.localStorage.setItem(KEY, theme);
      }
    } catch (blocked) {
      // Not remembered: this page still changes.
    }
  }

  function setUp() {
    var button = document.querySelector(".theme-toggle");
    if (!button) {
      return;
    }
    function show(theme) {
      button.textContent = button.getAttribute("data-label") + " " +
        button.getAttribute("data-" + theme);
      button.setAttribute("data-current", theme);
    }
    // Kept here too: with storage refused, the toggle still cycles on this page.
    var current = stored();
    show(current);
    button.hidden = false;
    button.addEventListener("click", function () {
      current = ORDER[(ORDER.indexOf(current) + 1) % ORDER.length];
      apply(current);
      show(current);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();

// Cards: a first mention or a figure marker names a popover card
// (data-card). It opens on hover, on keyboard focus and on a first tap, and
// closes when the pointer or focus leaves, on Escape, or on a press
// elsewhere (manual popovers: the page decides). A second tap follows the link.
// Without JavaScript, or in a browser without popovers, the cards are never
// shown and the links lead to the actor page and the figure's row.
(function () {
  "use strict";
  var OPEN_DELAY = 120;
  var CLOSE_DELAY = 300;
  var GAP = 6;

  function setUp() {
    var holder = document.querySelector(".cards");
    if (!holder || typeof holder.showPopover !== "function" &&
        typeof HTMLElement.prototype.showPopover !== "function") {
      return;
    }
    var open = null;       // the card shown
    var opener = null;     // the mark it was opened for
    var timer = null;
    var lastPointer = "mouse";
    var counts = null;     // site-wide article counts, fetched on first use

    function cardOf(mark) {
      var id = mark.getAttribute("data-card");
      var card = id ? document.getElementById(id) : null;
      return card && card.classList.contains("card") ? card : null;
    }

    function place(card, mark) {
      var box = mark.getBoundingClientRect();
      var width = card.offsetWidth;
      var height = card.offsetHeight;
      var view = document.documentElement;
      var left = Math.max(GAP, Math.min(box.left, view.clientWidth - width - GAP));
      var top = box.bottom + GAP;
      if (top + height > view.clientHeight - GAP && box.top - height - GAP > GAP) {
        top = box.top - height - GAP;
      }
      card.style.left = left + "px";
      card.style.top = top + "px";
    }

    function fillCount(card) {
      var actor = card.getAttribute("data-card-actor");
      var slot = card.querySelector(".card-count");
      if (!actor || !slot) {
        return;
      }
      function show() {
        var entry = counts && counts[actor];
        if (!entry) {
          return;
        }
        var n = entry.articles;
        var form = "other";
        try {
          form = new Intl.PluralRules(document.documentElement.lang || "en").select(n);
        } catch (unknown) {
          form = n === 1 ? "one" : "other";
        }
        var word = slot.getAttribute("data-" + form) || slot.getAttribute("data-other");
        slot.textContent = " · " + n.toLocaleString(document.documentElement.lang || undefined) +
          " " + word;
        slot.hidden = false;
      }
      if (counts) {
        show();
        return;
      }
      // Over file:// or when the file is missing the card simply has no count.
      fetch(holder.getAttribute("data-counts")).then(function (response) {
        return response.ok ? response.json() : null;
      }).then(function (data) {
        counts = data && data.actors ? data.actors : {};
        show();
      }).catch(function () {
        counts = {};
      });
    }

    function show(mark) {
      var card = cardOf(mark);
      if (!card) {
        return;
      }
      window.clearTimeout(timer);
      if (open && open !== card && open.matches(":popover-open")) {
        open.hidePopover();
      }
      if (!card.matches(":popover-open")) {
        card.showPopover();
      }
      open = card;
      opener = mark;
      mark.setAttribute("aria-expanded", "true");
      place(card, mark);
      fillCount(card);
    }

    function hide() {
      window.clearTimeout(timer);
      if (open && open.matches(":popover-open")) {
        open.hidePopover();
      }
    }

    function later(action, delay) {
      window.clearTimeout(timer);
      timer = window.setTimeout(action, delay);
    }

    function markOf(target) {
      // Links only: a name inside another link's text is a span, and a tap there follows that link.
      return target && target.closest ? target.closest("a[data-card]") : null;
    }

    Array.prototype.forEach.call(document.querySelectorAll(".card[popover]"), function (card) {
      card.addEventListener("toggle", function (event) {
        if (event.newState === "closed" && open === card) {
          if (opener) {
            opener.setAttribute("aria-expanded", "false");
          }
          open = null;
          opener = null;
        }
      });
      card.addEventListener("mouseenter", function () { window.clearTimeout(timer); });
      card.addEventListener("mouseleave", function () { later(hide, CLOSE_DELAY); });
    });

    var body = document.querySelector("article.article") || document.body;
    var pointedAt = 0;  // when the last pointer went down: focus it gives is not the keyboard's
    document.addEventListener("pointerdown", function (event) {
      lastPointer = event.pointerType || "mouse";
      pointedAt = Date.now();
      // Manual popovers: a press outside the card and the mark it belongs to closes it.
      if (open && !open.contains(event.target) && !(opener && opener.contains(event.target))) {
        hide();
      }
    }, true);
    body.addEventListener("mouseover", function (event) {
      var mark = markOf(event.target);
      if (mark && lastPointer === "mouse") {
        later(function () { show(mark); }, OPEN_DELAY);
      }
    });
    body.addEventListener("mouseout", function (event) {
      var mark = markOf(event.target);
      if (mark && !mark.contains(event.relatedTarget)) {
        later(hide, CLOSE_DELAY);
      }
    });
    body.addEventListener("focusin", function (event) {
      var mark = markOf(event.target);
      if (mark && !(lastPointer === "touch" && Date.now() - pointedAt < 800)) {
        show(mark);
      }
    });
    body.addEventListener("focusout", function (event) {
      var mark = markOf(event.target);
      if (mark && open && !open.contains(event.relatedTarget)) {
        later(hide, CLOSE_DELAY);
      }
    });
    body.addEventListener("click", function (event) {
      var mark = markOf(event.target);
      if (!mark || lastPointer !== "touch") {
        return;
      }
      // A first tap shows the card (its link leads on); a second one follows the mark's link.
      if (open !== cardOf(mark)) {
        event.preventDefault();
        show(mark);
      }
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && open) {
        hide();
      }
    });
    window.addEventListener("scroll", function () {
      if (open && opener) {
        place(open, opener);
      }
    }, { passive: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();

// The figures explorer of a source's or a unit's pages: with JavaScript it
// reads every page of the group from its JSON (api/figures/…/<n>.json, as
// many files as pages), then searches, filters by qualifier and sorts them
// all; the static table and its page links stand aside while it shows
// results. Without JavaScript the form stays hidden and the pages are the list.
(function () {
  "use strict";

  function fold(text) {
    return (text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function cell(row, text, href) {
    var td = document.createElement("td");
    if (href) {
      var link = document.createElement("a");
      link.href = href;
      link.textContent = text;
      td.appendChild(link);
    } else {
      td.textContent = text;
    }
    row.appendChild(td);
    return td;
  }

  function setUp() {
    var form = document.querySelector("form.explorer");
    if (!form || typeof fetch !== "function") {
      return;
    }
    var input = form.querySelector("#explorer-q");
    var qualifier = form.querySelector("#explorer-qualifier");
    var order = form.querySelector("#explorer-sort");
    var status = form.querySelector(".explorer-status");
    var results = document.querySelector(".explorer-results");
    var body = results.querySelector("tbody");
    var statics = document.querySelectorAll(".explorer-static");
    var root = form.getAttribute("data-root");
    var pages = parseInt(form.getAttribute("data-pages"), 10) || 1;
    var figures = null;
    var loading = null;

    function load() {
      if (!loading) {
        var shards = [];
        for (var n = 1; n <= pages; n += 1) {
          shards.push(fetch(form.getAttribute("data-shards") + n + ".json").then(
            function (response) {
              if (!response.ok) {
                throw new Error(response.status);
              }
              return response.json();
            }));
        }
        loading = Promise.all(shards).then(function (all) {
          figures = [];
          all.forEach(function (shard) {
            shard.figures.forEach(function (figure) {
              figure.text = fold([figure.article, figure.qualifier_text, figure.value_text,
                figure.unit, figure.source, figure.sentence].join(" "));
              figures.push(figure);
            });
          });
        });
      }
      return loading;
    }

    function sorted(list) {
      var key = order.value;
      return list.slice().sort(function (a, b) {
        if (key === "largest" || key === "smallest") {
          var by = key === "largest" ? b.value - a.value : a.value - b.value;
          if (by !== 0) {
            return by;
          }
        }
        var when = (a.date || "") < (b.date || "") ? -1 : (a.date || "") > (b.date || "") ? 1 : 0;
        return key === "oldest" ? when : -when;
      });
    }

    function show() {
      var words = fold(input.value).split(/\s+/).filter(Boolean);
      var active = words.length > 0 || qualifier.value !== "" || order.value !== "newest";
      Array.prototype.forEach.call(statics, function (node) { node.hidden = active; });
      results.hidden = !active;
      if (!active) {
        status.textContent = "";
        return;
      }
      var found = figures.filter(function (figure) {
        return (!qualifier.value || figure.qualifier === qualifier.value) &&
          words.every(function (word) { return figure.text.indexOf(word) !== -1; });
      });
      body.textContent = "";
      sorted(found).forEach(function (figure) {
        var row = document.createElement("tr");
        var article = cell(row, figure.article || "", root + figure.article_href);
        if (figure.date_text) {
          var time = document.createElement("time");
          time.dateTime = figure.date || "";
          time.textContent = " " + figure.date_text;
          article.appendChild(time);
        }
        cell(row, [figure.qualifier_text, figure.value_text, figure.unit].filter(Boolean)
          .join(" "));
        cell(row, figure.source || form.getAttribute("data-unsourced"),
          figure.source_href ? root + figure.source_href : null);
        cell(row, figure.sentence).lang = figure.lang;
        body.appendChild(row);
      });
      status.textContent = form.getAttribute("data-count")
        .replace("{shown}", String(found.length)).replace("{total}", String(figures.length));
    }

    function update() {
      load().then(show).catch(function () {
        // Over file:// the browser refuses the requests: the static pages stay.
        status.textContent = "";
      });
    }

    form.addEventListener("submit", function (event) { event.preventDefault(); });
    input.addEventListener("input", update);
    qualifier.addEventListener("change", update);
    order.addEventListener("change", update);
    form.hidden = false;
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
