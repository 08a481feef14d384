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
  function tekstVan(element) {
    return element ? element.textContent.replace(/\s+/g, " ").replace(/[:\s]+$/, "").trim() : "";
  }
  function benoemen(wortel) {
    // Rows of inlines (numbered) and editable columns of a list (by the
    // row's object, e.g. "Volgorde (Paspoort)").
    wortel.querySelectorAll(".tabular tbody td, #result_list tbody td").forEach(function (cel) {
      var naam = naamVanKolom(cel);
      if (!naam) { return; }
      var rij = cel.closest("tr");
      var rijnaam = rij && rij.closest("#result_list") ? tekstVan(rij.querySelector("th")) : "";
      var nummer = rij ? Array.prototype.indexOf.call(rij.parentNode.children, rij) + 1 : 0;
      var tekst = naam + (rijnaam ? " (" + rijnaam + ")" : nummer ? " (" + nummer + ")" : "");
      cel.querySelectorAll("input:not([type=hidden]), select, textarea").forEach(function (veld) {
        var label = veld.id && document.querySelector("label[for='" + veld.id + "']");
        if (!label && !veld.hasAttribute("aria-label")) { veld.setAttribute("aria-label", tekst); }
      });
      cel.querySelectorAll(".select2-selection[role=combobox], .select2-selection__rendered").forEach(
        function (keuze) { keuze.setAttribute("aria-label", tekst); }
      );
    });
    // A searchable select outside an inline: its field's label.
    wortel.querySelectorAll("select.admin-autocomplete").forEach(function (keuzelijst) {
      var label = keuzelijst.id && document.querySelector("label[for='" + keuzelijst.id + "']");
      var vak = keuzelijst.nextElementSibling;
      if (!label || !vak) { return; }
      vak.querySelectorAll(".select2-selection[role=combobox], .select2-selection__rendered").forEach(
        function (keuze) {
          if (!keuze.hasAttribute("aria-label")) { keuze.setAttribute("aria-label", tekstVan(label)); }
        }
      );
    });
    // A date and time field: the admin labels the pair, not its two inputs
    // ("Geclaimd op, Datum").
    wortel.querySelectorAll("p.datetime input:not([type=hidden])").forEach(function (veld) {
      if (veld.hasAttribute("aria-label") || (veld.id && document.querySelector("label[for='" + veld.id + "']"))) {
        return;
      }
      var rij = veld.closest(".form-row, .fieldBox");
      var voor = veld.previousSibling;
      while (voor && voor.nodeType !== Node.TEXT_NODE) { voor = voor.previousSibling; }
      var delen = [tekstVan(rij && rij.querySelector("label")), tekstVan(voor)].filter(Boolean);
      if (delen.length) { veld.setAttribute("aria-label", delen.join(", ")); }
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
  // The product page in tabs (WAI-ARIA tabs: arrow keys, Home and End move
  // between them): each section says its tab in a class "tab-<name>", the
  // template lists the tabs in order. A tab holding an error says so and
  // opens first; otherwise the last one chosen on this page.
  function tabbladen() {
    var bron = document.querySelector("[data-tabbladen]");
    var formulier = bron && bron.closest("form");
    if (!formulier) { return; }
    var lijst = document.createElement("div");
    lijst.className = "tabbladen";
    lijst.setAttribute("role", "tablist");
    lijst.setAttribute("aria-label", bron.getAttribute("aria-label"));
    var tabs = [], panelen = [];
    var geheugen = "tabblad:" + location.pathname;
    var gekozen = null;
    bron.querySelectorAll("li[data-tab]").forEach(function (item) {
      var naam = item.getAttribute("data-tab");
      var leden = Array.prototype.map.call(
        formulier.querySelectorAll(".tab-" + naam),
        function (deel) { return deel.closest(".inline-group") || deel; }
      );
      if (!leden.length) { return; }
      var paneel = document.createElement("div");
      paneel.id = "tabpaneel-" + naam;
      paneel.className = "tabpaneel";
      paneel.setAttribute("role", "tabpanel");
      paneel.setAttribute("tabindex", "0");
      leden[0].parentNode.insertBefore(paneel, leden[0]);
      leden.forEach(function (lid) {
        paneel.appendChild(lid);
        lid.querySelectorAll("details").forEach(function (d) { d.open = true; });
      });
      var tab = document.createElement("button");
      tab.type = "button";
      tab.id = "tab-" + naam;
      tab.setAttribute("role", "tab");
      tab.setAttribute("aria-controls", paneel.id);
      paneel.setAttribute("aria-labelledby", tab.id);
      tab.textContent = item.textContent;
      if (paneel.querySelector(".errorlist, .errornote")) {
        var fout = document.createElement("span");
        fout.className = "tabblad__fout";
        fout.textContent = " (" + (bron.getAttribute("data-fout") || "!") + ")";
        tab.appendChild(fout);
        if (gekozen === null) { gekozen = tabs.length; }
      }
      tabs.push(tab);
      panelen.push(paneel);
      lijst.appendChild(tab);
    });
    if (!tabs.length) { return; }
    function kies(i, focus) {
      tabs.forEach(function (tab, j) {
        tab.setAttribute("aria-selected", String(i === j));
        tab.tabIndex = i === j ? 0 : -1;
        panelen[j].hidden = i !== j;
      });
      try { sessionStorage.setItem(geheugen, tabs[i].id); } catch (e) { /* private mode */ }
      if (focus) { tabs[i].focus(); }
    }
    lijst.addEventListener("click", function (e) {
      var tab = e.target.closest("[role=tab]");
      if (tab) { kies(tabs.indexOf(tab), false); }
    });
    lijst.addEventListener("keydown", function (e) {
      var nu = tabs.indexOf(document.activeElement);
      if (nu < 0) { return; }
      var naar = { ArrowRight: nu + 1, ArrowLeft: nu - 1, Home: 0, End: tabs.length - 1 }[e.key];
      if (naar === undefined) { return; }
      e.preventDefault();
      kies((naar + tabs.length) % tabs.length, true);
    });
    panelen[0].parentNode.insertBefore(lijst, panelen[0]);
    if (gekozen === null) {
      var bewaard = null;
      try { bewaard = sessionStorage.getItem(geheugen); } catch (e) { /* private mode */ }
      gekozen = Math.max(0, tabs.findIndex(function (tab) { return tab.id === bewaard; }));
    }
    kies(gekozen, false);
  }
  window.addEventListener("load", function () {
    tabbladen();
    koppelVoorstel(document.getElementById("id_naam"), document.getElementById("id_code"), "-");
    // After the admin's own scripts built their widgets.
    setTimeout(function () { benoemen(document); }, 0);
  });
  document.addEventListener("formset:added", function (e) {
    setTimeout(function () { benoemen(e.target || document); }, 0);
  });
})();
