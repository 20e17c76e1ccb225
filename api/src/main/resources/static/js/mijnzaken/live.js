// The zaak page's live status (an enhancement: without JavaScript the page shows the same status,
// only not updated by itself). The server pushes the page's own status part, rendered from the same
// template fragment, over Server-Sent Events on the page's path; this module puts it in place and
// announces the change in the aria-live region, so a screen reader hears it without losing its place.

const status = document.getElementById('zaakstatus');
const melding = document.getElementById('zaakmelding');

function tekst(element) {
  return element.textContent.replace(/\s+/g, ' ').trim();
}

function vervang(html) {
  const sjabloon = document.createElement('template');
  sjabloon.innerHTML = html;
  const nieuw = sjabloon.content.firstElementChild;
  const oud = document.getElementById('zaakstatus');
  if (!nieuw || nieuw.id !== 'zaakstatus' || !oud) {
    return;
  }
  // The first event after (re)connecting is the zaak as it is now: nothing to announce if the page
  // shows that already. Compared as text: the event's lines lose a leading space on the way (SSE).
  if (tekst(oud) === tekst(nieuw)) {
    return;
  }
  oud.replaceWith(nieuw);
  if (melding) {
    melding.textContent = nieuw.dataset.melding || 'Uw zaak is bijgewerkt.';
  }
}

if (status && status.dataset.updates && 'EventSource' in window) {
  // The session cookie goes along (same origin); after a dropped connection EventSource reconnects
  // by itself with the Last-Event-ID, and the server sends only what is newer.
  const bron = new EventSource(status.dataset.updates);
  bron.addEventListener('open', () => {
    document.body.dataset.live = 'verbonden';
  });
  bron.addEventListener('status', (event) => vervang(event.data));
  bron.addEventListener('error', () => {
    // CLOSED: the server refused (logged out, zaak gone); the page keeps what it shows.
    document.body.dataset.live = bron.readyState === EventSource.CLOSED ? 'gesloten' : 'opnieuw';
  });
  window.addEventListener('pagehide', () => bron.close());
}
