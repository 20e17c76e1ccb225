package nl.klantreis.projecties.kpi;

import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;

import nl.klantreis.domein.referentie.Kanalen;

/**
 * The KPIs of KLANTREIS-EN-KPI.md §3 as a pure calculation over the facts: no clock, no store, no
 * Spring. The same facts and the same {@link Kpivraag} give the same {@link Kpiuitkomst}, whatever
 * order the klanten, or the facts within a klant, come in.
 *
 * <h2>Memory</h2>
 * Klanten are read one at a time from the stream: each klant's klantreizen are derived at the
 * peilmoment, counted, and dropped. What stays is a counter per key of the uitsplitsing, a
 * histogram of whole hours for {@code doorlooptijd}, and, for {@code status-navraag-per-zaak}
 * only, the ids of the zaken registered in the period. Streams are closed after use; only the
 * ones a KPI needs are opened (klanten, zaken, or for status-navraag-per-zaak first zaken, then
 * klanten).
 *
 * <h2>Peilmoment</h2>
 * Facts that happened after the peilmoment do not count at all: they are dropped before the
 * klantreis rules run (a closure after it means the zaak was still open). A fact at the peilmoment
 * itself counts. A klantreis without a zaak (onderwerp, vervolg, anoniem) has ended when its last
 * contact plus 14 calendar days lies before the peilmoment; a zaak klantreis when its zaak was
 * closed by the peilmoment; one of a zaak never registered never ends.
 *
 * <h2>What each KPI answers</h2>
 * <table>
 * <caption>KPIs, their figures and the uitsplitsingen they accept</caption>
 * <tr><th>kpi</th><th>selects</th><th>figures</th><th>per</th></tr>
 * <tr><td>contactvolume</td><td>contacts in the period</td><td>aantal, with an uitsplitsing per kanaal
 *   always</td><td>kanaal (the same), zaaktype (per zaaktype of the contact's klantreis, each split per
 *   kanaal)</td></tr>
 * <tr><td>herhaalcontact-ratio</td><td>contacts in the period</td><td>waarde, teller (within 7 days of
 *   the previous klantcontact of its klantreis), noemer</td><td>kanaal (of the contact), zaaktype</td></tr>
 * <tr><td>klantreizen</td><td>klantreizen started in the period</td><td>aantal (ended or not)</td>
 *   <td>kanaal (of the first step), zaaktype</td></tr>
 * <tr><td>contacten-per-klantreis</td><td>same, ended</td><td>waarde, teller (klantcontacten), noemer
 *   (klantreizen)</td><td>kanaal, zaaktype</td></tr>
 * <tr><td>kanaalwissel-ratio</td><td>same, ended</td><td>waarde, teller, noemer</td><td>kanaal,
 *   zaaktype</td></tr>
 * <tr><td>kanaalwissel-matrix</td><td>klantreizen started in the period, ended or not</td><td>cellen
 *   [van, naar, aantal, warm] by van then naar; aantal (all wissels)</td><td>zaaktype only: the cells are
 *   already per kanaal</td></tr>
 * <tr><td>first-contact-resolution</td><td>same, ended, thema an onderwerp (soort ONDERWERP or
 *   ANONIEM)</td><td>waarde, teller (exactly one klantcontact, resultaat beantwoord), noemer</td>
 *   <td>kanaal, zaaktype (then: the onderwerp)</td></tr>
 * <tr><td>kosten-per-klantreis</td><td>same, ended</td><td>waardeCent, klantreizen,
 *   contactenZonderKosten; teller (total cents) and noemer (= klantreizen)</td><td>kanaal,
 *   zaaktype</td></tr>
 * <tr><td>status-navraag-per-zaak</td><td>zaken registered in the period</td><td>waarde, teller
 *   (status-navraag contacts naming them, any time up to the peilmoment), noemer (the zaken)</td>
 *   <td>zaaktype only: a zaak has no kanaal in the input</td></tr>
 * <tr><td>doorlooptijd</td><td>same, closed by the peilmoment</td><td>aantal; uitsplitsing per zaaktype
 *   always, with p50Uren, p90Uren, aantal (a zaaktype whose zaken are all open shows aantal 0 and no
 *   percentiles)</td><td>zaaktype (the same)</td></tr>
 * <tr><td>binnen-servicenorm</td><td>same, closed by the peilmoment</td><td>waarde, teller, noemer over
 *   all zaaktypen; uitsplitsing per zaaktype always</td><td>zaaktype (the same)</td></tr>
 * </table>
 *
 * <p>Breakdown keys: kanaal is the kanaal code; zaaktype is the zaaktype of the klantreis's zaak as
 * the klant's {@code Zaakgegevens} gives it, and for a klantreis without a zaak, or whose zaak is not
 * known (yet), its onderwerp (for a zaak klantreis of an unknown zaak: the onderwerp of its first
 * klantcontact). An uitsplitsing lists every key that occurs in the KPI's selection before the
 * "ended"/"closed" condition, sorted by key; a part with nothing ended shows its figures over nothing.
 *
 * <p>Ratios and means: {@value Kpicijfers#SCHAAL} digits after the point, half up; over nothing
 * {@code waarde} is null, with teller and noemer 0.
 */
public final class Kpiberekening {
    private final Kanalen kanalen;

    /** @param kanalen the kanaal list; its {@code kosten} price the klantcontacten of kosten-per-klantreis */
    public Kpiberekening(Kanalen kanalen) {
        this.kanalen = Objects.requireNonNull(kanalen, "kanalen");
    }

    /**
     * @param klanten every klant with all his facts; opened only for the KPIs that read klanten
     * @param zaken   every registered zaak; opened only for the zaak KPIs
     */
    public Kpiuitkomst bereken(Kpivraag vraag, Supplier<Stream<KpiKlant>> klanten, Supplier<Stream<KpiZaak>> zaken) {
        Objects.requireNonNull(vraag, "vraag");
        Kpisoort soort = vraag.soort();
        Peilperiode peil = Peilperiode.van(vraag);
        Meting meting = Meting.voor(vraag, peil, kanalen);
        // Zaken before klanten: status-navraag-per-zaak must know the zaken of the period first.
        if (soort.leestZaken()) {
            try (Stream<KpiZaak> stroom = zaken.get()) {
                stroom.filter(zaak -> peil.gebeurd(zaak.geregistreerdOp()) && peil.inPeriode(zaak.geregistreerdOp()))
                        .forEach(meting::zaak);
            }
        }
        if (soort.leestKlanten()) {
            try (Stream<KpiKlant> stroom = klanten.get()) {
                stroom.forEach(klant -> meting.klant(KlantOpPeilmoment.op(klant, peil, kanalen)));
            }
        }
        return new Kpiuitkomst(vraag.kpi(), vraag.van(), vraag.tot(), vraag.peilmoment(), meting.cijfers());
    }
}
