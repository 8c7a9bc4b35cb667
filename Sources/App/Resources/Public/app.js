// Progressive enhancement only: the pages work without it.
// Live word count for fields with data-word-count, using the same rule as the server:
// runs of letters or digits, hyphenated words counted once.
(function () {
  function count(text) {
    var m = text.match(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu);
    return m ? m.length : 0;
  }
  document.querySelectorAll("[data-word-count]").forEach(function (field) {
    var out = document.getElementById(field.getAttribute("data-word-count"));
    if (!out) return;
    var update = function () { out.textContent = count(field.value); };
    field.addEventListener("input", update);
    update();
  });
})();
