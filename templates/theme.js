// The reader's theme choice (light or dark; none means "follow the system"),
// set on <html> before the first paint. Loaded without defer in <head> for
// that reason, so it stays tiny; site.js draws the toggle that changes it.
(function () {
  "use strict";
  try {
    var theme = window.localStorage.getItem("site-theme");
    if (theme === "light" || theme === "dark") {
      document.documentElement.setAttribute("data-theme", theme);
    }
  } catch (blocked) {
    // Storage refused (private mode, cookies off): the system's preference applies.
  }
})();
