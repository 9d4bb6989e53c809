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
