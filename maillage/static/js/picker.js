/* Searchable picker (core/widgets.py): turns the search box of each [data-picker] into an ARIA
   1.2 combobox with a listbox popup, fed by the JSON endpoint named in data-picker-url.
   Without this script the widget still works (a "Search" button and a <select> filled by the
   server). The chosen id is written in the widget's <select>, which the form submits and the
   server validates again. Keyboard: Down/Up move, Enter chooses, Escape closes then clears. */
(function () {
  "use strict";

  function format(template, values) {
    return template.replace(/%\((\w+)\)s/g, function (all, key) { return values[key]; });
  }

  function Picker(root) {
    var select = root.querySelector("select");
    var input = root.querySelector("input[type=search]");
    var listbox = root.querySelector("[role=listbox]");
    var status = root.querySelector("[data-picker-status]");
    var hint = root.querySelector("[data-picker-hint-text]");
    var url = root.getAttribute("data-picker-url");
    var min = parseInt(root.getAttribute("data-picker-min"), 10) || 2;
    var results = [], active = -1, timer = null, asked = 0, chosenLabel = "";

    root.classList.add("picker-enhanced");
    select.hidden = true;
    select.tabIndex = -1;
    root.querySelectorAll(".picker-button, .picker-search-label").forEach(function (el) { el.hidden = true; });
    // The field's own label now names the combobox.
    var label = select.id && document.querySelector('label[for="' + select.id + '"]');
    if (label) { label.htmlFor = input.id; }
    if (hint) { hint.textContent = root.getAttribute("data-picker-hint"); }
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listbox.id);
    var chosen = select.options[select.selectedIndex];
    if (chosen && chosen.value) {
      chosenLabel = chosen.getAttribute("data-label") || chosen.text;
      input.value = chosenLabel;
    }

    function say(text) { status.textContent = text; }

    function close() {
      listbox.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      var items = listbox.querySelectorAll("[role=option]");
      if (!items.length) { return; }
      active = (index + items.length) % items.length;
      items.forEach(function (item, i) { item.setAttribute("aria-selected", i === active ? "true" : "false"); });
      input.setAttribute("aria-activedescendant", items[active].id);
      items[active].scrollIntoView({ block: "nearest" });
    }

    function show(rows, mine) {
      results = rows;
      listbox.textContent = "";
      active = -1;
      rows.forEach(function (row, i) {
        var item = document.createElement("li");
        item.id = listbox.id + "-" + i;
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        item.className = "picker-option";
        item.textContent = row.label;
        if (row.detail || mine) {
          var detail = document.createElement("span");
          detail.className = "picker-detail";
          detail.textContent = " — " + (row.detail || root.getAttribute("data-picker-mine"));
          item.appendChild(detail);
        }
        item.addEventListener("mousedown", function (event) { event.preventDefault(); });
        item.addEventListener("click", function () { choose(i); });
        listbox.appendChild(item);
      });
      if (!rows.length) {
        var none = document.createElement("li");
        none.className = "picker-none";
        none.setAttribute("role", "presentation");
        none.textContent = root.getAttribute("data-picker-none");
        listbox.appendChild(none);
      }
      listbox.hidden = false;
      input.setAttribute("aria-expanded", rows.length ? "true" : "false");
      if (!rows.length) { say(root.getAttribute("data-picker-none")); }
      else if (rows.length === 1) { say(root.getAttribute("data-picker-one")); }
      else { say(format(root.getAttribute("data-picker-many"), { count: rows.length })); }
    }

    function fetchRows(text) {
      var ticket = ++asked;
      fetch(url + "?q=" + encodeURIComponent(text), {
        headers: { Accept: "application/json" }, credentials: "same-origin"
      }).then(function (response) {
        return response.ok ? response.json() : { results: [] };
      }).then(function (data) {
        if (ticket === asked && document.activeElement === input) { show(data.results || [], data.mine); }
      }).catch(function () { /* offline: the form still submits the typed text */ });
    }

    function choose(index) {
      var row = results[index];
      if (!row) { return; }
      var option = Array.prototype.find.call(select.options, function (o) { return o.value === row.id; });
      if (!option) {
        option = new Option(row.label, row.id);
        option.setAttribute("data-label", row.label);
        select.appendChild(option);
      }
      select.value = row.id;
      chosenLabel = row.label;
      input.value = row.label;
      close();
      say(format(root.getAttribute("data-picker-chosen"), { label: row.label }));
      select.dispatchEvent(new Event("change", { bubbles: true }));
    }

    input.addEventListener("input", function () {
      if (select.value && input.value !== chosenLabel) { select.value = ""; chosenLabel = ""; }
      clearTimeout(timer);
      var text = input.value.trim();
      if (text.length < min) { close(); say(""); return; }
      timer = setTimeout(function () { fetchRows(text); }, 200);
    });

    input.addEventListener("focus", function () {
      if (!input.value.trim()) { fetchRows(""); }
    });

    input.addEventListener("keydown", function (event) {
      var open = !listbox.hidden && results.length;
      if (event.key === "ArrowDown") {
        event.preventDefault();
        if (!open) { if (input.value.trim().length >= min) { fetchRows(input.value.trim()); } return; }
        highlight(active + 1);
      } else if (event.key === "ArrowUp") {
        if (open) { event.preventDefault(); highlight(active - 1); }
      } else if (event.key === "Enter") {
        if (open && active >= 0) { event.preventDefault(); choose(active); }
      } else if (event.key === "Escape") {
        if (!listbox.hidden) { event.preventDefault(); close(); }
        else if (input.value) { event.preventDefault(); input.value = ""; select.value = ""; chosenLabel = ""; }
      } else if (event.key === "Tab") {
        close();
      }
    });

    input.addEventListener("blur", function () { setTimeout(close, 150); });
  }

  function start(scope) {
    scope.querySelectorAll("[data-picker]:not(.picker-enhanced)").forEach(Picker);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { start(document); });
  } else { start(document); }
  document.addEventListener("htmx:load", function (event) { start(event.target); });
})();
