// The kanaalwissels as a Sankey diagram (ADR 0024). The data is the accessible table on the page
// (one source, so chart and table cannot disagree): each row carries its kanalen and its warm and
// koud counts and links in data-* attributes. Sources and targets are separate nodes ("van" left,
// "naar" right): telefoon -> webformulier and webformulier -> telefoon would otherwise be a cycle,
// which a Sankey diagram cannot draw. Clicking a link opens the klantreizen behind it; the table's
// links do the same by keyboard.

const element = document.getElementById('sankey');
const tabel = element && document.getElementById(element.dataset.tabel);

function kleur(naam) {
  return getComputedStyle(document.documentElement).getPropertyValue(naam).trim();
}

function teken() {
  if (!element || !tabel || !window.echarts) {
    return;
  }
  const knopen = new Map();
  const stromen = [];
  const warm = kleur('--analyse-warm');
  const koud = kleur('--analyse-koud');
  for (const rij of tabel.querySelectorAll('tr.analyse-wissel')) {
    const van = 'van ' + rij.dataset.van;
    const naar = 'naar ' + rij.dataset.naar;
    knopen.set(van, { name: van, depth: 0 });
    knopen.set(naar, { name: naar, depth: 1 });
    for (const [soort, aantal, link, lijnkleur] of [
      ['warm', Number(rij.dataset.warm), rij.dataset.linkWarm, warm],
      ['koud', Number(rij.dataset.koud), rij.dataset.linkKoud, koud],
    ]) {
      if (aantal > 0) {
        stromen.push({ source: van, target: naar, value: aantal, soort, link,
          lineStyle: { color: lijnkleur, opacity: 0.55 } });
      }
    }
  }
  const grafiek = window.echarts.init(element, null, { renderer: 'svg' });
  grafiek.setOption({
    aria: { enabled: false },
    animation: false,
    textStyle: { fontFamily: 'Noto Sans, sans-serif', fontSize: 14 },
    series: [{
      type: 'sankey',
      data: [...knopen.values()],
      links: stromen,
      nodeAlign: 'justify',
      nodeGap: 24,
      left: 8,
      right: 280,
      emphasis: { focus: 'adjacency' },
      label: { color: '#1a1a1a', fontSize: 14 },
      itemStyle: { color: '#4d4d4d', borderColor: '#4d4d4d' },
      edgeLabel: {
        show: true,
        color: '#1a1a1a',
        fontSize: 13,
        formatter: (stroom) => stroom.data.value + ' ' + stroom.data.soort,
      },
    }],
  });
  grafiek.on('click', (gekozen) => {
    if (gekozen.dataType === 'edge' && gekozen.data.link) {
      window.location.assign(gekozen.data.link);
    }
  });
  window.addEventListener('resize', () => grafiek.resize());
  element.dataset.getekend = 'ja';
}

teken();
