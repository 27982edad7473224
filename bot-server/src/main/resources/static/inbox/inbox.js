// The agent inbox: the queue of open escalations, one conversation with the bot's trail, and the
// agent's actions, all through /api/escalations with the agent's bearer token. Live updates come from
// GET /api/escalations/stream, read with fetch() because EventSource cannot send an Authorization header.
'use strict';

(() => {
  const TOKEN_KEY = 'dmbot.inbox.token';
  const TEAM_KEY = 'dmbot.inbox.team';
  const PRIORITY_ORDER = {urgent: 0, high: 1, normal: 2, low: 3};
  const CLOSED = new Set(['resolved', 'handed_back', 'timed_out']);
  const STATUS_WORDS = {
    open: 'waiting', claimed: 'claimed', resolved: 'resolved', handed_back: 'handed back to the bot',
    timed_out: 'timed out: the bot took over again'
  };

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

  const state = {
    token: sessionStorage.getItem(TOKEN_KEY),
    queue: new Map(), // id -> escalation with .ageBase (ms at .seenAt)
    names: new Map(), // id -> the customer's name, once a conversation showed it (the list does not carry slots)
    teams: new Set(),
    openId: null,
    open: null, // {escalation, slots}
    renderedKeys: [],
    streamAbort: null,
    lastEventId: null,
    retryBase: 1000,
    queueRefresh: null,
    busy: false,
    pinned: true
  };

  // ---------------------------------------------------------------- the API

  class ApiError extends Error {
    constructor(status, message) {
      super(message);
      this.status = status;
    }
  }

  async function errorText(response) {
    const text = await response.text().catch(() => '');
    try {
      const body = JSON.parse(text);
      return body.error || body.message || body.detail || text;
    } catch (ignored) {
      return text;
    }
  }

  function authHeaders(extra) {
    return Object.assign({'Authorization': 'Bearer ' + state.token}, extra || {});
  }

  /** Calls the API; a 401 or 403 signs out with a plain message, anything else not OK throws ApiError. */
  async function api(method, path, body) {
    const headers = authHeaders({'Accept': 'application/json'});
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response;
    try {
      response = await fetch(path, {method, headers, cache: 'no-store',
        body: body === undefined ? undefined : JSON.stringify(body)});
    } catch (ignored) {
      throw new ApiError(0, 'The server cannot be reached. Check the connection and try again.');
    }
    if (response.status === 401 || response.status === 403) {
      const detail = await errorText(response);
      signOut(refusal(response.status, detail));
      throw new ApiError(response.status, refusal(response.status, detail));
    }
    if (!response.ok) {
      const detail = await errorText(response);
      throw new ApiError(response.status, detail || ('The server answered HTTP ' + response.status + '.'));
    }
    const text = await response.text();
    return text ? JSON.parse(text) : null;
  }

  function refusal(status, detail) {
    if (status === 401) {
      return 'The server did not accept this token. It may be mistyped, or an admin revoked it: ask for a new agent token.';
    }
    return 'This token cannot open the inbox: it needs the AGENT (or ADMIN) role.' + (detail ? '\n(' + detail + ')' : '');
  }

  // ---------------------------------------------------------------- shapes
  // Read leniently: a field the server does not send is simply not shown.

  function escalationOf(body) {
    const escalation = body && body.escalation ? body.escalation : body;
    return escalation || {};
  }

  function listOf(body) {
    if (Array.isArray(body)) return body;
    return (body && (body.escalations || body.items || body.content)) || [];
  }

  function instant(value) {
    if (value === undefined || value === null || value === '') return null;
    if (typeof value === 'number') return value > 1e11 ? value : value * 1000; // epoch ms or epoch seconds
    const parsed = Date.parse(value);
    return Number.isNaN(parsed) ? null : parsed;
  }

  /** A Duration as ISO-8601 ("PT1M30.5S") or seconds; milliseconds, or null. */
  function duration(value) {
    if (value === undefined || value === null || value === '') return null;
    if (typeof value === 'number') return value * 1000;
    const match = /^P(?:(\d+)D)?(?:T(?:(-?\d+)H)?(?:(-?\d+)M)?(?:(-?\d+(?:\.\d+)?)S)?)?$/.exec(value);
    if (!match) return null;
    const [, d, h, m, s] = match.map((part) => Number(part || 0));
    return (((d * 24 + h) * 60 + m) * 60 + s) * 1000;
  }

  function ageMillis(escalation) {
    const since = Date.now() - escalation.seenAt;
    if (escalation.ageBase !== null) return escalation.ageBase + since;
    const opened = instant(escalation.openedAt);
    return opened === null ? null : Date.now() - opened;
  }

  function remember(escalation) {
    const seen = Object.assign({}, escalation);
    seen.seenAt = Date.now();
    seen.ageBase = duration(escalation.age);
    if (seen.ageBase === null && typeof escalation.ageSeconds === 'number') seen.ageBase = escalation.ageSeconds * 1000;
    return seen;
  }

  function lastMessageText(escalation) {
    const last = escalation.lastCustomerMessage;
    if (last && typeof last === 'object') return last.text || '';
    return last || '';
  }

  function sender(escalation) {
    return escalation.senderId || escalation.sender || '';
  }

  function account(escalation) {
    return escalation.accountId || escalation.account || '';
  }

  /** The name the flow collected, else the Instagram name or username the contact has, else the id. */
  function displayName(escalation, slots, attributes) {
    const known = Object.assign({}, attributes, slots);
    const name = known.name || [known.first_name, known.last_name].filter(Boolean).join(' ')
      || (known.username && '@' + known.username);
    return name ? name : 'Customer ' + sender(escalation);
  }

  function isClosed(escalation) {
    return CLOSED.has(escalation.status) || escalation.open === false;
  }

  function formatAge(ms) {
    if (ms === null) return '';
    const seconds = Math.max(0, Math.floor(ms / 1000));
    if (seconds < 60) return seconds + ' s';
    const minutes = Math.floor(seconds / 60);
    if (minutes < 60) return minutes + ' min';
    const hours = Math.floor(minutes / 60);
    if (hours < 24) return hours + ' h ' + (minutes % 60) + ' min';
    return Math.floor(hours / 24) + ' d ' + (hours % 24) + ' h';
  }

  function formatTime(value) {
    const at = instant(value);
    if (at === null) return '';
    const date = new Date(at);
    const sameDay = new Date().toDateString() === date.toDateString();
    return sameDay ? date.toLocaleTimeString([], {hour: '2-digit', minute: '2-digit'})
      : date.toLocaleString([], {day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit'});
  }

  // ---------------------------------------------------------------- sign in and out

  function showSignIn(message) {
    $('inbox').hidden = true;
    $('session').hidden = true;
    $('sign-in').hidden = false;
    $('sign-in-error').textContent = message || '';
    $('token').focus();
  }

  function signOut(message) {
    sessionStorage.removeItem(TOKEN_KEY);
    state.token = null;
    stopStream();
    state.queue.clear();
    state.openId = null;
    state.open = null;
    showSignIn(message);
  }

  async function signIn(token) {
    state.token = token;
    $('sign-in-error').textContent = '';
    try {
      await loadQueue();
    } catch (error) {
      if (error.status !== 401 && error.status !== 403) {
        state.token = null;
        showSignIn(error.message);
      }
      return;
    }
    sessionStorage.setItem(TOKEN_KEY, token);
    $('sign-in').hidden = true;
    $('inbox').hidden = false;
    $('session').hidden = false;
    $('token').value = '';
    startStream();
    openFromHash();
  }

  // ---------------------------------------------------------------- the queue

  async function loadQueue() {
    const body = await api('GET', '/api/escalations?status=open');
    const fresh = new Map();
    for (const escalation of listOf(body)) {
      if (!escalation.id || isClosed(escalation)) continue;
      fresh.set(escalation.id, remember(escalation));
    }
    state.queue = fresh;
    $('queue-error').textContent = '';
    renderQueue();
  }

  function refreshQueueSoon() {
    clearTimeout(state.queueRefresh);
    state.queueRefresh = setTimeout(() => loadQueue().catch((error) => {
      $('queue-error').textContent = 'The queue could not be refreshed: ' + error.message;
    }), 250);
  }

  function sortedQueue() {
    const team = $('team-filter').value;
    return [...state.queue.values()]
      .filter((escalation) => !team || escalation.team === team)
      .sort((a, b) => (PRIORITY_ORDER[a.priority] ?? 2) - (PRIORITY_ORDER[b.priority] ?? 2)
        || (ageMillis(b) ?? 0) - (ageMillis(a) ?? 0));
  }

  function renderTeams() {
    for (const escalation of state.queue.values()) {
      if (escalation.team) state.teams.add(escalation.team);
    }
    const select = $('team-filter');
    const chosen = select.value || sessionStorage.getItem(TEAM_KEY) || '';
    if (chosen) state.teams.add(chosen);
    const known = [...select.options].map((option) => option.value);
    for (const team of [...state.teams].sort()) {
      if (!known.includes(team)) select.append(el('option', {value: team, text: team}));
    }
    select.value = chosen;
  }

  function renderQueue(freshId) {
    renderTeams();
    const list = $('queue');
    const items = sortedQueue();
    list.replaceChildren(...items.map((escalation) => queueItem(escalation, escalation.id === freshId)));
    $('queue-empty').hidden = items.length > 0;
    $('queue-count').textContent = '(' + items.length + ')';
    document.title = (state.queue.size ? '(' + state.queue.size + ') ' : '') + 'dmbot inbox';
  }

  function queueItem(escalation, fresh) {
    const claimed = escalation.assignee ? 'Claimed by ' + escalation.assignee : 'Not claimed yet';
    const link = el('a', {href: '#' + encodeURIComponent(escalation.id), 'data-testid': 'queue-item',
        'data-escalation-id': escalation.id, 'aria-current': escalation.id === state.openId ? 'true' : null},
      el('span', {className: 'badge ' + (escalation.priority || 'normal'), 'data-testid': 'priority',
        text: escalation.priority || 'normal'}),
      el('span', {className: 'name', text: state.names.get(escalation.id) || displayName(escalation)}),
      el('span', {className: 'age', 'data-testid': 'age', 'data-age-of': escalation.id,
        title: 'Waiting since ' + formatTime(escalation.openedAt), text: formatAge(ageMillis(escalation))}),
      el('span', {className: 'last', 'data-testid': 'last-message',
        text: lastMessageText(escalation) || '(no message text)'}),
      el('span', {className: 'sub', 'data-testid': 'claimed-by',
        text: [escalation.team, escalation.reason && escalation.reason.replaceAll('_', ' '), claimed,
          escalation.slaBreached ? 'reply overdue' : null].filter(Boolean).join(' · ')}));
    return el('li', {className: fresh ? 'fresh' : null}, link);
  }

  function tickAges() {
    for (const node of document.querySelectorAll('[data-age-of]')) {
      const escalation = state.queue.get(node.dataset.ageOf);
      if (escalation) node.textContent = formatAge(ageMillis(escalation));
    }
  }

  // ---------------------------------------------------------------- one conversation

  function openFromHash() {
    const id = decodeURIComponent(location.hash.replace(/^#/, ''));
    if (id) {
      openConversation(id);
    } else {
      closeConversation();
    }
  }

  function closeConversation() {
    state.openId = null;
    state.open = null;
    $('conversation').hidden = true;
    $('no-conversation').hidden = false;
    $('inbox').classList.remove('viewing');
    renderQueue();
  }

  async function openConversation(id) {
    const switching = state.openId !== id;
    state.openId = id;
    if (switching) {
      state.renderedKeys = [];
      $('messages').replaceChildren();
      $('reply-error').textContent = '';
      $('action-status').textContent = '';
      $('reply').value = '';
    }
    $('inbox').classList.add('viewing');
    $('no-conversation').hidden = true;
    $('conversation').hidden = false;
    renderQueue();
    await loadConversation(id);
    if (switching && state.openId === id && !$('reply').disabled) $('reply').focus();
  }

  async function loadConversation(id) {
    let body;
    try {
      body = await api('GET', '/api/escalations/' + encodeURIComponent(id));
    } catch (error) {
      if (state.openId !== id) return;
      $('conversation-title').textContent = 'Conversation not available';
      $('conversation-meta').replaceChildren();
      $('action-status').textContent = error.status === 404
        ? 'There is no escalation ' + id + ', or it belongs to an Instagram account this token cannot see.'
        : 'The conversation could not be loaded: ' + error.message;
      setActionsEnabled(false);
      return;
    }
    if (state.openId !== id) return; // the agent moved on meanwhile
    const escalation = escalationOf(body);
    const slots = (body && body.slots) || escalation.slots || {};
    const attributes = (body && body.attributes) || {};
    state.open = {escalation, slots};
    renderHeader(escalation, displayName(escalation, slots, attributes));
    renderMessages(entriesOf(body));
    renderDetails(escalation, slots, body || {});
    state.names.set(escalation.id, displayName(escalation, slots, attributes));
    if (!isClosed(escalation) && state.queue.has(escalation.id)) {
      state.queue.set(escalation.id, Object.assign(state.queue.get(escalation.id), {
        assignee: escalation.assignee, status: escalation.status}));
      renderQueue();
    }
  }

  /** The conversation log, with notes from a separate list merged in by time when the log lacks them. */
  function entriesOf(body) {
    const entries = [...((body && (body.conversation || body.messages || body.entries || body.log)) || [])];
    const notes = (body && body.notes) || [];
    if (notes.length && !entries.some((entry) => entry.kind === 'note')) {
      for (const note of notes) {
        entries.push(Object.assign({direction: 'out', kind: 'note'}, typeof note === 'string' ? {text: note} : note));
      }
      entries.sort((a, b) => (instant(a.at) ?? 0) - (instant(b.at) ?? 0));
    }
    return entries;
  }

  function renderHeader(escalation, name) {
    $('conversation-title').textContent = name;
    const closed = isClosed(escalation);
    $('conversation-meta').replaceChildren(
      el('span', {className: 'badge ' + (escalation.priority || 'normal'), text: escalation.priority || 'normal'}),
      el('span', {className: 'badge state', 'data-testid': 'status', 'data-status': escalation.status || 'open',
        text: STATUS_WORDS[escalation.status] || escalation.status || 'open'}),
      el('span', {text: [escalation.team && 'team ' + escalation.team,
        escalation.assignee ? 'claimed by ' + escalation.assignee : (closed ? null : 'not claimed yet'),
        'Instagram user ' + sender(escalation)].filter(Boolean).join(' · ')}));
    setActionsEnabled(!closed);
    if (closed) {
      $('action-status').textContent = 'This conversation is ' + (STATUS_WORDS[escalation.status] || 'closed')
        + '. The bot answers the customer again.';
    }
  }

  function setActionsEnabled(enabled) {
    for (const id of ['claim', 'resolve', 'handback', 'send', 'add-note', 'reply']) $(id).disabled = !enabled;
  }

  function entryKey(entry) {
    return [entry.direction, entry.kind, entry.at, entry.reference, entry.text].join('|');
  }

  /** Appends only what is new, so the live region announces new messages and not the whole history. */
  function renderMessages(entries) {
    const visible = entries.filter((entry) => !(entry.direction === 'out' && entry.outcome === 'pending'
      && !['agent', 'note'].includes(entry.kind)));
    const keys = visible.map(entryKey);
    const list = $('messages');
    const prefix = state.renderedKeys.length <= keys.length
      && state.renderedKeys.every((key, index) => key === keys[index]);
    let start = state.renderedKeys.length;
    if (!prefix) {
      list.replaceChildren();
      start = 0;
    }
    // A conversation just opened is read, not announced; what arrives afterwards is.
    if (start === 0) list.setAttribute('aria-live', 'off');
    for (const entry of visible.slice(start)) list.append(messageItem(entry));
    if (start === 0) requestAnimationFrame(() => list.setAttribute('aria-live', 'polite'));
    state.renderedKeys = keys;
    if (!prefix || state.pinned || start === 0) {
      list.scrollTop = list.scrollHeight;
      state.pinned = true;
    }
    if (!visible.length) {
      list.replaceChildren(el('li', {className: 'empty', text: 'No messages in the log for this customer.'}));
      state.renderedKeys = [];
    }
  }

  function messageItem(entry) {
    const kind = entry.direction === 'in' ? 'in' : entry.kind === 'note' ? 'note' : entry.kind === 'agent' ? 'agent' : 'bot';
    const facts = entry.facts || {};
    const author = entry.author || facts.agent;
    const who = {in: 'Customer', bot: 'Bot',
      agent: (author ? author : 'Agent') + (facts.tag ? ' · sent with the ' + facts.tag + ' tag' : ''),
      note: 'Internal note' + (author ? ' by ' + author : '') + ' · never sent to the customer'}[kind];
    const time = formatTime(entry.at);
    const item = el('li', {className: (kind === 'in' ? 'in ' : kind === 'note' ? 'note ' : 'out ') + kind,
        'data-testid': 'message', 'data-kind': kind},
      el('span', {className: 'who-said', text: who + (time ? ' · ' + time : '')
        + (entry.outcome && entry.outcome !== 'sent' && kind !== 'in' ? ' · ' + outcomeWords(entry.outcome) : '')}),
      el('div', {className: 'bubble', 'data-testid': 'message-text',
        text: entry.text || '[' + String(entry.kind || 'message').replaceAll('_', ' ') + ']'}));
    if (kind === 'bot') item.append(trail(entry));
    return item;
  }

  function outcomeWords(outcome) {
    return {window_closed: 'not sent: the 24-hour window had closed', dead_lettered: 'not delivered',
      pending: 'sending…'}[outcome] || outcome;
  }

  function trail(entry) {
    const rows = el('dl', {});
    const add = (term, value) => {
      if (value === undefined || value === null || value === '') return;
      rows.append(el('dt', {text: term}), el('dd', {}, value));
    };
    const confidence = typeof entry.confidence === 'number' ? ' (' + entry.confidence.toFixed(2) + ')' : '';
    add('Intent', entry.intent ? entry.intent + confidence : null);
    add('Rows fired', (entry.rules || []).length ? entry.rules.join('\n') : 'no rule');
    add('State after', entry.state);
    if (entry.escalate) add('Escalated', 'yes: this reply asked for a person');
    const facts = Object.entries(entry.facts || {});
    if (facts.length) {
      add('Facts', el('span', {}, ...facts.flatMap(([name, value], index) =>
        [index ? el('br') : null, el('code', {text: name}), ' ' + (value === '' ? '—' : value)])));
    }
    return el('details', {className: 'trail', 'data-testid': 'trail'},
      el('summary', {text: 'Why the bot said this'}), rows);
  }

  const REPLY_WINDOWS = {
    human_agent: 'The customer last wrote over 24 hours ago: your reply goes with Instagram\'s HUMAN_AGENT tag, '
      + 'which allows a person (not the bot) to answer for up to 7 days.',
    closed: 'The customer last wrote more than 7 days ago: Instagram does not let the business answer until they write again.'
  };

  function renderDetails(escalation, slots, body) {
    $('reply-window').textContent = isClosed(escalation) ? '' : REPLY_WINDOWS[body.replyWindow] || '';
    const attributes = Object.entries(body.attributes || {});
    $('attributes-title').hidden = $('attributes').hidden = !attributes.length;
    $('attributes').replaceChildren(...attributes
      .flatMap(([name, value]) => [el('dt', {text: name.replaceAll('_', ' ')}), el('dd', {text: value})]));
    const slotList = $('slots');
    const entries = Object.entries(slots || {});
    slotList.replaceChildren(...(entries.length
      ? entries.flatMap(([name, value]) => [el('dt', {text: name.replaceAll('_', ' ')}), el('dd', {text: value})])
      : [el('dd', {className: 'none', text: 'No answers collected.'})]));
    const why = $('why');
    const open = !isClosed(escalation);
    const facts = [['reason', escalation.reason && escalation.reason.replaceAll('_', ' ')], ['rule', escalation.trigger],
      ['tags', [...(body.tags || escalation.tags || [])].join(', ')], ['opened', formatTime(escalation.openedAt)],
      ['customer was told', body.customerMessage],
      ['reply due', open && !escalation.firstAgentReplyAt ? formatTime(escalation.slaDueAt) : null],
      ['bot resumes', open ? formatTime(escalation.idleUntil) : null]];
    why.replaceChildren(...facts.filter(([, value]) => value)
      .flatMap(([name, value]) => [el('dt', {text: name}), el('dd', {text: value})]));
  }

  // ---------------------------------------------------------------- actions

  async function act(button, path, body, failure, done) {
    const id = state.openId;
    if (!id || state.busy) return;
    state.busy = true;
    button.disabled = true;
    $('reply-error').textContent = '';
    try {
      await api('POST', '/api/escalations/' + encodeURIComponent(id) + path, body);
      if (done) done();
    } catch (error) {
      if (error.status !== 401 && error.status !== 403) $('reply-error').textContent = failure + ' ' + error.message;
      return false;
    } finally {
      state.busy = false;
      button.disabled = false;
    }
    if (state.openId === id) await loadConversation(id);
    refreshQueueSoon();
    return true;
  }

  async function sendReply() {
    const text = $('reply').value.trim();
    if (!text) {
      $('reply-error').textContent = 'Type a reply first.';
      return;
    }
    await act($('send'), '/replies', {text}, 'Not sent:', () => {
      $('reply').value = '';
      $('action-status').textContent = 'Reply sent.';
    });
  }

  async function addNote() {
    const text = $('reply').value.trim();
    if (!text) {
      $('reply-error').textContent = 'Type the note in the box first; notes are never sent to the customer.';
      return;
    }
    await act($('add-note'), '/notes', {text}, 'The note was not saved:', () => {
      $('reply').value = '';
      $('action-status').textContent = 'Note saved for your team.';
    });
  }

  async function closeEscalation(button, path, failure, words) {
    const id = state.openId;
    const ok = await act(button, path, undefined, failure, () => {
      state.queue.delete(id);
      renderQueue();
      $('action-status').textContent = words;
    });
    if (ok) $('announcer').textContent = words;
  }

  // ---------------------------------------------------------------- live updates

  /**
   * A server-sent events parser (the WHATWG event stream format): feed it text as it arrives; it calls
   * onEvent(type, data, id) for each complete event. Lines end in CRLF, LF or CR.
   */
  function sseParser(onEvent, onRetry) {
    let buffer = '';
    let type = '';
    let data = [];
    let id = null;
    const line = (text) => {
      if (text === '') {
        if (data.length) onEvent(type || 'message', data.join('\n'), id);
        type = '';
        data = [];
        return;
      }
      if (text.startsWith(':')) return;
      const colon = text.indexOf(':');
      const field = colon < 0 ? text : text.slice(0, colon);
      let value = colon < 0 ? '' : text.slice(colon + 1);
      if (value.startsWith(' ')) value = value.slice(1);
      if (field === 'data') data.push(value);
      else if (field === 'event') type = value;
      else if (field === 'id' && !value.includes('\0')) id = value;
      else if (field === 'retry' && /^\d+$/.test(value)) onRetry(Number(value));
    };
    return (chunk) => {
      buffer += chunk;
      let match;
      while ((match = /\r\n|\r|\n/.exec(buffer))) {
        // A CR at the very end may be the first half of a CRLF split across chunks.
        if (match[0] === '\r' && match.index === buffer.length - 1) break;
        line(buffer.slice(0, match.index));
        buffer = buffer.slice(match.index + match[0].length);
      }
    };
  }

  function setLive(on, text) {
    const live = $('live');
    live.className = 'live ' + (on ? 'on' : 'off');
    live.textContent = text;
  }

  function stopStream() {
    if (state.streamAbort) state.streamAbort.abort();
    state.streamAbort = null;
  }

  function startStream() {
    stopStream();
    const controller = new AbortController();
    state.streamAbort = controller;
    runStream(controller.signal);
  }

  const sleep = (ms, signal) => new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, {once: true});
  });

  async function runStream(signal) {
    let attempt = 0;
    while (!signal.aborted) {
      try {
        const headers = authHeaders({'Accept': 'text/event-stream'});
        if (state.lastEventId) headers['Last-Event-ID'] = state.lastEventId;
        const response = await fetch('/api/escalations/stream', {headers, signal, cache: 'no-store'});
        if (response.status === 401 || response.status === 403) {
          signOut(refusal(response.status, await errorText(response)));
          return;
        }
        if (!response.ok || !response.body) throw new Error('HTTP ' + response.status);
        attempt = 0;
        setLive(true, 'Live');
        // Anything that happened while disconnected is read once, then events keep the page current.
        refreshQueueSoon();
        if (state.openId) loadConversation(state.openId);
        const feed = sseParser(onEvent, (ms) => { state.retryBase = ms; });
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        for (;;) {
          const {value, done} = await reader.read();
          if (done) break;
          feed(value);
        }
      } catch (ignored) {
        if (signal.aborted) return;
      }
      if (signal.aborted) return;
      const delay = Math.min(30000, state.retryBase * 2 ** attempt) * (0.5 + Math.random() / 2);
      attempt++;
      setLive(false, 'Reconnecting in ' + Math.ceil(delay / 1000) + ' s…');
      await sleep(delay, signal);
    }
  }

  function onEvent(type, data, id) {
    if (id) state.lastEventId = id;
    let body;
    try {
      body = JSON.parse(data);
    } catch (ignored) {
      return;
    }
    if (type === 'escalation') escalationEvent(escalationOf(body));
    else if (type === 'message') messageEvent(body);
  }

  function escalationEvent(escalation) {
    if (!escalation.id) return;
    const isNew = !state.queue.has(escalation.id);
    if (isClosed(escalation)) {
      state.queue.delete(escalation.id);
      renderQueue();
    } else {
      const previous = state.queue.get(escalation.id) || {};
      const merged = remember(Object.assign({}, previous, escalation));
      if (!merged.lastCustomerMessage && previous.lastCustomerMessage) merged.lastCustomerMessage = previous.lastCustomerMessage;
      state.queue.set(escalation.id, merged);
      renderQueue(isNew ? escalation.id : null);
      if (isNew) {
        $('announcer').textContent = 'New in the queue: ' + displayName(merged)
          + (merged.team ? ', team ' + merged.team : '') + (merged.priority ? ', ' + merged.priority : '') + '.';
      }
    }
    if (escalation.id === state.openId) loadConversation(state.openId);
    refreshQueueSoon();
  }

  function messageEvent(message) {
    const id = message.escalationId || (message.escalation && message.escalation.id) || message.id;
    let target = state.queue.get(id);
    if (!target) {
      target = [...state.queue.values()].find((escalation) =>
        sender(escalation) === (message.senderId || message.sender)
        && (!account(message) || account(escalation) === account(message)));
    }
    if (target && (message.direction || 'in') === 'in') {
      target.lastCustomerMessage = message.text || target.lastCustomerMessage;
      renderQueue();
    }
    const openEscalation = state.open && state.open.escalation;
    if (state.openId && (id === state.openId || (target && target.id === state.openId)
      || (openEscalation && sender(openEscalation) === (message.senderId || message.sender)))) {
      loadConversation(state.openId);
    }
    refreshQueueSoon();
  }

  // ---------------------------------------------------------------- wiring

  $('sign-in-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const token = $('token').value.trim();
    if (!token) {
      $('sign-in-error').textContent = 'Paste your agent token first.';
      return;
    }
    signIn(token);
  });
  $('sign-out').addEventListener('click', () => signOut('Signed out. The token was forgotten by this tab.'));
  $('team-filter').addEventListener('change', () => {
    sessionStorage.setItem(TEAM_KEY, $('team-filter').value);
    renderQueue();
  });
  $('reply-form').addEventListener('submit', (event) => {
    event.preventDefault();
    sendReply();
  });
  $('reply').addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      sendReply();
    }
  });
  $('add-note').addEventListener('click', addNote);
  $('toggle-details').addEventListener('click', () => {
    const body = $('toggle-details').parentElement;
    const shown = body.classList.toggle('show-details');
    $('toggle-details').setAttribute('aria-expanded', String(shown));
    $('toggle-details').textContent = (shown ? 'Hide' : 'Show') + ' the lead and why it was escalated';
  });
  $('claim').addEventListener('click', () => act($('claim'), '/claim', undefined, 'Not claimed:',
    () => { $('action-status').textContent = 'Claimed: it is yours now.'; }));
  $('resolve').addEventListener('click', () => closeEscalation($('resolve'), '/resolve', 'Not resolved:',
    'Resolved. The bot answers this customer again.'));
  $('handback').addEventListener('click', () => closeEscalation($('handback'), '/handback', 'Not handed back:',
    'Handed back to the bot.'));
  // Keep the newest message in view while the panes around the list grow and shrink, unless the agent
  // scrolled up to read.
  $('messages').addEventListener('scroll', () => {
    const list = $('messages');
    state.pinned = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
  });
  new ResizeObserver(() => {
    if (state.pinned) $('messages').scrollTop = $('messages').scrollHeight;
  }).observe($('messages'));
  $('back').addEventListener('click', () => {
    history.pushState(null, '', location.pathname + location.search);
    closeConversation();
  });
  window.addEventListener('hashchange', () => {
    if (state.token) openFromHash();
  });
  setInterval(tickAges, 1000);

  // For the browser test, which feeds the parser awkward chunks.
  window.dmbotInbox = Object.freeze({sseParser});

  if (state.token) signIn(state.token);
  else showSignIn();
})();
