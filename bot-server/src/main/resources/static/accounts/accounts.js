// The Accounts page: the accounts the bot answers for and the "Connect an Instagram account" button, all through
// /api/admin/accounts with an admin's bearer token. The button asks the server to start a login (which also gives
// this browser the login's cookie) and then goes to Instagram; Instagram sends the browser back to the server's
// /accounts/callback page, which says how it went.
'use strict';

(() => {
  const TOKEN_KEY = 'dmbot.accounts.token';
  const $ = (id) => document.getElementById(id);
  const el = (tag, attributes, ...children) => {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (name === 'className') node.className = value;
      else if (name === 'text') node.textContent = value;
      else node.setAttribute(name, value === true ? '' : value);
    }
    for (const child of children) {
      if (child !== undefined && child !== null) node.append(child);
    }
    return node;
  };
  const state = {token: sessionStorage.getItem(TOKEN_KEY)};

  class ApiError extends Error {
    constructor(status, message) {
      super(message);
      this.status = status;
    }
  }

  async function api(method, path) {
    let response;
    try {
      response = await fetch(path, {method, cache: 'no-store', credentials: 'same-origin',
        headers: {'Authorization': 'Bearer ' + state.token, 'Accept': 'application/json'}});
    } catch (ignored) {
      throw new ApiError(0, 'The server cannot be reached. Check the connection and try again.');
    }
    const text = await response.text();
    let body = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch (ignored) {
      body = null;
    }
    if (response.status === 401) {
      signOut('The server did not accept this token. It may be mistyped, or it was revoked.');
      throw new ApiError(401, 'signed out');
    }
    if (response.status === 403) {
      signOut('This token cannot manage accounts: it needs the ADMIN role.');
      throw new ApiError(403, 'signed out');
    }
    if (!response.ok) {
      const message = body && body.error ? body.error + (body.whatToDo ? '\n' + body.whatToDo : '')
        : 'The server answered HTTP ' + response.status + '.';
      throw new ApiError(response.status, message);
    }
    return body;
  }

  function day(value) {
    if (!value) return '—';
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? value : date.toLocaleDateString(undefined, {day: 'numeric', month: 'short', year: 'numeric'});
  }

  // The last automatic refresh of a token: tokens are refreshed by the server about a month before they expire.
  function refreshed(refresh) {
    if (!refresh) return 'refreshed automatically before it expires';
    const when = day(refresh.at);
    if (refresh.outcome === 'refreshed') return 'refreshed automatically on ' + when;
    if (refresh.outcome === 'failed') return 'refresh failed on ' + when + (refresh.problem ? ': ' + refresh.problem : '')
      + '; tried again every hour';
    if (refresh.outcome === 'disconnected') return 'refresh refused on ' + when;
    return 'last refresh on ' + when;
  }

  function render(body) {
    const rows = $('rows');
    rows.replaceChildren();
    for (const account of body.accounts || []) {
      const environment = account.source === 'environment';
      const name = account.username ? '@' + account.username : (environment ? 'Environment account' : 'Account');
      rows.append(el('tr', {'data-testid': 'account-row', 'data-account': account.id},
        el('td', {'data-label': 'Account'}, el('strong', {text: name}),
          el('span', {className: 'source', text: environment
            ? 'from bot.meta.account-id / bot.meta.access-token' : 'connected' + (account.connectedBy ? ' by ' + account.connectedBy : '')
              + (account.connectedAt ? ' on ' + day(account.connectedAt) : '')})),
        el('td', {'data-label': 'Id'}, el('code', {text: account.id})),
        el('td', {'data-label': 'Status'}, el('span', {className: 'badge ' + account.status, text: account.status}),
          account.status === 'disconnected' ? el('span', {className: 'note', 'data-testid': 'disconnected-reason',
            text: (account.disconnectedReason ? account.disconnectedReason.replace(/[.\s]*$/, '. ') : '')
              + 'Reconnect: press "Connect an Instagram account" and log in as '
              + (account.username ? '@' + account.username : 'this account') + '.'}) : null),
        el('td', {'data-label': 'Token expires', 'data-testid': 'token-expiry'},
          environment ? 'managed outside the bot' : day(account.tokenExpiresAt),
          environment ? null : el('span', {className: 'note', text: refreshed(account.lastRefresh)})),
        el('td', {'data-label': 'Webhook fields', text: (account.subscribedFields || []).join(', ')
          || (environment ? 'set in the App Dashboard' : '—')})));
    }
    const connect = body.connect || {};
    $('connect').disabled = !connect.ready;
    $('not-ready').hidden = !!connect.ready;
    $('missing').replaceChildren(...(connect.missing || []).map((text) => el('li', {text})));
    $('redirect-uri').textContent = connect.redirectUri || '';
    // The login's cookie is set for this address; Meta sends the browser back to the redirect URI's.
    let elsewhere = '';
    try {
      const back = new URL(connect.redirectUri);
      if (connect.ready && back.origin !== location.origin) {
        elsewhere = 'Instagram will send you back to ' + back.origin + ': open this page there ('
          + back.origin + '/accounts/) to connect, or the login will not be recognised.';
      }
    } catch (ignored) {
      elsewhere = '';
    }
    $('connect-error').textContent = elsewhere;
    $('webhook-url').textContent = location.origin + '/webhook';
    $('fields').textContent = (connect.subscribedFields || []).join(', ');
  }

  async function load() {
    $('list-error').textContent = '';
    render(await api('GET', '/api/admin/accounts'));
  }

  async function connect() {
    $('connect-error').textContent = '';
    $('connect').disabled = true;
    try {
      const body = await api('POST', '/api/admin/accounts/connect');
      location.assign(body.authorizeUrl);
    } catch (error) {
      if (error.status !== 401 && error.status !== 403) $('connect-error').textContent = error.message;
      $('connect').disabled = false;
    }
  }

  function showSignIn(message) {
    $('accounts').hidden = true;
    $('session').hidden = true;
    $('sign-in').hidden = false;
    $('sign-in-error').textContent = message || '';
    $('token').focus();
  }

  function signOut(message) {
    sessionStorage.removeItem(TOKEN_KEY);
    state.token = null;
    showSignIn(message);
  }

  async function signIn(token) {
    state.token = token;
    $('sign-in-error').textContent = '';
    try {
      await load();
    } catch (error) {
      if (error.status !== 401 && error.status !== 403) {
        state.token = null;
        showSignIn(error.message);
      }
      return;
    }
    sessionStorage.setItem(TOKEN_KEY, token);
    $('sign-in').hidden = true;
    $('accounts').hidden = false;
    $('session').hidden = false;
    $('token').value = '';
  }

  $('sign-in-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const token = $('token').value.trim();
    if (!token) {
      $('sign-in-error').textContent = 'Paste an admin token first.';
      return;
    }
    signIn(token);
  });
  $('sign-out').addEventListener('click', () => signOut('Signed out. The token was forgotten by this tab.'));
  $('connect').addEventListener('click', connect);

  if (state.token) signIn(state.token);
  else showSignIn('');
})();
