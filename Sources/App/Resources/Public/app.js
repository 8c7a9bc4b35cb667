// Progressive enhancement only: the pages work without it.
// Live word counts for fields with data-word-count (the id of the element that shows the count)
// and, optionally, data-word-limit. The rule is the server's (WordCounter): runs of letters or
// digits; a hyphen between letters joins ("anak-anak", "e-KTP", "COVID-19"), a dot or comma
// between digits joins ("2.340"), an apostrophe between letters joins ("Jum'at"). The server's
// count decides; this one only helps while typing.
(function () {
  var wordChar = /[\p{L}\p{N}]/u, letter = /\p{L}/u, digit = /\p{N}/u;
  function joins(before, middle, after) {
    if (middle === "-" || middle === "\u2010" || middle === "\u2011") {
      return (letter.test(before) && (letter.test(after) || digit.test(after))) || (digit.test(before) && letter.test(after));
    }
    if (middle === "." || middle === ",") return digit.test(before) && digit.test(after);
    if (middle === "'" || middle === "\u2019") return letter.test(before) && letter.test(after);
    return false;
  }
  function count(text) {
    var chars = Array.from(text), words = 0, inWord = false;
    for (var i = 0; i < chars.length; i++) {
      if (wordChar.test(chars[i])) {
        if (!inWord) words++;
        inWord = true;
      } else if (!(inWord && i + 1 < chars.length && joins(chars[i - 1], chars[i], chars[i + 1]))) {
        inWord = false;
      }
    }
    return words;
  }
  document.querySelectorAll("[data-word-count]").forEach(function (field) {
    var out = document.getElementById(field.getAttribute("data-word-count"));
    if (!out) return;
    var limit = parseInt(field.getAttribute("data-word-limit") || "0", 10);
    var update = function () {
      var n = count(field.value);
      out.textContent = limit > 0 ? n + " / " + limit : String(n);
      out.classList.toggle("over", limit > 0 && n > limit);
    };
    field.addEventListener("input", update);
    update();
  });
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
})();
