// Paperboy's only script, and an optional one: every page works without it.
// "More papers" appends the next page of cards in place instead of opening it.
document.addEventListener('click', async (event) => {
  const link = event.target.closest('a[data-more]');
  if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  link.setAttribute('aria-busy', 'true');
  try {
    const response = await fetch(link.href, { headers: { Accept: 'text/html' } });
    if (!response.ok) throw new Error('HTTP ' + response.status);
    const next = new DOMParser().parseFromString(await response.text(), 'text/html');
    const list = document.querySelector('ol.cards');
    const items = Array.from(next.querySelectorAll('ol.cards > li'));
    items.forEach((item) => list.appendChild(document.adoptNode(item)));
    if (window.htmx) items.forEach((item) => window.htmx.process(item)); // upvote buttons of signed-in visitors
    const paging = next.querySelector('nav.paging');
    paging?.querySelectorAll('a[rel=prev]').forEach((a) => a.remove());
    if (paging) document.querySelector('nav.paging')?.replaceWith(document.adoptNode(paging));
    const shown = document.querySelector('.listing-tools .summary');
    const nextShown = next.querySelector('.listing-tools .summary');
    if (shown && nextShown) shown.textContent = nextShown.textContent.replace(/showing \d+/, 'showing 1');
    items[0]?.querySelector('.card-title a')?.focus();
  } catch (error) {
    window.location.href = link.href; // fall back to the plain link
  }
});

// Keyboard shortcuts on listings: j/k move between cards, u upvotes the card in focus, o opens
// it, / goes to the search box, ? shows the help. Keys typed into a field are left alone.
(() => {
  const typing = (el) => el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
  const cards = () => Array.from(document.querySelectorAll('article[data-card]'));
  const current = () => document.activeElement?.closest('article[data-card]');

  function focusCard(card) {
    if (!card) return;
    document.querySelectorAll('article[data-card].focused').forEach((c) => c.classList.remove('focused'));
    card.classList.add('focused');
    card.querySelector('.card-title a')?.focus();
    card.scrollIntoView({ block: 'nearest' });
  }

  function move(step) {
    const all = cards();
    if (all.length === 0) return;
    const at = all.indexOf(current());
    const next = at < 0 ? (step > 0 ? 0 : all.length - 1) : Math.min(all.length - 1, Math.max(0, at + step));
    focusCard(all[next]);
  }

  function upvote() {
    const card = current();
    if (!card) return;
    const control = card.querySelector('form.upvote button, a.upvote-login');
    control?.click();
  }

  function toggleHelp() {
    const help = document.getElementById('shortcuts');
    if (!help) return;
    if (help.open) help.close(); else help.showModal();
  }

  document.addEventListener('click', (event) => {
    if (event.target.closest('[data-help]')) toggleHelp();
  });

  document.addEventListener('keydown', (event) => {
    if (event.metaKey || event.ctrlKey || event.altKey || typing(event.target)) return;
    const actions = {
      j: () => move(1),
      k: () => move(-1),
      u: upvote,
      o: () => current()?.querySelector('.card-title a')?.click(),
      '/': () => (document.getElementById('q') || document.getElementById('search-q'))?.focus(),
      '?': toggleHelp,
    };
    const action = actions[event.key];
    if (!action) return;
    if (event.key !== '?' && event.key !== '/' && cards().length === 0) return;
    event.preventDefault();
    action();
  });

  document.addEventListener('focusin', (event) => {
    const card = event.target.closest?.('article[data-card]');
    document.querySelectorAll('article[data-card].focused').forEach((c) => { if (c !== card) c.classList.remove('focused'); });
    card?.classList.add('focused');
  });
})();
