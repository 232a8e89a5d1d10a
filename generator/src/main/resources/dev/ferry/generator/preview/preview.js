"use strict";
// ferry preview: clicking a task (in the graph or the task list) shows its panel. Constant: the page's CSP
// allows this script by its hash and nothing else.
function ferrySelect(trigger) {
  var dag = trigger.closest(".dag");
  var panel = document.getElementById(trigger.getAttribute("data-panel"));
  if (!dag || !panel) {
    return;
  }
  dag.querySelectorAll(".task-panel").forEach(function (p) { p.hidden = true; });
  dag.querySelectorAll("[data-panel]").forEach(function (n) { n.classList.remove("selected"); });
  dag.querySelectorAll("[data-panel='" + trigger.getAttribute("data-panel") + "']").forEach(function (n) {
    n.classList.add("selected");
  });
  panel.hidden = false;
}
document.addEventListener("click", function (event) {
  var trigger = event.target.closest("[data-panel]");
  if (trigger) {
    ferrySelect(trigger);
  }
});
document.addEventListener("keydown", function (event) {
  var trigger = event.target.closest ? event.target.closest("[data-panel]") : null;
  if (trigger && (event.key === "Enter" || event.key === " ")) {
    event.preventDefault();
    ferrySelect(trigger);
  }
});
