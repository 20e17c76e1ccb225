// The replay's scrubber (ADR 0024), an enhancement: without JavaScript the range and the previous
// and next buttons submit the GET form and the server shows the chosen step. Here they move the
// step in place: the steps after it are marked "komt nog", the current one aria-current="step",
// and the live region says which step it is.

const speler = document.getElementById('speler');

if (speler) {
  const schuif = document.getElementById('stap');
  const vorige = document.getElementById('vorige');
  const volgende = document.getElementById('volgende');
  const huidig = document.getElementById('huidig');
  const stappen = [...document.querySelectorAll('#stappen > li')];
  const aantal = stappen.length;

  const toon = (nummer) => {
    const stap = Math.min(aantal, Math.max(1, nummer));
    schuif.value = String(stap);
    schuif.setAttribute('aria-valuetext', 'Stap ' + stap + ' van ' + aantal);
    stappen.forEach((element, index) => {
      const positie = index + 1;
      element.classList.toggle('analyse-stap--later', positie > stap);
      element.classList.toggle('analyse-stap--huidig', positie === stap);
      if (positie === stap) {
        element.setAttribute('aria-current', 'step');
      } else {
        element.removeAttribute('aria-current');
      }
    });
    vorige.disabled = stap <= 1;
    volgende.disabled = stap >= aantal;
    huidig.textContent = stappen[stap - 1].dataset.beschrijving;
    // The address says the step too, so a reload or a shared link shows the same.
    const adres = new URL(window.location.href);
    adres.searchParams.set('stap', String(stap));
    adres.searchParams.delete('ga');
    window.history.replaceState(null, '', adres);
  };

  schuif.addEventListener('input', () => toon(Number(schuif.value)));
  vorige.addEventListener('click', (gebeurtenis) => {
    gebeurtenis.preventDefault();
    toon(Number(schuif.value) - 1);
    if (vorige.disabled) {
      schuif.focus();
    }
  });
  volgende.addEventListener('click', (gebeurtenis) => {
    gebeurtenis.preventDefault();
    toon(Number(schuif.value) + 1);
    if (volgende.disabled) {
      schuif.focus();
    }
  });
  speler.addEventListener('submit', (gebeurtenis) => {
    gebeurtenis.preventDefault();
    toon(Number(schuif.value));
  });
}
