// Progressive enhancement: the send-to links open their pages' forms in a modal <dialog>; without this file
// (or without <dialog>) they are plain pages. A modal dialog keeps focus inside, Escape closes it, and focus
// returns to the link.
(function () {
  'use strict';
  if (typeof HTMLDialogElement !== 'function') {
    return;
  }
  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('a[data-send-dialog]');
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    open(link);
  });

  function open(link) {
    fetch(link.href, { credentials: 'same-origin', headers: { Accept: 'text/html' } })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        var body = new DOMParser().parseFromString(html, 'text/html').querySelector('.send-dialog-body');
        if (!body) {
          window.location.href = link.href;
          return;
        }
        show(document.importNode(body, true), link);
      })
      .catch(function () { window.location.href = link.href; });
  }

  function show(body, link) {
    var dialog = document.createElement('dialog');
    dialog.className = 'send-dialog';
    var title = body.querySelector('h1');
    var heading = document.createElement('h2');
    heading.id = 'send-dialog-heading';
    heading.textContent = title.textContent;
    title.replaceWith(heading);
    body.removeAttribute('aria-labelledby');
    dialog.setAttribute('aria-labelledby', heading.id);
    var close = document.createElement('button');
    close.type = 'button';
    close.className = 'send-dialog-close';
    close.textContent = 'Close';
    close.addEventListener('click', function () { dialog.close(); });
    dialog.appendChild(close);
    dialog.appendChild(body);
    // Tab and Shift+Tab wrap within the dialog rather than leaving it for the browser's own controls.
    dialog.addEventListener('keydown', function (event) {
      if (event.key !== 'Tab') {
        return;
      }
      var focusable = Array.prototype.filter.call(dialog.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea'),
        function (el) { return !el.disabled && el.getClientRects().length > 0; });
      if (focusable.length === 0) {
        return;
      }
      var first = focusable[0];
      var last = focusable[focusable.length - 1];
      if (event.shiftKey && document.activeElement === first) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first.focus();
      }
    });
    dialog.addEventListener('close', function () {
      dialog.remove();
      link.focus();
    });
    document.body.appendChild(dialog);
    dialog.showModal();
    var first = dialog.querySelector('input:not([type=hidden]), button[type=submit]');
    if (first) {
      first.focus();
    }
  }
})();
