// The beheer's forms for screen readers: every field in a table of inline
// rows gets its column's name (the admin shows it only as the table head),
// the searchable selects get theirs, and the tooltip icons of the
// two-list widgets are named images. Progressive: the admin works without it.
(function () {
  "use strict";
  function naamVanKolom(cel) {
    var tabel = cel.closest("table");
    var koppen = tabel ? tabel.querySelectorAll("thead th") : [];
    var kop = koppen[cel.cellIndex];
    return kop ? kop.textContent.replace(/\s+/g, " ").trim() : "";
  }
  function benoemen(wortel) {
    wortel.querySelectorAll(".tabular tbody td").forEach(function (cel) {
      var naam = naamVanKolom(cel);
      if (!naam) { return; }
      var rij = cel.closest("tr");
      var nummer = rij ? Array.prototype.indexOf.call(rij.parentNode.children, rij) + 1 : 0;
      var tekst = naam + (nummer ? " (" + nummer + ")" : "");
      cel.querySelectorAll("input:not([type=hidden]), select, textarea").forEach(function (veld) {
        var label = veld.id && document.querySelector("label[for='" + veld.id + "']");
        if (!label && !veld.hasAttribute("aria-label")) { veld.setAttribute("aria-label", tekst); }
      });
      cel.querySelectorAll(".select2-selection[role=combobox], .select2-selection__rendered").forEach(
        function (keuze) { keuze.setAttribute("aria-label", tekst); }
      );
    });
    wortel.querySelectorAll("span.help-tooltip[aria-label]").forEach(function (icoon) {
      icoon.setAttribute("role", "img");
    });
  }
  // A code or key proposed from the name or the question, until the
  // beheerder types one: lower case, hyphens (codes) or underscores (keys).
  function voorstel(tekst, teken) {
    return tekst.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^a-z0-9]+/g, teken).replace(new RegExp("^" + teken + "+|" + teken + "+$", "g"), "")
      .slice(0, 40);
  }
  function koppelVoorstel(bron, doel, teken) {
    if (!bron || !doel || doel.value) { return; }
    var zelf = false;
    doel.addEventListener("input", function () { zelf = true; });
    bron.addEventListener("input", function () {
      if (!zelf) { doel.value = voorstel(bron.value, teken); }
    });
  }
  document.addEventListener("input", function (e) {
    var veld = e.target;
    if (!veld.name || !/-vraag$/.test(veld.name)) { return; }
    var sleutel = document.getElementsByName(veld.name.replace(/vraag$/, "sleutel"))[0];
    if (sleutel && (!sleutel.value || sleutel.hasAttribute("data-voorgesteld"))) {
      sleutel.value = voorstel(veld.value, "_");
      sleutel.setAttribute("data-voorgesteld", "");
    }
  });
  document.addEventListener("input", function (e) {
    if (/-sleutel$/.test(e.target.name || "")) { e.target.removeAttribute("data-voorgesteld"); }
  }, true);
  window.addEventListener("load", function () {
    koppelVoorstel(document.getElementById("id_naam"), document.getElementById("id_code"), "-");
    // After the admin's own scripts built their widgets.
    setTimeout(function () { benoemen(document); }, 0);
  });
  document.addEventListener("formset:added", function (e) {
    setTimeout(function () { benoemen(e.target || document); }, 0);
  });
})();
