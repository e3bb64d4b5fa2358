(function () {
  "use strict";
  var controls = document.getElementById("controls");
  if (!controls) { return; }
  var findings = Array.prototype.slice.call(document.querySelectorAll(".finding"));
  var documents = Array.prototype.slice.call(document.querySelectorAll(".document"));
  var search = document.getElementById("search");
  var shown = document.getElementById("shown");

  function checkedValues(name) {
    var values = {};
    controls.querySelectorAll("input[name='" + name + "']").forEach(function (box) {
      values[box.value] = box.checked;
    });
    return values;
  }

  function apply() {
    var severities = checkedValues("severity");
    var categories = checkedValues("category");
    var query = search.value.trim().toLowerCase();
    var total = 0;
    findings.forEach(function (finding) {
      var visible = severities[finding.dataset.severity] !== false &&
        categories[finding.dataset.category] !== false &&
        (!query || finding.textContent.toLowerCase().indexOf(query) !== -1);
      finding.hidden = !visible;
      if (visible) { total += 1; }
    });
    shown.textContent = String(total);
    // With a filter on, a section with nothing left to show is hidden whole (and its row
    // in the overview); with none, every document shows, clean ones too.
    var filtering = Boolean(query) ||
      controls.querySelectorAll("input[type='checkbox']:not(:checked)").length > 0;
    documents.forEach(function (section) {
      var all = section.querySelectorAll(".finding").length;
      var visible = section.querySelectorAll(".finding:not([hidden])").length;
      var label = section.querySelector(".doc-shown");
      if (label) { label.textContent = all ? "(" + visible + "/" + all + ")" : ""; }
      section.hidden = filtering && visible === 0;
      document.querySelectorAll("[data-doc='" + section.id + "']").forEach(function (row) {
        row.hidden = section.hidden;
      });
    });
  }

  // A link may carry a filtered view: #severity=error,warning&category=capaian&q=NIP
  function fromHash() {
    var hash = window.location.hash.slice(1);
    if (hash.indexOf("=") === -1) { return; }
    hash.split("&").forEach(function (pair) {
      var parts = pair.split("=");
      var key = decodeURIComponent(parts[0]);
      var value = decodeURIComponent(parts.slice(1).join("="));
      if (key === "q") {
        search.value = value;
      } else if (key === "severity" || key === "category") {
        var wanted = value.split(",");
        controls.querySelectorAll("input[name='" + key + "']").forEach(function (box) {
          box.checked = wanted.indexOf(box.value) !== -1;
        });
      }
    });
  }

  // Images that cannot be shown are counted, so that a broken report is noticed.
  function countBrokenImages() {
    var broken = 0;
    document.querySelectorAll("img").forEach(function (img) {
      if (!img.complete || img.naturalWidth === 0) { broken += 1; }
    });
    document.documentElement.setAttribute("data-broken-images", String(broken));
  }

  controls.hidden = false;
  controls.addEventListener("change", apply);
  search.addEventListener("input", apply);
  window.addEventListener("hashchange", function () { fromHash(); apply(); });
  window.addEventListener("load", countBrokenImages);
  fromHash();
  apply();
})();
