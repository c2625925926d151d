/* The header's menu button (partials/header.html) opens and closes Material's navigation drawer
   (a hidden checkbox): a real button, so Tab reaches it, Enter and Space press it and screen readers
   hear "Menu, collapsed/expanded". Escape closes the drawer. Without script the button stays hidden. */
(function () {
  "use strict";
  var drawer = document.getElementById("__drawer");
  var button = document.querySelector(".briefs-menu");
  if (!drawer || !button) return;
  function sync() { button.setAttribute("aria-expanded", drawer.checked ? "true" : "false"); }
  button.hidden = false;
  button.addEventListener("click", function () { drawer.click(); });
  drawer.addEventListener("change", sync);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && drawer.checked) {
      drawer.click();
      button.focus();
    }
  });
  sync();
})();
