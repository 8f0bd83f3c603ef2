// Draws the pages of a review report from the data the report embeds (glyph
// runs and rulings as read, per page) and outlines figures on them. Every text
// goes in through textContent: nothing taken from a PDF is parsed as markup.
"use strict";
(function () {
  var SVG = "http://www.w3.org/2000/svg";
  var data = JSON.parse(document.getElementById("pages-data").textContent);

  function el(name, attrs) {
    var e = document.createElementNS(SVG, name);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    return e;
  }

  // One page as SVG with the figures `ids` outlined; `focus` is scrolled to.
  function drawPage(n, ids) {
    var p = data.pages[n];
    var svg = el("svg", { viewBox: "0 0 " + p.w + " " + p.h, class: "page-svg",
                          role: "img", "aria-label": "page " + n });
    svg.appendChild(el("rect", { width: p.w, height: p.h, class: "paper" }));
    p.s.forEach(function (s) {
      svg.appendChild(el("line", { x1: s[0], y1: s[1], x2: s[2], y2: s[3], class: "ruling" }));
    });
    p.t.forEach(function (run) {
      var t = el("text", { x: run[3].join(" "), y: run[0], "font-size": run[1], class: "glyphs" });
      t.textContent = run[2];
      svg.appendChild(t);
    });
    (ids || []).forEach(function (id) {
      var b = data.boxes[id];
      if (!b || b[0] !== n) return;
      var pad = 1.5;
      svg.appendChild(el("rect", { x: b[1] - pad, y: b[2] - pad,
        width: b[3] - b[1] + 2 * pad, height: b[4] - b[2] + 2 * pad,
        class: "outline", "data-box": id }));
    });
    return svg;
  }

  // Failed checks: each page holder is filled with its page, figures outlined.
  document.querySelectorAll(".page-holder").forEach(function (h) {
    var ids = (h.getAttribute("data-boxes") || "").split(" ").filter(Boolean).map(Number);
    h.appendChild(drawPage(Number(h.getAttribute("data-page")), ids));
  });

  // A click on a figure shows it on its page in the viewer.
  var viewer = document.getElementById("viewer");
  var body = viewer.querySelector(".viewer-body");
  var caption = viewer.querySelector(".viewer-caption");
  function show(id, label) {
    var b = data.boxes[id];
    if (!b) return;
    body.textContent = "";
    var svg = drawPage(b[0], [id]);
    body.appendChild(svg);
    caption.textContent = label + " — p." + b[0];
    viewer.hidden = false;
    var scale = body.clientWidth / data.pages[b[0]].w;
    body.scrollTop = Math.max(0, b[2] * scale - body.clientHeight / 2);
  }
  document.addEventListener("click", function (ev) {
    var f = ev.target.closest("[data-box]");
    if (f && !f.closest("svg")) {
      show(Number(f.getAttribute("data-box")), f.getAttribute("title") || f.textContent);
    }
  });
  viewer.querySelector(".viewer-close").addEventListener("click", function () {
    viewer.hidden = true;
  });
})();
