/*
 * The application form's checks beside their fields (app/submission/edit.xhtml).
 *
 * The server renders the list of checks on top (#checks); each item names the client id of the
 * field it concerns (data-target) and its message without the field's label (data-short). This
 * script puts each message next to its field, marks the field (ui-state-error, aria-invalid,
 * aria-describedby naming the message), makes the top list's links scroll to and focus the field,
 * and asks the server to check the form again (without saving it) when a field changed. It runs
 * after the page loads and after every ajax update.
 */
(function () {
  'use strict';

  var FORM = 'app';

  function byId(id) {
    return id ? document.getElementById(id) : null;
  }

  function isField(el) {
    return /^(INPUT|TEXTAREA|SELECT|BUTTON)$/.test(el.tagName);
  }

  /** The element that takes the focus for a field: itself, a widget's _focus input, an input. */
  function focusable(el) {
    if (isField(el)) {
      return el;
    }
    return (
      byId(el.id + '_focus') ||
      el.querySelector('input:not([type=hidden]), select, textarea') ||
      el
    );
  }

  function clear() {
    var old = document.querySelectorAll('.hz-field-msg');
    for (var i = 0; i < old.length; i++) {
      old[i].parentNode.removeChild(old[i]);
    }
    var marked = document.querySelectorAll('[data-hz-marked]');
    for (var j = 0; j < marked.length; j++) {
      var e = marked[j];
      e.classList.remove('ui-state-error');
      e.removeAttribute('aria-invalid');
      var before = e.getAttribute('data-hz-describedby');
      if (before) {
        e.setAttribute('aria-describedby', before);
      } else {
        e.removeAttribute('aria-describedby');
      }
      e.removeAttribute('data-hz-describedby');
      e.removeAttribute('data-hz-marked');
    }
  }

  function markField(e, msgId, error) {
    if (!e.hasAttribute('data-hz-marked')) {
      e.setAttribute('data-hz-marked', 'true');
      if (e.hasAttribute('aria-describedby')) {
        e.setAttribute('data-hz-describedby', e.getAttribute('aria-describedby'));
      }
    }
    if (error) {
      e.classList.add('ui-state-error');
    }
    if (isField(e)) {
      if (error) {
        e.setAttribute('aria-invalid', 'true');
      }
      var d = e.getAttribute('aria-describedby');
      e.setAttribute('aria-describedby', d ? d + ' ' + msgId : msgId);
    }
  }

  /** Puts each check's message beside its field and marks the field. */
  function mark() {
    if (!byId(FORM)) {
      return;
    }
    clear();
    var items = document.querySelectorAll('#checks li[data-target]');
    var byTarget = {};
    var order = [];
    for (var i = 0; i < items.length; i++) {
      var t = items[i].getAttribute('data-target');
      if (!t) {
        continue;
      }
      if (!byTarget[t]) {
        byTarget[t] = [];
        order.push(t);
      }
      byTarget[t].push(items[i]);
    }
    order.forEach(function (t) {
      var el = byId(t);
      if (!el) {
        return;
      }
      var error = byTarget[t].some(function (li) {
        return li.getAttribute('data-severity') === 'error';
      });
      var msg = document.createElement('div');
      msg.id = t + '_check';
      msg.className = 'hz-field-msg ' + (error ? 'hz-field-error' : 'hz-field-warning');
      byTarget[t].forEach(function (li) {
        var line = document.createElement('div');
        line.textContent = li.getAttribute('data-short');
        msg.appendChild(line);
      });
      var cell = isField(el) || el.classList.contains('ui-selectonemenu')
        ? el.closest('td') || el.closest('.hz-row > div')
        : null;
      if (cell) {
        cell.appendChild(msg);
      } else {
        el.parentNode.insertBefore(msg, el.nextSibling);
      }
      markField(el, msg.id, error);
      var f = focusable(el);
      if (f !== el) {
        markField(f, msg.id, error);
      }
    });
  }

  /** A link of the top list: scroll to its field and focus it. */
  function go(link, ev) {
    var el = byId(link.getAttribute('data-target'));
    if (!el) {
      return;
    }
    ev.preventDefault();
    var f = focusable(el);
    if (f === el && !isField(el) && !el.hasAttribute('tabindex')) {
      el.setAttribute('tabindex', '-1');
    }
    el.scrollIntoView({ block: 'center' });
    f.focus({ preventScroll: true });
  }

  var pending = false;

  /** A field changed: the server checks the form as it stands (nothing is saved). */
  function recheck(target) {
    var form = byId(FORM);
    if (!form || !form.contains(target) || target.id === FORM + ':moneyUnit') {
      return;
    }
    if (typeof window.hzRecheck !== 'function' || pending) {
      return;
    }
    // one request for the changes of one moment (a menu reports its change twice)
    pending = true;
    window.setTimeout(function () {
      pending = false;
      window.hzRecheck();
    }, 0);
  }

  document.addEventListener('click', function (ev) {
    var link = ev.target.closest ? ev.target.closest('#checks a[data-target]') : null;
    if (link) {
      go(link, ev);
    }
  });

  // the checks' own requests are not global (no pfAjaxComplete): they call this when done
  window.hzMarkChecks = mark;

  function init() {
    mark();
    var $ = window.jQuery;
    if ($) {
      // PrimeFaces' menus trigger their change through jQuery: listen there too
      $(document).on('change', '#' + FORM + ' :input', function () {
        recheck(this);
      });
      $(document).on('pfAjaxComplete', mark);
    } else {
      document.addEventListener('change', function (ev) {
        recheck(ev.target);
      });
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
