// For you: Save and Not interested answer in place (the forms work without this script too).
document.addEventListener('submit', async (event) => {
  const form = event.target;
  if (!form.matches('.signal-actions form')) return;
  event.preventDefault();
  const card = form.closest('.card');
  const response = await fetch(form.action, {method: 'POST', body: new FormData(form), credentials: 'same-origin', redirect: 'manual'});
  if (response.type !== 'opaqueredirect' && !response.ok) { form.submit(); return; }
  if (form.action.endsWith('/hide')) { card.remove(); return; }
  window.location.reload();
});
