/*
 * A copy of what the PI types in the application form, kept in this browser (localStorage) until
 * the server has it: if the session timed out or the connection dropped before the autosave, the
 * next visit of the form offers to put the typed text back. The copy is dropped as soon as the
 * page the server renders holds the same values, or when the PI discards it.
 */
(function () {
  'use strict';

  var FORM = 'app';

  function textFields() {
    var form = document.getElementById(FORM);
    if (!form) {
      return [];
    }
    return Array.prototype.slice.call(
      form.querySelectorAll('input[type=text][id], textarea[id]'));
  }

  function init() {
    var box = document.getElementById('draftBackup');
    if (!box || !window.localStorage) {
      return;
    }
    var key = 'hezuo.draft.' + box.getAttribute('data-app');
    var pending = false;
    var stored = null;
    try {
      stored = JSON.parse(window.localStorage.getItem(key));
    } catch (e) {
      stored = null;
    }

    function snapshot() {
      if (pending) {
        return; // never overwrite a copy the PI has not decided about
      }
      var data = { at: Date.now(), fields: {} };
      textFields().forEach(function (el) {
        data.fields[el.id] = el.value;
      });
      try {
        window.localStorage.setItem(key, JSON.stringify(data));
      } catch (e) {
        // storage full or disabled: the server's autosave still runs
      }
    }

    if (stored && stored.fields) {
      var differing = Object.keys(stored.fields).filter(function (id) {
        var el = document.getElementById(id);
        return el && el.value !== stored.fields[id];
      });
      if (differing.length === 0) {
        window.localStorage.removeItem(key);
      } else {
        pending = true;
        var when = new Date(stored.at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
        document.getElementById('draftBackupText').textContent = box
          .getAttribute('data-text')
          .replace('{0}', String(differing.length))
          .replace('{1}', when);
        box.style.display = '';
        document.getElementById('draftRestore').addEventListener('click', function () {
          differing.forEach(function (id) {
            var el = document.getElementById(id);
            if (el) {
              el.value = stored.fields[id];
              el.classList.add('hz-restored');
              el.dispatchEvent(new Event('input', { bubbles: true }));
            }
          });
          pending = false;
          box.style.display = 'none';
          snapshot();
        });
        document.getElementById('draftDiscard').addEventListener('click', function () {
          pending = false;
          window.localStorage.removeItem(key);
          box.style.display = 'none';
        });
      }
    }

    var timer = null;
    document.addEventListener('input', function (e) {
      if (e.target && e.target.closest && e.target.closest('#' + FORM)) {
        window.clearTimeout(timer);
        timer = window.setTimeout(snapshot, 300);
      }
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
