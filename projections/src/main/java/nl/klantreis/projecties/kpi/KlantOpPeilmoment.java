package nl.klantreis.projecties.kpi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.klantreis.domein.gedeeld.KlantcontactId;
import nl.klantreis.domein.gedeeld.Tijd;
import nl.klantreis.domein.gedeeld.ZaakId;
import nl.klantreis.domein.klantreis.Contactgegevens;
import nl.klantreis.domein.klantreis.KlantreisRegels;
import nl.klantreis.domein.klantreis.Klantreisindeling;
import nl.klantreis.domein.klantreis.Klantreissoort;
import nl.klantreis.domein.klantreis.Reisstap;
import nl.klantreis.domein.klantreis.Zaakgegevens;
import nl.klantreis.domein.referentie.Kanalen;

/**
 * One klant as he was at the peilmoment: only the facts that had happened by then, and the
 * klantreizen those facts make. Facts are dropped before the klantreis rules run, not after,
 * because a later fact can move an earlier one (a zaak registered later turns an onderwerp call
 * into orientation; a closure makes later contacts after-care or follow-up).
 */
final class KlantOpPeilmoment {
    private final KpiKlant klant;
    private final Peilperiode peil;
    private final Kanalen kanalen;
    private final List<Contactgegevens> contacten;
    private final List<Zaakgegevens> zaken;
    private List<Reisbeeld> reizen;

    private KlantOpPeilmoment(KpiKlant klant, Peilperiode peil, Kanalen kanalen) {
        this.klant = klant;
        this.peil = peil;
        this.kanalen = kanalen;
        this.contacten = klant.contacten().stream().filter(c -> peil.gebeurd(c.op())).toList();
        this.zaken = klant.zaken().stream()
                .filter(z -> peil.gebeurd(z.geregistreerdOp()))
                // A closure after the peilmoment has not happened yet: the zaak was still open then.
                .map(z -> z.afgeslotenOp() != null && !peil.gebeurd(z.afgeslotenOp()) ? z.afgeslotenOp(null) : z)
                .toList();
    }

    static KlantOpPeilmoment op(KpiKlant klant, Peilperiode peil, Kanalen kanalen) {
        return new KlantOpPeilmoment(klant, peil, kanalen);
    }

    /** His klantcontacten that had happened by the peilmoment. */
    List<Contactgegevens> contacten() {
        return contacten;
    }

    /** His klantreizen at the peilmoment, all of them (in the period or not). */
    List<Reisbeeld> reizen() {
        if (reizen == null) {
            reizen = bepaalReizen();
        }
        return reizen;
    }

    private List<Reisbeeld> bepaalReizen() {
        Map<ZaakId, Zaakgegevens> zaakOpId = new HashMap<>();
        zaken.forEach(z -> zaakOpId.put(z.zaak(), z));
        Map<KlantcontactId, Contactgegevens> contactOpId = new HashMap<>();
        contacten.forEach(c -> contactOpId.putIfAbsent(c.id(), c));

        List<Reisbeeld> beelden = new ArrayList<>();
        for (Klantreisindeling reis : KlantreisRegels.deelIn(klant.klant(), contacten, zaken, klant.anoniem())) {
            List<Reisstap> stappen = reis.stappen();
            Reisstap eerste = stappen.get(0);
            Reisstap laatste = stappen.get(stappen.size() - 1);
            List<Reisstap> klantcontacten = stappen.stream().filter(s -> s.soort() == Reisstap.Soort.KLANTCONTACT).toList();
            boolean beeindigd = reis.soort() == Klantreissoort.ZAAK
                    // The rules set beeindigdOp from the zaak's closure, which was dropped above when it
                    // lies after the peilmoment; a zaak never registered has none and so never ends.
                    ? reis.beeindigdOp() != null
                    : Tijd.plusDagen(laatste.op(), KlantreisRegels.TERMIJN_DAGEN).isBefore(peil.moment());
            beelden.add(new Reisbeeld(reis, peil.inPeriode(eerste.op()), beeindigd, kanaalcode(kanalen, eerste.kanaal()),
                    zaaktype(reis, zaakOpId, contactOpId), klantcontacten));
        }
        return beelden;
    }

    /**
     * The zaaktype of the klantreis's zaak. Without one, its onderwerp; a zaak klantreis whose zaak is
     * not (yet) known to the klant consists of klantcontacten only, and takes the onderwerp of the first.
     */
    private static String zaaktype(Klantreisindeling reis, Map<ZaakId, Zaakgegevens> zaakOpId,
                                   Map<KlantcontactId, Contactgegevens> contactOpId) {
        if (reis.thema().onderwerp() != null) {
            return reis.thema().onderwerp();
        }
        Zaakgegevens zaak = zaakOpId.get(reis.thema().zaakId());
        if (zaak != null) {
            return zaak.zaaktype();
        }
        return reis.stappen().stream()
                .filter(s -> s.soort() == Reisstap.Soort.KLANTCONTACT)
                .findFirst()
                .map(s -> contactOpId.get(s.klantcontactId()).onderwerp())
                .orElseThrow(() -> new IllegalStateException("klantreis " + reis.id() + " zonder zaak en zonder contact"));
    }

    /**
     * The canonical code, so that an alias that slipped into the facts lands in the same
     * uitsplitsing and costs the same; a kanaal the list does not know keeps its own name.
     */
    static String kanaalcode(Kanalen kanalen, String kanaal) {
        return kanalen.herken(kanaal).map(k -> k.code()).orElse(kanaal);
    }
}
