// The playground page: four chats with the real bot, drawn from /playground/api/state and acting through
// the same API. Plain JavaScript, no build step.
(() => {
  'use strict';
  const { lang, strings } = window.PLAYGROUND;
  const t = (key, vars = {}) => (strings[key] ?? key).replace(/\{ ?\$(\w+) ?\}/g, (_, name) => vars[name] ?? '');
  const PANES = [
    {
      id: 'zalo',
      title: 'playground-pane-zalo',
      who: 'playground-who-zalo',
      empty: 'playground-empty-private',
      messenger: 'zalo',
      group: false,
    },
    {
      id: 'telegram',
      title: 'playground-pane-telegram',
      who: 'playground-who-telegram',
      empty: 'playground-empty-private',
      messenger: 'telegram',
      group: false,
    },
    {
      id: 'team',
      title: 'playground-pane-team',
      who: 'playground-who-team',
      empty: 'playground-empty-group',
      messenger: 'telegram',
      group: true,
    },
    {
      id: 'officer',
      title: 'playground-pane-officer',
      who: 'playground-who-officer',
      empty: 'playground-empty-officer',
      messenger: 'telegram',
      group: false,
    },
  ];
  const state = {}; // per pane: { view, json, replyTo, error, els }
  let clockOffset = 0;

  const el = (tag, attrs = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (k === 'class') node.className = v;
      else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
      else if (v !== undefined && v !== null) node.setAttribute(k, v);
    }
    for (const c of children.flat()) if (c !== null && c !== undefined) node.append(c);
    return node;
  };

  for (const node of document.querySelectorAll('[data-t]')) node.textContent = t(node.dataset.t);
  document.documentElement.lang = lang;
  const other = document.getElementById('other-lang');
  other.href = `/?lang=${lang === 'vi' ? 'en' : 'vi'}`;

  async function api(path, body) {
    const res = await fetch(
      `/playground/api/${path}`,
      body ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {},
    );
    const json = await res.json().catch(() => ({}));
    if (!res.ok) throw new Error(json.error || `HTTP ${res.status}`);
    return json;
  }

  /** Telegram's HTML subset (b, i, u, s, code, pre, a, blockquote), everything else as text. */
  const ALLOWED = {
    B: 'b',
    STRONG: 'b',
    I: 'i',
    EM: 'i',
    U: 'u',
    INS: 'u',
    S: 's',
    STRIKE: 's',
    DEL: 's',
    CODE: 'code',
    PRE: 'pre',
    A: 'a',
    BLOCKQUOTE: 'blockquote',
  };
  function safeHtml(html) {
    const doc = new DOMParser().parseFromString(`<div>${html.replace(/\n/g, '<br>')}</div>`, 'text/html');
    const copy = (node) => {
      if (node.nodeType === Node.TEXT_NODE) return document.createTextNode(node.textContent);
      if (node.nodeName === 'BR') return document.createTextNode('\n');
      const children = [...node.childNodes].map(copy);
      const tag = ALLOWED[node.nodeName];
      if (!tag) return el('span', {}, children);
      const attrs =
        tag === 'a' && /^https?:/.test(node.getAttribute('href') || '')
          ? { href: node.getAttribute('href'), target: '_blank', rel: 'noopener' }
          : {};
      return el(tag, attrs, children);
    };
    return [...doc.body.firstChild.childNodes].map(copy);
  }

  async function act(pane, path, body) {
    const s = state[pane];
    s.error = null;
    // Acting brings the chat back to its latest message, as sending does in a messenger.
    s.stick = true;
    drawExtras(pane);
    try {
      await api(path, { pane, ...body });
    } catch (err) {
      s.error = t('playground-error', { error: err.message });
      drawExtras(pane);
    }
    poll();
  }

  function messageNode(pane, m, all) {
    const def = PANES.find((p) => p.id === pane);
    const bubble = el('div', { class: 'bubble' });
    if (m.from === 'bot' && def.group) bubble.append(el('div', { class: 'sender' }, t('playground-bot-name')));
    if (m.from === 'bot' && def.messenger === 'zalo')
      bubble.append(el('div', { class: 'sender' }, t('playground-oa-name')));
    if (m.replyTo) {
      const quoted = all.find((x) => x.id === m.replyTo);
      if (quoted) bubble.append(el('div', { class: 'quote' }, quoted.text.split('\n')[0]));
    }
    if (m.kind === 'photo') {
      bubble.append(
        m.image
          ? el(
              'a',
              { href: m.image, target: '_blank' },
              el('img', { src: m.image, alt: m.text || t('playground-image') }),
            )
          : el('div', { class: 'photo-placeholder', title: t('playground-image') }, '🖼'),
      );
    }
    if (m.kind === 'document') bubble.append(el('div', {}, `📎 ${t('playground-document')}`));
    const body = el('div', { class: 'text' });
    if (m.choices.length > 0) {
      // Zalo: the numbered choices stay text, as Zalo shows them; a click types the number.
      const numbers = new Set(m.choices.map((c) => c.data));
      for (const line of m.text.split('\n')) {
        const match = /^(\d{1,2})\. (.+)$/.exec(line);
        if (match && numbers.has(match[1])) {
          body.append(
            el(
              'div',
              {
                class: 'choice',
                'data-choice': match[1],
                onclick: () => act(pane, 'press', { messageId: m.id, data: match[1] }),
              },
              el('span', { class: 'num' }, match[1]),
              match[2],
            ),
          );
        } else body.append(el('div', {}, line || '\u00a0'));
      }
    } else if (m.html) body.append(...safeHtml(m.html));
    else body.append(m.text);
    if (m.text || m.html) bubble.append(body);
    if (m.kind === 'request_info' && m.from === 'bot') {
      bubble.append(
        el(
          'div',
          { class: 'oa-buttons' },
          el('button', { type: 'button', onclick: () => act(pane, 'contact', {}) }, t('playground-share-info')),
        ),
      );
    }
    if (m.buttons.length > 0 && def.messenger === 'zalo') {
      bubble.append(
        el(
          'div',
          { class: 'oa-buttons' },
          m.buttons
            .flat()
            .map((b) =>
              el(
                'button',
                { type: 'button', onclick: () => act(pane, 'press', { messageId: m.id, data: b.data }) },
                b.text,
              ),
            ),
        ),
      );
    }
    const time = new Date(m.at).toLocaleTimeString(lang, {
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'Asia/Ho_Chi_Minh',
    });
    const meta = el('div', { class: 'meta' });
    if (m.from === 'bot' && m.id)
      meta.append(
        el(
          'span',
          {
            class: 'reply-link',
            onclick: () => {
              state[pane].replyTo = m;
              drawExtras(pane);
              state[pane].els.input.focus();
            },
          },
          `↩ ${t('playground-reply')}`,
        ),
      );
    meta.append(el('span', {}, time));
    bubble.append(meta);
    const node = el('div', { class: `msg ${m.from}`, 'data-id': m.id ?? '' }, bubble);
    if (m.buttons.length > 0 && def.messenger === 'telegram') {
      node.append(
        el(
          'div',
          { class: 'inline-kb' },
          m.buttons.map((row) =>
            el(
              'div',
              { class: 'row' },
              row.map((b) =>
                el(
                  'button',
                  {
                    type: 'button',
                    onclick: () =>
                      b.url ? window.open(b.url, '_blank') : act(pane, 'press', { messageId: m.id, data: b.data }),
                  },
                  b.text,
                ),
              ),
            ),
          ),
        ),
      );
    }
    if (m.choices.length > 0) node.append(el('div', { class: 'hint' }, t('playground-choose-hint')));
    return node;
  }

  /** The chat grew: keep the latest message in view, unless the person scrolled up to read. */
  function followBottom(pane) {
    const s = state[pane];
    if (s.follow) s.els.messages.scrollTop = s.els.messages.scrollHeight;
  }

  function drawMessages(pane) {
    const { view, els } = state[pane];
    const box = els.messages;
    els.list.replaceChildren();
    if (view.messages.length === 0)
      els.list.append(el('div', { class: 'empty' }, t(PANES.find((p) => p.id === pane).empty)));
    for (const m of view.messages) els.list.append(messageNode(pane, m, view.messages));
    // Like a messenger: new messages scroll into view unless the person scrolled up to read.
    if (state[pane].stick) state[pane].follow = true;
    if (state[pane].follow) box.scrollTop = box.scrollHeight;
    state[pane].stick = false;
    els.keyboard.replaceChildren(
      ...view.keyboard.map((row) =>
        el(
          'div',
          { class: 'row' },
          row.map((b) =>
            el(
              'button',
              { type: 'button', onclick: () => (b.contact ? act(pane, 'contact', {}) : sendText(pane, b.text)) },
              b.text,
            ),
          ),
        ),
      ),
    );
    els.keyboard.hidden = view.keyboard.length === 0;
  }

  function drawExtras(pane) {
    const s = state[pane];
    s.els.replying.hidden = !s.replyTo;
    if (s.replyTo) s.els.replyingText.textContent = `${t('playground-replying')} ${s.replyTo.text.split('\n')[0]}`;
    s.els.error.hidden = !s.error;
    s.els.error.textContent = s.error ?? '';
  }

  function sendText(pane, text) {
    const s = state[pane];
    const replyTo = s.replyTo?.id;
    s.replyTo = null;
    s.stick = true;
    return act(pane, 'send', { text, ...(replyTo ? { replyTo } : {}) });
  }

  function buildPane(def) {
    const input = el('input', {
      type: 'text',
      class: 'input',
      placeholder: t('playground-input'),
      'aria-label': t('playground-input'),
    });
    const list = el('div', { class: 'list' });
    const messages = el(
      'div',
      {
        class: 'messages',
        onscroll: () => {
          state[def.id].follow = messages.scrollHeight - messages.scrollTop - messages.clientHeight < 40;
        },
      },
      list,
    );
    // Pictures that load and text that reflows make the chat taller after it was drawn, a notice above
    // makes the pane shorter: either way, keep following the latest message.
    const follow = new ResizeObserver(() => followBottom(def.id));
    follow.observe(list);
    follow.observe(messages);
    const keyboard = el('div', { class: 'keyboard', hidden: '' });
    const replyingText = el('span');
    const replying = el(
      'div',
      { class: 'replying', hidden: '' },
      replyingText,
      el(
        'button',
        {
          type: 'button',
          onclick: () => {
            state[def.id].replyTo = null;
            drawExtras(def.id);
          },
        },
        t('playground-cancel'),
      ),
    );
    const error = el('div', { class: 'error', hidden: '' });
    const submit = (e) => {
      e.preventDefault();
      const text = input.value.trim();
      if (!text) return;
      input.value = '';
      sendText(def.id, text);
    };
    const form = el(
      'form',
      { class: 'composer', onsubmit: submit },
      el(
        'button',
        {
          type: 'button',
          class: 'photo',
          title: t('playground-photo'),
          'aria-label': t('playground-photo'),
          onclick: () => {
            const s = state[def.id];
            const replyTo = s.replyTo?.id;
            s.replyTo = null;
            s.stick = true;
            act(def.id, 'photo', {
              caption: input.value.trim() || t('playground-photo-caption'),
              ...(replyTo ? { replyTo } : {}),
            });
            input.value = '';
          },
        },
        '📷',
      ),
      input,
      el('button', { type: 'submit', class: 'send' }, t('playground-send')),
    );
    const node = el(
      'section',
      { class: `pane ${def.messenger}${def.group ? ' group' : ''}`, 'data-pane': def.id },
      el(
        'div',
        { class: 'pane-head' },
        el('div', { class: 'title' }, t(def.title)),
        el('div', { class: 'who' }, t(def.who)),
      ),
      messages,
      keyboard,
      error,
      replying,
      form,
    );
    state[def.id] = {
      view: null,
      json: '',
      replyTo: null,
      error: null,
      stick: true,
      follow: true,
      els: { messages, list, keyboard, replying, replyingText, error, input },
    };
    return node;
  }

  document.getElementById('panes').append(...PANES.map(buildPane));

  const clockNode = document.getElementById('clock-now');
  const showClock = () => {
    const now = new Date(Date.now() + clockOffset);
    clockNode.textContent = now.toLocaleString(lang, {
      weekday: 'short',
      day: '2-digit',
      month: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'Asia/Ho_Chi_Minh',
    });
  };
  setInterval(showClock, 1000);

  for (const button of document.querySelectorAll('[data-jump]')) {
    button.addEventListener('click', async () => {
      const notice = document.getElementById('notice');
      try {
        const { now } = await api('clock', { jump: button.dataset.jump });
        clockOffset = new Date(now).getTime() - Date.now();
        showClock();
        notice.textContent = t('playground-jumped', { time: clockNode.textContent });
      } catch (err) {
        notice.textContent = t('playground-error', { error: err.message });
      }
      notice.hidden = false;
      poll();
    });
  }

  let polling = false;
  async function poll() {
    if (polling) return;
    polling = true;
    try {
      const { now, panes } = await api('state');
      clockOffset = new Date(now).getTime() - Date.now();
      showClock();
      for (const view of panes) {
        const json = JSON.stringify(view);
        if (json === state[view.id].json) continue;
        state[view.id].json = json;
        state[view.id].view = view;
        drawMessages(view.id);
      }
    } catch {
      // The bot restarting: the next poll tries again.
    } finally {
      polling = false;
    }
  }
  setInterval(poll, 700);
  poll();
})();
