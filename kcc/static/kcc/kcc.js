// Progressive enhancements only: every page works without this file.
(function () {
  "use strict";
  // After a form comes back with errors, move focus to the error summary so
  // screen reader and keyboard users hear what to fix first.
  var summary = document.getElementById("foutsamenvatting");
  if (summary) {
    summary.focus();
  }
})();
