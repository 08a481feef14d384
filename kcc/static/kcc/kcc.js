// Progressive enhancements only: every page works without this file.
(function () {
  "use strict";
  // After a form comes back with errors, move focus to the error summary so
  // screen reader and keyboard users hear what to fix first.
  var summary = document.getElementById("foutsamenvatting");
  if (summary) {
    summary.focus();
  }

  // "Afdrukken" buttons print the page (a letter to post); without this
  // file they stay hidden and the browser's own print does the same.
  document.querySelectorAll("[data-afdrukken]").forEach(function (knop) {
    knop.hidden = false;
    knop.addEventListener("click", function () { window.print(); });
  });

  // A websocket that comes back after a dropped connection (1 s, 2 s, 4 s ...
  // up to 30 s). onOpen gets true when it is a reconnection: the page then
  // fetches what it may have missed; a push is a convenience, never the only copy.
  // Where the websockets are served: the page's own host (in production the
  // proxy sends /ws/ to the ASGI server), or another port on the same host
  // when the page says so (a local run without a proxy).
  function websocketAdres(pad) {
    var schema = window.location.protocol === "https:" ? "wss://" : "ws://";
    var poort = document.querySelector('meta[name="kcc-websocket-poort"]');
    var host = poort ? window.location.hostname + ":" + poort.content : window.location.host;
    return schema + host + pad;
  }
  window.kccWebsocketAdres = websocketAdres;

  function verbind(pad, onBericht, onOpen) {
    var wachttijd = 1000;
    var eerder = false;
    function open() {
      var socket = new WebSocket(websocketAdres(pad));
      socket.onopen = function () {
        wachttijd = 1000;
        if (onOpen) { onOpen(eerder); }
        eerder = true;
      };
      socket.onmessage = function (e) {
        try { onBericht(JSON.parse(e.data)); } catch (fout) { /* ignore malformed */ }
      };
      socket.onclose = function (e) {
        if (e.code === 4401 || e.code === 4403) { return; }  // not allowed: stop
        setTimeout(open, wachttijd);
        wachttijd = Math.min(wachttijd * 2, 30000);
      };
    }
    if ("WebSocket" in window) { open(); }
  }
  window.kccVerbind = verbind;

  // Notices for staff: the counter in the menu and a spoken announcement.
  var meldingenLive = document.querySelector("[data-meldingen-ws]");
  if (meldingenLive) {
    // Whether the agent has typed on this page: a screen pop then offers
    // the caller's klantbeeld instead of leaving the page.
    var gewijzigd = false;
    document.addEventListener("input", function () { gewijzigd = true; });
    verbind(meldingenLive.getAttribute("data-meldingen-ws"), function (event) {
      if (event.type === "schermpop") {
        var url = String(event.url || "");
        if (url.charAt(0) !== "/" || url.charAt(1) === "/") { return; }  // own pages only
        if (!gewijzigd) { window.location.assign(url); return; }
        var pop = document.createElement("p");
        pop.className = "melding melding--waarschuwing";
        var link = document.createElement("a");
        link.href = url;
        link.textContent = event.titel;
        pop.appendChild(link);
        var hoofd = document.querySelector("main") || document.body;
        hoofd.insertBefore(pop, hoofd.firstChild);
        meldingenLive.textContent = event.titel;
        return;
      }
      if (event.type !== "melding") { return; }
      var teller = document.querySelector("[data-meldingen-teller]");
      if (teller) {
        teller.textContent = String((parseInt(teller.textContent, 10) || 0) + 1);
        teller.parentNode.hidden = false;
      }
      meldingenLive.textContent = event.titel;
    });
  }

  // The klantbeeld: a colleague's contact or a case change appears without reload.
  var klantbeeld = document.querySelector("[data-klantbeeld]");
  if (klantbeeld) {
    var melding = klantbeeld.querySelector("[data-live-melding]");
    var verversen = function () {
      fetch(klantbeeld.getAttribute("data-tijdlijn-url"), { credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
        .then(function (html) {
          var nieuw = document.createElement("template");
          nieuw.innerHTML = html;
          nieuw.content.querySelectorAll("[data-live-blok]").forEach(function (deel) {
            var doel = document.getElementById(deel.getAttribute("data-live-blok"));
            if (doel) { doel.innerHTML = deel.innerHTML; }
          });
        })
        .catch(function () { /* the next event or a reload will show it */ });
    };
    verbind("/ws/klanten/" + klantbeeld.getAttribute("data-klantbeeld") + "/", function (event) {
      if (event.tekst && melding) { melding.textContent = event.tekst; }
      verversen();
    }, function (herverbonden) {
      if (herverbonden) { verversen(); }
    });
  }

  // The contact form on the klantbeeld, in place: the knowledge search shows
  // its answers, "Gebruik dit antwoord" fills the form, and "Contact
  // vastleggen" registers the contact and refreshes the timeline and cases,
  // so nothing typed is lost, the contact's start time stays and no page
  // loads. Without this file the form posts and the page comes back the same
  // way. The handler listens on the document, so it keeps working on the
  // fresh form that replaces the old one.
  var vervangen = function (bron, id) {
    var nieuw = bron.getElementById(id);
    var oud = document.getElementById(id);
    if (nieuw && oud) { oud.innerHTML = nieuw.innerHTML; }
  };
  var kennisZoeken = function (form, knop) {
    var zoeker = form.querySelector("[data-kennis-zoeken]");
    var adres = zoeker.getAttribute("data-kennis-zoeken") +
      "?kennis=" + encodeURIComponent(form.elements.namedItem("kennis").value);
    fetch(adres, { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
      .then(function (html) {
        form.querySelector("[data-kennis-resultaten]").innerHTML = html;
        var eerste = form.querySelector("[data-kennis-resultaten] summary");
        if (eerste) { eerste.focus(); }
      })
      .catch(function () {  // then the server does it with a page load
        knop.setAttribute("data-gewoon-versturen", "");
        form.requestSubmit(knop);
      });
  };
  var kennisOvernemen = function (form, knop) {
    var velden = form.elements;
    velden.namedItem("antwoord").value = knop.getAttribute("data-antwoord");
    if (!velden.namedItem("onderwerp").value) {
      velden.namedItem("onderwerp").value = knop.getAttribute("data-onderwerp");
    }
    var product = velden.namedItem("product");
    if (product && !product.value && knop.getAttribute("data-product")) {
      product.value = knop.getAttribute("data-product");
    }
    velden.namedItem("kennisitem").value = knop.value;
    form.querySelectorAll("input[name=kennis_geholpen]").forEach(function (keuze) {
      keuze.checked = keuze.value === "ja";
    });
    velden.namedItem("antwoord").focus();
  };
  var contactVastleggen = function (form, knop) {
    var live = document.querySelector("[data-live-melding]");
    knop.disabled = true;
    fetch(form.action, {
      method: "POST", body: new FormData(form), credentials: "same-origin",
      headers: { "X-Requested-With": "fetch" }
    })
      .then(function (r) { return r.text(); })
      .then(function (html) {
        var pagina = new DOMParser().parseFromString(html, "text/html");
        var nieuwBlok = pagina.querySelector("[data-contact-blok]");
        if (!nieuwBlok) { return Promise.reject("geen klantbeeld"); }
        document.querySelector("[data-contact-blok]").replaceWith(nieuwBlok);
        var fouten = document.getElementById("foutsamenvatting");
        if (fouten) { fouten.focus(); return; }
        vervangen(pagina, "tijdlijn-blok");
        vervangen(pagina, "zaken-blok");
        var meldingen = pagina.querySelector(".meldingen");
        if (live && meldingen) { live.textContent = meldingen.textContent.trim(); }
        var zoeken = document.getElementById("kennis");
        if (zoeken) { zoeken.focus(); }
      })
      .catch(function () {  // then the form posts as without this file
        knop.disabled = false;
        knop.setAttribute("data-gewoon-versturen", "");
        form.requestSubmit(knop);
      });
  };
  document.addEventListener("submit", function (e) {
    var form = e.target;
    var knop = e.submitter;
    if (!window.fetch || !form.matches("[data-contact-formulier]") || !knop ||
        knop.hasAttribute("data-gewoon-versturen")) { return; }
    if (knop.name === "kennis_zoeken") {
      e.preventDefault();
      kennisZoeken(form, knop);
    } else if (knop.name === "kennisitem_kiezen") {
      e.preventDefault();
      kennisOvernemen(form, knop);
    } else if (knop.hasAttribute("data-contact-vastleggen")) {
      // A case to start goes on to its form: that is a page of its own.
      var vervolg = form.querySelector("input[name=vervolg]:checked, select[name=vervolg]");
      if (vervolg && vervolg.value === "zaak") { return; }
      e.preventDefault();
      contactVastleggen(form, knop);
    }
  });

  // Keyboard shortcuts for the frequent steps (listed in the workspace's
  // footer): Alt+Shift with a letter, so no single key typed in a field
  // ever triggers one (WCAG 2.1.4).
  var sneltoetsen = {
    KeyK: function () {
      var veld = document.getElementById("kennis") || document.getElementById("zoekterm");
      if (veld) { veld.focus(); veld.select(); return true; }
      return false;
    },
    KeyZ: function () {
      var veld = document.getElementById("zoekterm");
      if (veld) { veld.focus(); veld.select(); return true; }
      var terug = document.querySelector("[aria-keyshortcuts='Alt+Shift+Z']");
      if (terug) { window.location.href = terug.href; return true; }
      return false;
    },
    KeyR: function () {
      var knop = document.querySelector("[data-contact-vastleggen]");
      if (knop) { knop.form.requestSubmit(knop); return true; }
      return false;
    },
    KeyN: function () {
      var volgende = document.querySelector("[data-inbox-volgende]");
      if (volgende) { window.location.href = volgende.href; return true; }
      var inbox = document.querySelector("[data-inbox-link]");
      if (inbox) { window.location.href = inbox.href + "#volgende"; return true; }
      return false;
    }
  };
  document.addEventListener("keydown", function (e) {
    if (!e.altKey || !e.shiftKey || e.ctrlKey || e.metaKey) { return; }
    var actie = sneltoetsen[e.code];
    if (actie && actie()) { e.preventDefault(); }
  });
  if (window.location.hash === "#volgende") {
    var eerste = document.querySelector("[data-inbox-volgende]");
    if (eerste) { window.location.replace(eerste.href); }
  }

  // Chat: messages both ways over the websocket; every message is stored on
  // the server first and numbered, so after a dropped connection the client
  // asks for what came after the last number it showed. Without JavaScript
  // the form posts and the page reloads.
  var chat = document.querySelector("[data-chat-ws]");
  if (chat && window.WebSocket) {
    var lijst = chat.querySelector("[data-chat-berichten]");
    var ik = chat.getAttribute("data-chat-ik");
    var laatste = function () {
      var items = lijst.querySelectorAll("[data-volgnummer]");
      return items.length ? items[items.length - 1].getAttribute("data-volgnummer") : "0";
    };
    var tonen = function (selector, zichtbaar) {
      var el = document.querySelector(selector);
      if (el) { el.hidden = !zichtbaar; }
    };
    // The chat's state, as both sides' pages show it: accepted, the citizen
    // left (the agent wraps up), ended.
    var chatStatus = function (status) {
      var tekst = document.querySelector("[data-chat-status]");
      var voorbij = status === "beeindigd" || status === "klant_weg";
      if (voorbij && (ik === "klant" || status === "klant_weg")) {
        var invoer = chat.querySelector("[data-chat-form]");
        if (invoer) { invoer.remove(); }
      }
      if (ik === "klant" && tekst) {
        tekst.textContent = tekst.getAttribute(voorbij ? "data-tekst-beeindigd" : "data-tekst-actief");
        tonen("[data-chat-verlaten]", false);
        tonen("[data-chat-terugbellen]", false);
        tonen("[data-chat-einde]", !voorbij);
      }
      if (ik === "medewerker" && status === "klant_weg") { tonen("[data-chat-klant-weg]", true); }
    };
    var socket = null;
    var open = function () {
      socket = new WebSocket(websocketAdres(chat.getAttribute("data-chat-ws") + "?na=" + laatste()));
      socket.onmessage = function (e) {
        var event = JSON.parse(e.data);
        if (event.type === "status") { chatStatus(event.status); return; }
        if (event.type !== "bericht" || Number(event.volgnummer) <= Number(laatste())) { return; }
        // The same line as the server draws it: time, who, text.
        var li = document.createElement("li");
        li.className = "chat__bericht chat__bericht--" + event.van;
        li.setAttribute("data-volgnummer", String(event.volgnummer));
        var tijd = document.createElement("span");
        tijd.className = "chat__tijd";
        tijd.textContent = event.tijdstip;
        var van = document.createElement("span");
        van.className = "chat__van";
        van.textContent = event.van === ik ? chat.getAttribute("data-label-ik")
          : event.van === "systeem" ? "" : chat.getAttribute("data-label-ander");
        li.append(tijd, " ", van, " " + event.tekst);
        lijst.appendChild(li);
      };
      socket.onclose = function () { window.setTimeout(open, 2000); };
    };
    open();
    // Waiting too long: offer a callback after the set time (the server
    // shows it at once when the page is opened later than that).
    var terugbellen = document.querySelector("[data-chat-terugbellen]");
    if (terugbellen && terugbellen.hidden) {
      window.setTimeout(function () {
        var status = document.querySelector("[data-chat-verlaten]");
        if (status && !status.hidden) { terugbellen.hidden = false; }
      }, Number(terugbellen.getAttribute("data-over")) * 1000);
    }
    var form = chat.querySelector("[data-chat-form]");
    if (form) {
      form.addEventListener("submit", function (e) {
        var veld = form.querySelector("textarea");
        if (!socket || socket.readyState !== WebSocket.OPEN || !veld.value.trim()) { return; }
        e.preventDefault();
        socket.send(JSON.stringify({ type: "bericht", tekst: veld.value }));
        veld.value = "";
        veld.focus();
      });
    }
  }

  // The inbox and the chat queue follow every change of the one inbox (a
  // chat, e-mail, SMS, letter or contactverzoek arriving or being taken).
  // The inbox fetches its lists again, at most every two seconds, and puts
  // them in place (not while the agent is in them); the short chat queue
  // reloads.
  var wachtrij = document.querySelector("[data-chat-wachtrij]");
  if (wachtrij && meldingenLive) {
    var bezig = false;  // the agent just took something: let that page load
    document.addEventListener("submit", function () { bezig = true; });
    var lijsten = document.querySelector("[data-inbox-lijsten]");
    var gepland = false;
    var lijstenVerversen = function () {
      if (gepland) { return; }
      gepland = true;
      window.setTimeout(function () {
        if (lijsten.contains(document.activeElement)) {  // try again when focus has left
          gepland = false;
          lijsten.addEventListener("focusout", lijstenVerversen, { once: true });
          return;
        }
        fetch(window.location.href, { credentials: "same-origin" })
          .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
          .then(function (html) {
            var nieuw = new DOMParser().parseFromString(html, "text/html");
            var deel = nieuw.querySelector("[data-inbox-lijsten]");
            if (deel && !bezig) { lijsten.innerHTML = deel.innerHTML; }
          })
          .catch(function () { /* the next change or a reload shows it */ })
          .then(function () { gepland = false; });
      }, 2000);
    };
    verbind(meldingenLive.getAttribute("data-meldingen-ws"), function (event) {
      if (event.type !== "wachtrij" || bezig) { return; }
      if (lijsten) { lijstenVerversen(); } else { window.location.reload(); }
    }, function (herverbonden) {
      if (herverbonden && lijsten) { lijstenVerversen(); }
    });
  }

  // The counter: the display in the waiting room and the desks' waiting
  // list follow /ws/balie/ (ticket numbers and desk names only). A call is
  // read out through the live region; the list is fetched again.
  var scherm = document.querySelector("[data-balie-scherm]");
  var balieLijst = document.querySelector("[data-balie-live]");
  if (scherm || balieLijst) {
    var bijwerken = function () {
      var url = scherm ? scherm.getAttribute("data-balie-scherm") : balieLijst.getAttribute("data-balie-live");
      fetch(url, { credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
        .then(function (html) {
          var nieuw = document.createElement("template");
          nieuw.innerHTML = html;
          var doel = scherm ? document.getElementById("scherm-stand") : balieLijst;
          var bron = nieuw.content.querySelector(scherm ? "#scherm-stand" : "[data-balie-live]");
          if (doel && bron) { doel.innerHTML = bron.innerHTML; }
        })
        .catch(function () { /* the next event shows it */ });
    };
    verbind("/ws/balie/", function (event) {
      var oproep = document.querySelector("[data-scherm-oproep]");
      if (event.type === "oproep" && oproep) {
        oproep.textContent = event.nummer + " \u2192 " + event.balie;
      }
      bijwerken();
    }, function (herverbonden) {
      if (herverbonden) { bijwerken(); }
    });
  }

  // The wallboard: refetch its figures when something changed, at most
  // every two seconds (a busy queue sends many events); the line above the
  // workspace at most every five, and once as soon as the page is there.
  var wallboard = document.querySelector("[data-wallboard]");
  if (wallboard) {
    var direct = wallboard.hasAttribute("data-wallboard-direct");
    var gepland = false;
    var laden = function () {
      fetch(wallboard.getAttribute("data-wallboard"), { credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
        .then(function (html) {
          var nieuw = document.createElement("template");
          nieuw.innerHTML = html;
          var bron = nieuw.content.querySelector("#wallboard-stand");
          var doel = document.getElementById("wallboard-stand");
          if (bron && doel) { doel.innerHTML = bron.innerHTML; }
        })
        .catch(function () { /* the next event shows it */ });
    };
    var ophalen = function () {
      if (gepland) { return; }
      gepland = true;
      setTimeout(function () {
        gepland = false;
        laden();
      }, direct ? 5000 : 2000);
    };
    if (direct) { laden(); }
    verbind("/ws/dashboard/wallboard/", ophalen, function (herverbonden) {
      if (herverbonden) { ophalen(); }
    });
  }
})();
