// Menus that the CSP keeps out of inline script. On a wide screen the workbench and
// portal menus stand open; on a phone they fold behind their 菜单 button. A group of the
// workbench menu closes when one clicks elsewhere or presses Escape.
(function () {
  var wide = window.matchMedia("(min-width: 900px)");
  document.documentElement.classList.add("js");  // the CSS hides 菜单 only when this ran

  function fit() {
    document.querySelectorAll("details.wb-menu, details.portal-menu").forEach(function (menu) {
      menu.open = wide.matches;
    });
  }

  function closeGroups(except) {
    document.querySelectorAll("details.wb-group[open]").forEach(function (group) {
      if (group !== except && !group.contains(except)) { group.open = false; }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    fit();
    if (wide.addEventListener) { wide.addEventListener("change", fit); }
    document.addEventListener("click", function (event) {
      if (wide.matches) { closeGroups(event.target.closest("details.wb-group")); }
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { closeGroups(null); }
    });
  });
})();
