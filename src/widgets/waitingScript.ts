/**
 * The waiting tab's own script: it keeps the tab useful when the JupyterLab
 * that opened it reloads (and with it the code that would have sent the tab
 * to the server).
 *
 * It is text, run in the tab's blank document, so it stands alone: no
 * imports, no strings to translate (the hint is written by the opener), and
 * nothing from the hub. It reads what the opener wrote on the document
 * element:
 * - `data-nfdi-hub`: the hub's origin, fixed when the tab opened;
 * - `data-nfdi-user`, `data-nfdi-server`: the server, once the hub named it
 *   (read once, never changed afterwards);
 * and then asks every few seconds on the `BroadcastChannel` where that
 * server is. It goes to the answer's URL only if it is an http(s) URL on
 * that origin, on that server's path (`…/user/<user>/<server>/`). It shows
 * the hint (`#nfdi-hint`) while nobody answers for a long time.
 *
 * It stands down once the opener sets `data-nfdi-landing` (the opener is
 * sending the tab to the server itself).
 *
 * It sets `data-nfdi-listening` when it runs, so the opener can tell when a
 * Content-Security-Policy without inline scripts kept it from running.
 */
import { TAB_CHANNEL, TabMessageKind } from './tabProtocol';

/** How often the tab asks (ms). */
export const ASK_EVERY = 2000;

/** How long without an answer before the hint shows (ms). */
export const HINT_AFTER = 60 * 1000;

/** How long the tab keeps asking at all (ms): past any start timeout. */
export const ASK_FOR = 3 * 60 * 60 * 1000;

const constants = JSON.stringify({
  channel: TAB_CHANNEL,
  kinds: TabMessageKind,
  askEvery: ASK_EVERY,
  hintAfter: HINT_AFTER,
  askFor: ASK_FOR
});

/**
 * The script's text. It uses only the tab's own globals (`document`,
 * `location`, `BroadcastChannel`, `URL`, timers).
 */
export const WAITING_SCRIPT = `(function () {
  'use strict';
  var c = ${constants};
  var root = document.documentElement;
  var hub = root.getAttribute('data-nfdi-hub');
  if (!hub || typeof BroadcastChannel !== 'function') {
    return;
  }
  root.setAttribute('data-nfdi-listening', '');
  var channel = new BroadcastChannel(c.channel);
  var user = null;
  var server = null;
  var openedAt = Date.now();
  var quietSince = openedAt;
  var timer = setInterval(ask, c.askEvery);

  function showHint(show) {
    var hint = document.getElementById('nfdi-hint');
    if (hint) {
      hint.hidden = !show;
    }
  }
  function finish() {
    clearInterval(timer);
    channel.onmessage = null;
    channel.close();
  }
  function fits(value) {
    var url;
    var path;
    try {
      url = new URL(value);
      path = decodeURIComponent(url.pathname) + '/';
    } catch (error) {
      return false;
    }
    return (
      (url.protocol === 'https:' || url.protocol === 'http:') &&
      url.origin === hub &&
      !url.username &&
      !url.password &&
      path.indexOf('/user/' + user + '/' + server + '/') !== -1
    );
  }
  function landing() {
    if (root.hasAttribute('data-nfdi-landing')) {
      finish();
      return true;
    }
    return false;
  }
  function ask() {
    var now = Date.now();
    if (landing()) {
      return;
    }
    if (now - openedAt > c.askFor) {
      finish();
      showHint(true);
      return;
    }
    if (user === null) {
      var u = root.getAttribute('data-nfdi-user');
      var s = root.getAttribute('data-nfdi-server');
      if (u && s) {
        user = u;
        server = s;
        quietSince = now;
      }
    }
    if (user !== null) {
      channel.postMessage({
        kind: c.kinds.where,
        hub: hub,
        user: user,
        server: server
      });
    }
    if (now - quietSince > c.hintAfter) {
      showHint(true);
    }
  }
  channel.onmessage = function (event) {
    var m = event.data;
    if (
      landing() ||
      user === null ||
      !m ||
      typeof m !== 'object' ||
      m.hub !== hub ||
      m.user !== user ||
      m.server !== server
    ) {
      return;
    }
    if (m.kind === c.kinds.running && typeof m.url === 'string' && fits(m.url)) {
      finish();
      location.href = m.url;
    } else if (m.kind === c.kinds.starting) {
      quietSince = Date.now();
      showHint(false);
    } else if (m.kind === c.kinds.ended && typeof m.message === 'string') {
      finish();
      var status = document.getElementById('nfdi-status');
      var detail = document.getElementById('nfdi-detail');
      if (status) {
        status.textContent = m.message.slice(0, 500);
      }
      if (detail) {
        detail.textContent = '';
      }
      showHint(true);
    }
  };
})();
`;
