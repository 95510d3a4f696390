// Progressive enhancement of the body map: each drawn region becomes a focusable checkbox that
// mirrors the real checkbox of the same code in the list (the list alone works without script).
(function () {
  "use strict";
  var map = document.querySelector(".body-map.interactive");
  if (!map) {
    return;
  }
  document.documentElement.classList.add("body-map-js");

  function boxFor(code) {
    return document.getElementById("region-" + code);
  }

  function show(region, checked) {
    region.classList.toggle("chosen", checked);
    region.setAttribute("aria-checked", checked ? "true" : "false");
  }

  var regions = map.querySelectorAll(".region[data-region]");
  regions.forEach(function (region) {
    var box = boxFor(region.getAttribute("data-region"));
    if (!box) {
      return;
    }
    region.setAttribute("tabindex", "0");
    region.setAttribute("role", "checkbox");
    region.setAttribute("aria-label", region.getAttribute("data-label"));
    show(region, box.checked);

    function toggle() {
      box.checked = !box.checked;
      show(region, box.checked);
    }
    region.addEventListener("click", toggle);
    region.addEventListener("keydown", function (event) {
      if (event.key === " " || event.key === "Enter" || event.key === "Spacebar") {
        event.preventDefault();
        toggle();
      }
    });
    box.addEventListener("change", function () {
      show(region, box.checked);
    });
  });
})();
