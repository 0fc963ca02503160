// Legend check boxes show and hide event classes and zone layers; nothing is fetched.
(function () {
  'use strict';
  var svg = document.getElementById('map-svg');
  var legend = document.getElementById('legend');
  if (!svg || !legend) { return; }
  legend.addEventListener('change', function (e) {
    var box = e.target;
    var nodes = [];
    if (box.hasAttribute('data-toggle')) {
      nodes = svg.getElementsByClassName(box.getAttribute('data-toggle'));
    } else if (box.hasAttribute('data-toggle-version')) {
      var version = box.getAttribute('data-toggle-version');
      nodes = Array.prototype.filter.call(svg.querySelectorAll('g.zones'), function (g) {
        return g.getAttribute('data-version') === version;
      });
    }
    Array.prototype.forEach.call(nodes, function (n) {
      n.classList.toggle('hidden', !box.checked);
    });
  });
}());
