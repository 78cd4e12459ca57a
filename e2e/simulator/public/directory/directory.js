// The realistic simulated agent desktop: the top frame of /directory/#/activity, built like the
// real Genesys Cloud desktop (docs/desktop-profile.md) so the built-in Genesys profile is exercised on
// the hard parts. An Ember-like shell (ember ids, hashed CSS-module classes nobody should rely on),
// an interaction roster (.interaction-group, .is-selected, data-conversation-id, gux-icon channel
// icons with their own shadow root), and app-view-stack[name="conversation"] whose open shadow root
// holds one .app-instance per opened conversation, each with a same-origin messaging-gadget iframe
// (no query string: the gadget learns its conversation by postMessage). Inactive instances carry
// aria-hidden="true". The URL stays #/activity whatever is selected, as on the real desktop.
//
// Each card is also a [data-qa-id="interaction-group-list-item"] that shows its interaction id as
// text in span[data-qa-id="interaction-id"], as public scripts for the live desktop read it.
//
// Query options: ?timeline=off (tests add messages themselves), ?ids=off (cards carry no
// conversation id at all, as may be the case on the live desktop), ?ids=text (no id attribute: the
// id only as the card's interaction-id text).
(() => {
  'use strict';

  const CHANNEL_ICONS = { message: 'comments', chat: 'chat', voice: 'phone', email: 'envelope' };
  const GLYPHS = { comments: 'M', chat: 'C', phone: 'V', envelope: 'E', callback: 'B' };
  const AUTHORS = ['customer', 'agent', 'system'];
  const DETAIL_VIEW = /^#\/(?:analytics\/interactions|engage\/admin\/interactions)\/([0-9a-f-]{36})/;
  const GADGET_URL = '/messaging-gadget/messaging-gadget.html';

  const params = new URLSearchParams(location.search);
  let timelineOn = params.get('timeline') !== 'off';
  const idMode = params.get('ids') ?? 'on';
  const showIds = idMode === 'on';
  const showIdText = idMode === 'on' || idMode === 'text';

  // A Spark-like icon: its glyph lives in its own shadow root; only the host's icon-name says what it is.
  class GuxIcon extends HTMLElement {
    static get observedAttributes() {
      return ['icon-name'];
    }
    constructor() {
      super();
      this.attachShadow({ mode: 'open' });
    }
    connectedCallback() {
      this.render();
    }
    attributeChangedCallback() {
      this.render();
    }
    render() {
      const glyph = GLYPHS[this.getAttribute('icon-name')] ?? '•';
      this.shadowRoot.innerHTML = `<style>:host{display:inline-flex}span{width:20px;height:20px;border-radius:50%;background:#dfe7f3;color:#2a4a7a;font:600 11px/20px system-ui,sans-serif;text-align:center}</style><span class="gux-icon-glyph" part="glyph">${glyph}</span>`;
    }
  }
  customElements.define('gux-icon', GuxIcon);

  // The conversation area: every opened conversation's instance sits in this element's shadow root.
  class AppViewStack extends HTMLElement {
    constructor() {
      super();
      const root = this.attachShadow({ mode: 'open' });
      root.innerHTML = `<style>
        :host { display: flex; }
        .stack { flex: 1; display: flex; min-height: 0; }
        .app-instance { flex: 1; display: flex; min-height: 0; }
        .app-instance[aria-hidden="true"] { display: none; }
        iframe { flex: 1; border: 1px solid #dde2e8; border-radius: 6px; background: #fff; min-height: 420px; }
      </style><div class="stack"></div>`;
    }
    get stack() {
      return this.shadowRoot.querySelector('.stack');
    }
  }
  customElements.define('app-view-stack', AppViewStack);

  const list = document.querySelector('.interaction-list');
  const header = document.querySelector('.interaction-header');
  const headerName = document.getElementById('interaction-header-participant-name');
  const headerIcon = header.querySelector('gux-icon');
  const headerMeta = header.querySelector('.interaction-header-meta');
  const placeholder = document.querySelector('.workspace-placeholder');
  let viewStack = document.querySelector('app-view-stack[name="conversation"]');

  let settings = { agent: { name: 'Agent' }, initialLines: 2, intervalMs: 4000 };
  const conversations = new Map(); // id → entry
  let selectedId = null;
  let loaded = false;
  let emberIds = 100;

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // Every customer and agent line goes to the simulator, in order, as the platform would know it
  // (the messaging API, the conversations topic and Copilot are fed from it).
  let reported = Promise.resolve();
  function report(conversationId, line) {
    if (line.author === 'system') return;
    const body = JSON.stringify({ id: line.id, author: line.author, text: line.text });
    reported = reported
      .then(() => fetch(`/desktop/api/conversations/${conversationId}/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body }))
      .catch((error) => console.warn('[realistic desktop] could not report a line', error));
  }

  function post(entry, message) {
    const target = entry.instance?.iframe.contentWindow;
    if (entry.instance?.ready && target) target.postMessage({ source: 'sim-directory', ...message }, location.origin);
  }

  function appendLine(entry, author, text) {
    const line = { id: crypto.randomUUID(), author, text: String(text), at: new Date().toISOString() };
    entry.lines.push(line);
    report(entry.data.id, line);
    post(entry, { type: 'line', line });
    return line;
  }

  function advance(entry) {
    const line = entry.data.timeline[entry.next];
    if (!line) return false;
    entry.next++;
    appendLine(entry, line.author, line.text);
    return true;
  }

  function stopTimeline(entry) {
    if (entry && entry.timer !== null) clearInterval(entry.timer);
    if (entry) entry.timer = null;
  }

  // Only the conversation on screen advances, as on the simple desktop.
  function startTimeline(entry) {
    stopTimeline(entry);
    if (!timelineOn || entry.ended || entry.next >= entry.data.timeline.length) return;
    entry.timer = setInterval(() => {
      if (!advance(entry)) stopTimeline(entry);
    }, settings.intervalMs);
  }

  function renderCard(entry) {
    const { data } = entry;
    const card = element('div', 'ember-view interaction-group');
    card.id = `ember${emberIds++}`;
    if (showIds) card.dataset.conversationId = data.id;
    card.setAttribute('data-qa-id', 'interaction-group-list-item');
    card.setAttribute('role', 'listitem');
    card.tabIndex = 0;
    card.setAttribute('aria-selected', 'false');
    const body = element('div', '_card_lfiei_1 interaction-card');
    const icon = element('gux-icon');
    icon.setAttribute('icon-name', CHANNEL_ICONS[data.channel] ?? 'comments');
    icon.setAttribute('decorative', '');
    const started = element('time', '_time_lfiei_4 interaction-start', new Date(entry.startedAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }));
    started.dateTime = entry.startedAt;
    body.append(icon, element('span', '_name_lfiei_2 participant-name', data.customerName), started, element('span', '_text_lfiei_3 interaction-subject', data.subject));
    if (showIdText) {
      const shownId = element('span', '_id_lfiei_5 interaction-id', data.id);
      shownId.setAttribute('data-qa-id', 'interaction-id');
      body.append(shownId);
    }
    card.append(body);
    card.addEventListener('click', () => select(data.id));
    card.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        select(data.id);
      }
    });
    list.append(card);
    return card;
  }

  // One instance per opened conversation, created on first selection and kept while it lasts.
  function instanceFor(entry) {
    if (entry.instance) return entry.instance;
    const wrapper = element('div', 'app-instance');
    wrapper.setAttribute('aria-hidden', 'true');
    const iframe = element('iframe');
    iframe.src = GADGET_URL;
    iframe.title = `Conversation with ${entry.data.customerName}`;
    wrapper.append(iframe);
    viewStack.stack.append(wrapper);
    entry.instance = { wrapper, iframe, ready: false };
    return entry.instance;
  }

  function render() {
    for (const entry of conversations.values()) {
      const selected = entry.data.id === selectedId;
      entry.card?.classList.toggle('is-selected', selected);
      entry.card?.setAttribute('aria-selected', String(selected));
      if (entry.instance) {
        if (selected) entry.instance.wrapper.removeAttribute('aria-hidden');
        else entry.instance.wrapper.setAttribute('aria-hidden', 'true');
      }
    }
    const entry = conversations.get(selectedId);
    header.hidden = !entry;
    placeholder.hidden = Boolean(entry);
    headerName.textContent = entry ? entry.data.customerName : '';
    headerIcon.setAttribute('icon-name', entry ? (CHANNEL_ICONS[entry.data.channel] ?? 'comments') : 'comments');
    headerMeta.textContent = entry ? `${entry.data.subject} · ${entry.data.queue} queue` : '';
  }

  function select(id) {
    const entry = conversations.get(id);
    if (!entry || entry.ended) throw new Error(`No open conversation ${id}`);
    if (id === selectedId) return;
    stopTimeline(conversations.get(selectedId));
    selectedId = id;
    instanceFor(entry);
    render();
    startTimeline(entry);
  }

  // The conversation ends (closed, or transferred away): its card and its instance go, as on the
  // real desktop, and the platform no longer lists it among the agent's conversations.
  function end(id, systemLine) {
    const entry = conversations.get(id);
    if (!entry || entry.ended) throw new Error(`No open conversation ${id}`);
    if (systemLine) appendLine(entry, 'system', systemLine);
    stopTimeline(entry);
    entry.ended = true;
    entry.card?.remove();
    entry.card = null;
    entry.instance?.wrapper.remove();
    entry.instance = null;
    if (selectedId === id) selectedId = null;
    render();
    void fetch('/__sim/copilot/end', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ conversationId: id }) }).catch(() => undefined);
  }

  // An Ember re-render of the whole conversation area: a new app-view-stack, new iframes.
  function rerenderConversationArea() {
    const fresh = document.createElement('app-view-stack');
    fresh.setAttribute('name', 'conversation');
    viewStack.replaceWith(fresh);
    viewStack = fresh;
    for (const entry of conversations.values()) {
      if (!entry.instance) continue;
      entry.instance = null;
      instanceFor(entry);
    }
    render();
  }

  window.addEventListener('message', (event) => {
    if (event.origin !== location.origin || typeof event.data !== 'object' || event.data === null || event.data.source !== 'sim-gadget') return;
    const entry = [...conversations.values()].find((candidate) => candidate.instance?.iframe.contentWindow === event.source);
    if (!entry) return;
    if (event.data.type === 'ready') {
      entry.instance.ready = true;
      post(entry, {
        type: 'init',
        conversation: { id: entry.data.id, channel: entry.data.channel, customerName: entry.data.customerName },
        agentName: settings.agent.name,
        lines: entry.lines,
      });
    } else if (event.data.type === 'send' && typeof event.data.text === 'string' && event.data.text.trim()) {
      appendLine(entry, 'agent', event.data.text.trim());
    }
  });

  function route() {
    const match = DETAIL_VIEW.exec(location.hash);
    if (match && conversations.has(match[1]) && !conversations.get(match[1]).ended) select(match[1]);
  }

  function gadgetOf(id) {
    const entry = conversations.get(id ?? selectedId);
    const gadget = entry?.instance?.iframe.contentWindow?.__simGadget;
    if (!gadget) throw new Error(`No messaging gadget loaded for ${id ?? selectedId ?? 'the selection'}`);
    return gadget;
  }

  function openEntry(id) {
    const entry = conversations.get(id);
    if (!entry || entry.ended) throw new Error(`No open conversation ${id}`);
    return entry;
  }

  // The test API (like the simple desktop's). Calls made before the conversations load wait for them.
  const api = {
    select,
    addMessage(conversationId, author, text) {
      if (!AUTHORS.includes(author)) throw new Error(`author must be one of ${AUTHORS.join(', ')}`);
      appendLine(openEntry(conversationId), author, text);
    },
    closeConversation(conversationId = selectedId) {
      end(conversationId, 'The conversation was closed.');
    },
    transfer(conversationId = selectedId, queue = 'Billing') {
      end(conversationId, `Transferred to the ${queue} queue.`);
    },
    setTimeline(on) {
      timelineOn = Boolean(on);
      const entry = conversations.get(selectedId);
      if (!entry) return;
      if (timelineOn) startTimeline(entry);
      else stopTimeline(entry);
    },
    rerenderTranscript(conversationId = selectedId) {
      post(openEntry(conversationId), { type: 'rerender' });
    },
    // A long history at once, as when the agent opens a conversation that has been going on for an
    // hour (the benchmarks' 10,000 messages): the gadget renders it in one go. The platform is not
    // told line by line; the benchmarks' provider reads the transcript from the context.
    addMessages(conversationId, lines) {
      const entry = openEntry(conversationId);
      const added = lines.map(({ author, text }) => {
        if (!AUTHORS.includes(author)) throw new Error(`author must be one of ${AUTHORS.join(', ')}`);
        return { id: crypto.randomUUID(), author, text: String(text), at: new Date().toISOString() };
      });
      entry.lines.push(...added);
      post(entry, { type: 'lines', lines: added });
    },
    rerenderConversationArea,
    selected: () => selectedId,
    instanceCount: () => viewStack.shadowRoot.querySelectorAll('.app-instance').length,
    editorText: (conversationId) => gadgetOf(conversationId).editorText(),
  };

  const ready = fetch('/desktop/api/conversations')
    .then((response) => {
      if (!response.ok) throw new Error(`Loading conversations failed: HTTP ${response.status}`);
      return response.json();
    })
    .then((data) => {
      settings = { agent: data.agent, initialLines: data.initialLines, intervalMs: data.intervalMs };
      document.getElementById('agent-name').textContent = data.agent.name;
      // All of the agent's conversations are connected when the desktop loads: each has its
      // opening lines already, whether or not the agent has looked at it yet.
      for (const conversation of data.conversations) {
        const entry = { data: conversation, lines: [], next: 0, timer: null, card: null, instance: null, ended: false, startedAt: new Date().toISOString() };
        conversations.set(conversation.id, entry);
        const how = conversation.channel === 'voice' ? 'Call connected · live transcript' : `${conversation.channel} interaction connected`;
        appendLine(entry, 'system', `${how} · ${conversation.queue} queue`);
        while (entry.next < Math.min(settings.initialLines, conversation.timeline.length)) advance(entry);
        entry.card = renderCard(entry);
      }
      if (!location.hash) history.replaceState(null, '', `${location.pathname}${location.search}#/activity`);
      loaded = true;
      window.addEventListener('hashchange', route);
      route();
      render();
      document.documentElement.dataset.ready = 'true';
    });

  const whenLoaded =
    (method) =>
    (...args) =>
      loaded ? method(...args) : ready.then(() => method(...args));
  window.__simDesktop = {
    ready,
    select: whenLoaded(api.select),
    addMessage: whenLoaded(api.addMessage),
    addMessages: whenLoaded(api.addMessages),
    closeConversation: whenLoaded(api.closeConversation),
    transfer: whenLoaded(api.transfer),
    setTimeline: whenLoaded(api.setTimeline),
    rerenderTranscript: whenLoaded(api.rerenderTranscript),
    rerenderConversationArea: whenLoaded(api.rerenderConversationArea),
    selected: api.selected,
    instanceCount: api.instanceCount,
    editorText: api.editorText,
  };
})();
