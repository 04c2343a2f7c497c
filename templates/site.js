// Legend toggles: one button per entity kind shows or hides its highlight.
// Without JavaScript the legend stays a plain key and every highlight shows.
(function () {
  "use strict";

  function setUp() {
    var article = document.querySelector("article.article");
    var legend = article && article.querySelector(".legend");
    if (!legend) {
      return;
    }
    var items = legend.querySelectorAll("li[data-kind]");
    Array.prototype.forEach.call(items, function (item) {
      var kind = item.getAttribute("data-kind");
      var button = document.createElement("button");
      button.type = "button";
      button.className = "legend-toggle";
      button.setAttribute("aria-pressed", "true");
      while (item.firstChild) {
        button.appendChild(item.firstChild);
      }
      item.appendChild(button);
      button.addEventListener("click", function () {
        var shown = button.getAttribute("aria-pressed") === "true";
        button.setAttribute("aria-pressed", shown ? "false" : "true");
        article.classList.toggle("hide-" + kind, shown);
      });
    });
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
