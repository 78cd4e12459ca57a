// The simulated messaging gadget (/messaging-gadget/messaging-gadget.html, one iframe per
// conversation, no query string). The top frame tells it which conversation it shows by
// postMessage, then sends each new line. Markup as far as docs/desktop-profile.md knows it:
// [data-automation-id="message-history"] holding message groups (the customer's marked .remote,
// the legacy way), each message's text in [data-automation-id="messaging-gadget-message-textbody"],
// system lines [data-automation-id="message-history-system-message"] (with a text body too, so a
// reader must exclude them), and a ProseMirror-like composer
// ([data-automation-id="editor-content"] [contenteditable="true"][role="textbox"]).
// Test hooks: window.__simGadget (editorText, editorSelection, conversationId, messageCount, ...).
(() => {
  'use strict';

  const scroller = document.querySelector('.message-history-scroller');
  const sendButton = document.querySelector('[data-automation-id="send-button"]');
  let conversation = null;
  let agentName = 'Agent';
  let lines = [];
  let history = null;
  let resolveReady;
  const ready = new Promise((resolve) => {
    resolveReady = resolve;
  });

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function textBody(text) {
    const body = element('div', '_text_q8v2c_3 message-text', text);
    body.dataset.automationId = 'messaging-gadget-message-textbody';
    return body;
  }

  // Consecutive messages of one author share a group, as in the real gadget.
  function renderLine(container, line) {
    if (line.author === 'system') {
      const notice = element('div', 'system-message');
      notice.dataset.automationId = 'message-history-system-message';
      notice.append(textBody(line.text));
      container.append(notice);
      return;
    }
    const side = line.author === 'customer' ? 'remote' : 'local';
    let group = container.lastElementChild;
    if (!group || !group.classList.contains('message-group') || !group.classList.contains(side)) {
      group = element('div', `_group_q8v2c_4 message-group ${side}`);
      group.append(element('div', 'message-sender', line.author === 'customer' ? conversation.customerName : agentName));
      container.append(group);
    }
    const message = element('div', '_message_q8v2c_5 message');
    const time = element('time', '', new Date(line.at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }));
    time.dateTime = line.at;
    message.append(textBody(line.text), time);
    group.append(message);
  }

  function renderHistory() {
    const fresh = element('div', '_log_q8v2c_6 message-history');
    fresh.dataset.automationId = 'message-history';
    fresh.setAttribute('role', 'log');
    for (const line of lines) renderLine(fresh, line);
    if (history) history.replaceWith(fresh);
    else scroller.replaceChildren(fresh);
    history = fresh;
    scroller.scrollTop = scroller.scrollHeight;
  }

  function append(line) {
    lines.push(line);
    renderLine(history, line);
    scroller.scrollTop = scroller.scrollHeight;
  }

  const editor = window.SimProseEditor.create(document.querySelector('[data-automation-id="editor-content"]'), {
    label: 'Reply',
    onSubmit: () => send(),
  });

  function send() {
    const text = editor.text().trim();
    if (!text || !conversation) return;
    parent.postMessage({ source: 'sim-gadget', type: 'send', text }, location.origin);
    editor.clear();
  }
  sendButton.addEventListener('click', send);

  window.addEventListener('message', (event) => {
    if (event.origin !== location.origin || event.source !== parent || typeof event.data !== 'object' || event.data === null || event.data.source !== 'sim-directory') return;
    const message = event.data;
    if (message.type === 'init') {
      conversation = message.conversation;
      agentName = message.agentName;
      lines = [...message.lines];
      renderHistory();
      document.documentElement.dataset.ready = 'true';
      resolveReady();
    } else if (message.type === 'line' && conversation) {
      append(message.line);
    } else if (message.type === 'lines' && conversation) {
      lines.push(...message.lines);
      renderHistory();
    } else if (message.type === 'rerender' && conversation) {
      renderHistory();
    }
  });

  window.__simGadget = {
    ready,
    conversationId: () => conversation?.id ?? null,
    editorText: () => editor.text(),
    editorSelection: () => editor.selection(),
    messageCount: () => (history ? history.querySelectorAll('[data-automation-id="messaging-gadget-message-textbody"]').length : 0),
    focusEditor: () => editor.focus(),
  };

  parent.postMessage({ source: 'sim-gadget', type: 'ready' }, location.origin);
})();
