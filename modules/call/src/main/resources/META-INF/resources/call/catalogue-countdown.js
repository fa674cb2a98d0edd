/* The guide's live countdown to the deadlines, in Beijing time (call/catalogue.xhtml). */
(function () {
  var root = document.getElementById('deadlines');
  if (!root) { return; }
  // the browser's clock may be wrong: correct it by the server's now rendered in the page
  var offset = Number(root.getAttribute('data-server-now')) - Date.now();
  var els = root.querySelectorAll('[data-countdown]');
  function pad(n) { return n < 10 ? '0' + n : '' + n; }
  function tick() {
    var now = Date.now() + offset;
    for (var i = 0; i < els.length; i++) {
      var el = els[i];
      var left = Number(el.getAttribute('data-countdown')) - now;
      if (left <= 0) {
        el.textContent = el.getAttribute('data-closed');
        el.className = 'hz-countdown hz-closed';
        continue;
      }
      var s = Math.floor(left / 1000);
      var d = Math.floor(s / 86400); s = s % 86400;
      var h = Math.floor(s / 3600); s = s % 3600;
      var m = Math.floor(s / 60); s = s % 60;
      el.textContent = el.getAttribute('data-prefix') + ' ' + d + el.getAttribute('data-days')
          + ' ' + pad(h) + ':' + pad(m) + ':' + pad(s);
    }
  }
  tick();
  window.setInterval(tick, 1000);
})();
