// The simulated agent desktop. Its DOM is what SIMULATOR_DESKTOP_PROFILE (src/shared/desktop-profile.ts)
// reads: ul.conversation-list > li.conversation-item, one section.conversation with .transcript >
// .message[data-author] > .message-author + .message-text, and textarea.reply-box.
// Messages are appended as new nodes (never re-rendered) so a MutationObserver sees each one, and
// each conversation keeps its transcript and draft while the agent looks at another one.
(() => {
  'use strict';

  const CHANNEL_LABELS = { message: 'Message', chat: 'Chat', voice: 'Voice', email: 'Email' };
  const AUTHORS = ['customer', 'agent', 'system'];
  const HASH_PATTERN = /^#\/conversations\/([0-9a-f-]{36})$/;

  const list = document.querySelector('ul.conversation-list');
  const workspace = document.getElementById('workspace');
  const placeholder = workspace.querySelector('.placeholder');

  let settings = { agent: { name: 'Agent' }, initialLines: 2, intervalMs: 4000 };
  let timelineOn = new URLSearchParams(location.search).get('timeline') !== 'off';
  const conversations = new Map(); // id → conversation data from the server
  const views = new Map(); // id → { conversation, section, transcript, composer, next, timer }
  let selectedId = null;
  let loaded = false;

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function authorName(conversation, author) {
    if (author === 'customer') return conversation.customerName;
    if (author === 'agent') return settings.agent.name;
    return 'System';
  }

  // Every customer and agent line is reported to the simulator, in order, as the platform would
  // know it: Copilot suggests from it, and the messaging API and conversations topic carry it.
  let reported = Promise.resolve();
  function report(conversationId, author, text) {
    if (author === 'system') return;
    const body = JSON.stringify({ id: crypto.randomUUID(), author, text });
    reported = reported
      .then(() => fetch(`/desktop/api/conversations/${conversationId}/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body }))
      .catch((error) => console.warn('[simulator desktop] could not report a line', error));
  }

  function appendMessage(view, author, text) {
    report(view.conversation.id, author, text);
    const message = element('div', 'message');
    message.dataset.author = author;
    message.append(element('span', 'message-author', authorName(view.conversation, author)), element('p', 'message-text', text));
    view.transcript.append(message);
    view.transcript.scrollTop = view.transcript.scrollHeight;
    return message;
  }

  function sendDraft(view) {
    const text = view.composer.value.trim();
    if (!text) return;
    appendMessage(view, 'agent', text);
    view.composer.value = '';
  }

  // Built on first use, then kept: switching conversations swaps whole sections in and out.
  function viewFor(id) {
    let view = views.get(id);
    if (view) return view;
    const conversation = conversations.get(id);
    if (!conversation) throw new Error(`Unknown conversation ${id}`);

    const section = element('section', 'conversation');
    section.dataset.conversationId = id;
    section.dataset.channel = conversation.channel;
    const header = element('header', 'conversation-header');
    const badge = element('span', 'channel-badge', CHANNEL_LABELS[conversation.channel] ?? conversation.channel);
    badge.dataset.channel = conversation.channel;
    const meta = element('span', 'meta');
    meta.append(element('span', 'conversation-subject', conversation.subject), ` · ${conversation.queue} queue`);
    header.append(element('h2', 'customer-name', conversation.customerName), badge, meta);

    const transcript = element('div', 'transcript');
    transcript.setAttribute('role', 'log');
    const composerRow = element('div', 'composer');
    const composer = element('textarea', 'reply-box');
    composer.placeholder = conversation.channel === 'voice' ? 'Notes…' : 'Type your reply…';
    composer.setAttribute('aria-label', 'Reply');
    const send = element('button', 'send-button', 'Send');
    send.type = 'button';
    composerRow.append(composer, send);
    section.append(header, transcript, composerRow);

    view = { conversation, section, transcript, composer, next: 0, timer: null };
    views.set(id, view);
    send.addEventListener('click', () => sendDraft(view));
    composer.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) sendDraft(view);
    });

    const how = conversation.channel === 'voice' ? 'Call connected · live transcript' : `${CHANNEL_LABELS[conversation.channel]} interaction connected`;
    appendMessage(view, 'system', `${how} · ${conversation.queue} queue`);
    while (view.next < Math.min(settings.initialLines, conversation.timeline.length)) advance(view);
    return view;
  }

  function advance(view) {
    const line = view.conversation.timeline[view.next];
    if (!line) return false;
    view.next++;
    appendMessage(view, line.author, line.text);
    return true;
  }

  function stopTimeline(view) {
    if (view && view.timer !== null) clearInterval(view.timer);
    if (view) view.timer = null;
  }

  // Only the conversation on screen advances; it resumes where it stopped when shown again.
  function startTimeline(view) {
    stopTimeline(view);
    if (!timelineOn || view.next >= view.conversation.timeline.length) return;
    view.timer = setInterval(() => {
      if (!advance(view)) stopTimeline(view);
    }, settings.intervalMs);
  }

  function markSelected() {
    for (const item of list.children) {
      const selected = item.dataset.conversationId === selectedId;
      item.classList.toggle('is-selected', selected);
      item.setAttribute('aria-current', selected ? 'true' : 'false');
    }
  }

  function show(id) {
    if (id === selectedId) return;
    stopTimeline(views.get(selectedId));
    if (!conversations.has(id)) return hide();
    selectedId = id;
    const view = viewFor(id);
    workspace.replaceChildren(view.section);
    markSelected();
    startTimeline(view);
  }

  function hide() {
    stopTimeline(views.get(selectedId));
    selectedId = null;
    workspace.replaceChildren(placeholder);
    markSelected();
  }

  function route() {
    const match = HASH_PATTERN.exec(location.hash);
    if (match) show(match[1]);
    else hide();
  }

  function renderList() {
    for (const conversation of conversations.values()) {
      const item = element('li', 'conversation-item');
      item.dataset.conversationId = conversation.id;
      item.dataset.channel = conversation.channel;
      item.tabIndex = 0;
      item.setAttribute('role', 'button');
      const badge = element('span', 'channel-badge', CHANNEL_LABELS[conversation.channel] ?? conversation.channel);
      badge.dataset.channel = conversation.channel;
      item.append(element('span', 'customer-name', conversation.customerName), badge, element('span', 'subject', conversation.subject));
      const open = () => {
        location.hash = `#/conversations/${conversation.id}`;
      };
      item.addEventListener('click', open);
      item.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          open();
        }
      });
      list.append(item);
    }
  }

  // The test API. Calls made before the conversations load wait for them (and return a promise).
  const api = {
    addMessage(conversationId, author, text) {
      if (!AUTHORS.includes(author)) throw new Error(`author must be one of ${AUTHORS.join(', ')}`);
      appendMessage(viewFor(conversationId), author, String(text));
    },
    select(conversationId) {
      if (!conversations.has(conversationId)) throw new Error(`Unknown conversation ${conversationId}`);
      location.hash = `#/conversations/${conversationId}`;
      show(conversationId); // now, not at the next hashchange
    },
    closeConversation() {
      if (HASH_PATTERN.test(location.hash)) location.hash = '#/';
      hide();
    },
    setTimeline(on) {
      timelineOn = Boolean(on);
      const view = views.get(selectedId);
      if (!view) return;
      if (timelineOn) startTimeline(view);
      else stopTimeline(view);
    },
    composerValue() {
      const view = views.get(selectedId);
      return view ? view.composer.value : '';
    },
  };

  const ready = fetch('/desktop/api/conversations')
    .then((response) => {
      if (!response.ok) throw new Error(`Loading conversations failed: HTTP ${response.status}`);
      return response.json();
    })
    .then((data) => {
      settings = { agent: data.agent, initialLines: data.initialLines, intervalMs: data.intervalMs };
      document.getElementById('agent-name').textContent = data.agent.name;
      for (const conversation of data.conversations) conversations.set(conversation.id, conversation);
      renderList();
      loaded = true;
      window.addEventListener('hashchange', route);
      route();
      document.documentElement.dataset.ready = 'true';
    });

  const whenLoaded = (method) =>
    (...args) => (loaded ? method(...args) : ready.then(() => method(...args)));
  window.__simDesktop = {
    ready,
    addMessage: whenLoaded(api.addMessage),
    select: whenLoaded(api.select),
    closeConversation: whenLoaded(api.closeConversation),
    setTimeline: whenLoaded(api.setTimeline),
    composerValue: () => api.composerValue(),
    // The desktop's own light/dark theme, apart from the operating system's (as Genesys Cloud's).
    setTheme: (name) => document.documentElement.classList.toggle('theme-dark', name === 'dark'),
  };
})();
