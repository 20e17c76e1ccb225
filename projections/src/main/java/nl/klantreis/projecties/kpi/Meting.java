package nl.klantreis.projecties.kpi;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import nl.klantreis.domein.gedeeld.Tijd;
import nl.klantreis.domein.gedeeld.ZaakId;
import nl.klantreis.domein.klantreis.Contactgegevens;
import nl.klantreis.domein.klantreis.Kanaalwissel;
import nl.klantreis.domein.klantreis.Klantreissoort;
import nl.klantreis.domein.klantreis.Reisstap;
import nl.klantreis.domein.referentie.Kanaal;
import nl.klantreis.domein.referentie.Kanalen;
import nl.klantreis.domein.zaak.Opschorting;
import nl.klantreis.domein.zaak.UiterlijkeEinddatum;
import nl.klantreis.projecties.kpi.Tellingen.Aantal;
import nl.klantreis.projecties.kpi.Tellingen.Doorlooptijden;
import nl.klantreis.projecties.kpi.Tellingen.Kosten;
import nl.klantreis.projecties.kpi.Tellingen.Matrix;
import nl.klantreis.projecties.kpi.Tellingen.Verhouding;
import nl.klantreis.projecties.kpi.Tellingen.Volume;

/**
 * How one KPI counts what the period selects. {@link Kpiberekening} feeds it every zaak registered
 * in the period (for the KPIs that read zaken) before every klant (for those that read klanten).
 */
abstract class Meting {
    static final String STATUS_NAVRAAG = "status-navraag";
    static final String BEANTWOORD = "beantwoord";
    /** "Within 7 days after the previous klantcontact": calendar days, as every day count of the contract. */
    static final int HERHAAL_DAGEN = 7;

    /** A zaak registered in the period, by the peilmoment. */
    void zaak(KpiZaak zaak) {
    }

    void klant(KlantOpPeilmoment klant) {
    }

    abstract Kpicijfers cijfers();

    static Meting voor(Kpivraag vraag, Peilperiode peil, Kanalen kanalen) {
        String per = vraag.per();
        return switch (vraag.soort()) {
            case CONTACTVOLUME -> new Contactvolume(per, peil, kanalen);
            case HERHAALCONTACT_RATIO -> new Herhaalcontact(per, peil, kanalen);
            case KLANTREIZEN -> new Klantreizen(per);
            case CONTACTEN_PER_KLANTREIS -> new ContactenPerKlantreis(per);
            case KANAALWISSEL_RATIO -> new KanaalwisselRatio(per);
            case KANAALWISSEL_MATRIX -> new KanaalwisselMatrix(per, kanalen);
            case FIRST_CONTACT_RESOLUTION -> new FirstContactResolution(per);
            case KOSTEN_PER_KLANTREIS -> new KostenPerKlantreis(per, kanalen);
            case STATUS_NAVRAAG_PER_ZAAK -> new StatusNavraagPerZaak(per);
            case DOORLOOPTIJD -> new Doorlooptijd(peil);
            case BINNEN_SERVICENORM -> new BinnenServicenorm(peil);
        };
    }

    /** The klantreis KPIs: the klantreizen whose first step happened in the period. */
    private abstract static class PerKlantreis<T extends Uitsplitsing.Telling> extends Meting {
        final String per;
        final Uitsplitsing<T> telling;

        PerKlantreis(String per, Supplier<T> nieuw) {
            this.per = per;
            this.telling = new Uitsplitsing<>(nieuw, per);
        }

        @Override
        final void klant(KlantOpPeilmoment klant) {
            klant.reizen().stream().filter(Reisbeeld::inPeriode).forEach(this::klantreis);
        }

        abstract void klantreis(Reisbeeld reis);

        @Override
        Kpicijfers cijfers() {
            return telling.cijfers();
        }
    }

    /** Started in the period, ended or not. */
    private static final class Klantreizen extends PerKlantreis<Aantal> {
        Klantreizen(String per) {
            super(per, Aantal::new);
        }

        @Override
        void klantreis(Reisbeeld reis) {
            telling.tel(reis.sleutel(per), Aantal::tel);
        }
    }

    private static final class ContactenPerKlantreis extends PerKlantreis<Verhouding> {
        ContactenPerKlantreis(String per) {
            super(per, Verhouding::new);
        }

        @Override
        void klantreis(Reisbeeld reis) {
            // The zaak's registration is a step, not a klantcontact: it does not count here.
            telling.tel(reis.sleutel(per), v -> v.tel(reis.beeindigd() ? reis.klantcontacten().size() : 0,
                    reis.beeindigd() ? 1 : 0));
        }
    }

    private static final class KanaalwisselRatio extends PerKlantreis<Verhouding> {
        KanaalwisselRatio(String per) {
            super(per, Verhouding::new);
        }

        @Override
        void klantreis(Reisbeeld reis) {
            telling.tel(reis.sleutel(per), v -> {
                if (reis.beeindigd()) {
                    v.tel(!reis.reis().kanaalwissels().isEmpty());
                }
            });
        }
    }

    /** Every kanaalwissel of the klantreizen started in the period, ended or not (a count, not a share). */
    private static final class KanaalwisselMatrix extends PerKlantreis<Matrix> {
        private final Kanalen kanalen;

        KanaalwisselMatrix(String per, Kanalen kanalen) {
            super(per, Matrix::new);
            this.kanalen = kanalen;
        }

        @Override
        void klantreis(Reisbeeld reis) {
            telling.tel(reis.sleutel(per), matrix -> {
                for (Kanaalwissel wissel : reis.reis().kanaalwissels()) {
                    matrix.tel(KlantOpPeilmoment.kanaalcode(kanalen, wissel.van()), KlantOpPeilmoment.kanaalcode(kanalen, wissel.naar()),
                            wissel);
                }
            });
        }
    }

    private static final class FirstContactResolution extends PerKlantreis<Verhouding> {
        FirstContactResolution(String per) {
            super(per, Verhouding::new);
        }

        @Override
        void klantreis(Reisbeeld reis) {
            // Thema an onderwerp: ONDERWERP and ANONIEM. A VERVOLG klantreis has a zaak as thema.
            Klantreissoort soort = reis.reis().soort();
            if (soort != Klantreissoort.ONDERWERP && soort != Klantreissoort.ANONIEM) {
                return;
            }
            telling.tel(reis.sleutel(per), v -> {
                if (reis.beeindigd()) {
                    List<Reisstap> contacten = reis.klantcontacten();
                    v.tel(contacten.size() == 1 && BEANTWOORD.equals(contacten.get(0).resultaat()));
                }
            });
        }
    }

    private static final class KostenPerKlantreis extends PerKlantreis<Kosten> {
        private final Kanalen kanalen;

        KostenPerKlantreis(String per, Kanalen kanalen) {
            super(per, Kosten::new);
            this.kanalen = kanalen;
        }

        @Override
        void klantreis(Reisbeeld reis) {
            if (!reis.beeindigd()) {
                // Still makes the key appear, so a part with nothing ended shows as such.
                telling.tel(reis.sleutel(per), k -> { });
                return;
            }
            long centen = 0;
            long zonderKosten = 0;
            for (Reisstap contact : reis.klantcontacten()) {
                var kosten = kanalen.herken(contact.kanaal()).flatMap(Kanaal::kosten);
                if (kosten.isPresent()) {
                    centen += kosten.get();
                } else {
                    zonderKosten++;
                }
            }
            long totaal = centen;
            long onbekend = zonderKosten;
            telling.tel(reis.sleutel(per), k -> k.tel(totaal, onbekend));
        }
    }

    /** The contact KPIs: the klantcontacten that took place in the period, each seen in its klantreis. */
    private abstract static class PerContact<T extends Uitsplitsing.Telling> extends Meting {
        final String per;
        final Peilperiode peil;
        final Kanalen kanalen;
        final Uitsplitsing<T> telling;

        PerContact(String per, Peilperiode peil, Kanalen kanalen, Uitsplitsing<T> telling) {
            this.per = per;
            this.peil = peil;
            this.kanalen = kanalen;
            this.telling = telling;
        }

        @Override
        final void klant(KlantOpPeilmoment klant) {
            for (Reisbeeld reis : klant.reizen()) {
                Reisstap vorige = null;
                for (Reisstap contact : reis.klantcontacten()) {
                    if (peil.inPeriode(contact.op())) {
                        contact(reis, contact, vorige, KlantOpPeilmoment.kanaalcode(kanalen, contact.kanaal()));
                    }
                    vorige = contact;
                }
            }
        }

        /** @param vorige the previous klantcontact of the klantreis in step order, or null */
        abstract void contact(Reisbeeld reis, Reisstap contact, Reisstap vorige, String kanaal);

        @Override
        Kpicijfers cijfers() {
            return telling.cijfers();
        }
    }

    private static final class Contactvolume extends PerContact<Volume> {
        Contactvolume(String per, Peilperiode peil, Kanalen kanalen) {
            // Per kanaal is always there (inside Volume); per zaaktype adds a level above it.
            super(per, peil, kanalen,
                    new Uitsplitsing<>(Volume::new, Kpivraag.PER_ZAAKTYPE.equals(per) ? per : null));
        }

        @Override
        void contact(Reisbeeld reis, Reisstap contact, Reisstap vorige, String kanaal) {
            telling.tel(reis.zaaktype(), v -> v.tel(kanaal));
        }
    }

    private static final class Herhaalcontact extends PerContact<Verhouding> {
        Herhaalcontact(String per, Peilperiode peil, Kanalen kanalen) {
            super(per, peil, kanalen, new Uitsplitsing<>(Verhouding::new, per));
        }

        @Override
        void contact(Reisbeeld reis, Reisstap contact, Reisstap vorige, String kanaal) {
            boolean herhaal = vorige != null
                    && !Tijd.plusDagen(vorige.op(), HERHAAL_DAGEN).isBefore(contact.op());
            String sleutel = Kpivraag.PER_KANAAL.equals(per) ? kanaal : reis.zaaktype();
            telling.tel(sleutel, v -> v.tel(herhaal));
        }
    }

    /**
     * Status-navraag contacts naming a zaak of the period, whenever they took place up to the
     * peilmoment, over those zaken. The zaken of the period are kept in memory (one entry each):
     * a contact can name a zaak of any klant, so its klant's own facts cannot tell.
     */
    private static final class StatusNavraagPerZaak extends Meting {
        private final Map<ZaakId, String> zaaktypeVanZaak = new HashMap<>();
        private final Uitsplitsing<Verhouding> telling;

        StatusNavraagPerZaak(String per) {
            this.telling = new Uitsplitsing<>(Verhouding::new, per);
        }

        @Override
        void zaak(KpiZaak zaak) {
            if (zaaktypeVanZaak.putIfAbsent(zaak.zaak(), zaak.zaaktype()) == null) {
                telling.tel(zaak.zaaktype(), Verhouding::telNoemer);
            }
        }

        @Override
        void klant(KlantOpPeilmoment klant) {
            for (Contactgegevens contact : klant.contacten()) {
                if (STATUS_NAVRAAG.equals(contact.onderwerp()) && contact.zaak() != null) {
                    String zaaktype = zaaktypeVanZaak.get(contact.zaak());
                    if (zaaktype != null) {
                        telling.tel(zaaktype, Verhouding::telTeller);
                    }
                }
            }
        }

        @Override
        Kpicijfers cijfers() {
            return telling.cijfers();
        }
    }

    /** Closed by the peilmoment: a closure after it has not happened yet. */
    static boolean gesloten(KpiZaak zaak, Peilperiode peil) {
        return zaak.afgeslotenOp() != null && peil.gebeurd(zaak.afgeslotenOp());
    }

    private static final class Doorlooptijd extends Meting {
        private final Peilperiode peil;
        private final Uitsplitsing<Doorlooptijden> telling =
                new Uitsplitsing<>(Doorlooptijden::new, Kpivraag.PER_ZAAKTYPE);

        Doorlooptijd(Peilperiode peil) {
            this.peil = peil;
        }

        @Override
        void zaak(KpiZaak zaak) {
            telling.tel(zaak.zaaktype(), d -> {
                if (gesloten(zaak, peil)) {
                    // Elapsed hours (a DST night counts 23 or 25), truncated: whole hours rounded down.
                    d.tel(Duration.between(zaak.geregistreerdOp(), zaak.afgeslotenOp()).toHours());
                }
            });
        }

        @Override
        Kpicijfers cijfers() {
            // Percentiles over several zaaktypen, each with its own norm, say nothing: the total is the count.
            return telling.metDelen(telling.totaal().cijfers().zonderPercentielen());
        }
    }

    private static final class BinnenServicenorm extends Meting {
        private final Peilperiode peil;
        private final Uitsplitsing<Verhouding> telling = new Uitsplitsing<>(Verhouding::new, Kpivraag.PER_ZAAKTYPE);

        BinnenServicenorm(Peilperiode peil) {
            this.peil = peil;
        }

        @Override
        void zaak(KpiZaak zaak) {
            telling.tel(zaak.zaaktype(), v -> {
                if (gesloten(zaak, peil)) {
                    v.tel(!Tijd.datum(zaak.afgeslotenOp()).isAfter(uiterlijkeEinddatum(zaak, peil)));
                }
            });
        }

        @Override
        Kpicijfers cijfers() {
            return telling.cijfers();
        }
    }

    /**
     * §4, as known at the peilmoment: opschortingen and hervattingen after it have not happened, and
     * one still running counts up to the peilmoment's date.
     */
    static LocalDate uiterlijkeEinddatum(KpiZaak zaak, Peilperiode peil) {
        List<Instant> opgeschort = zaak.opgeschort().stream().filter(peil::gebeurd).toList();
        List<Instant> hervat = zaak.hervat().stream().filter(peil::gebeurd).toList();
        // Once the zaak is closed its deadline stands still: an opschorting never ended counts up to
        // the closing date, as MijnZaken shows it (ADR 0007), not on to every later peilmoment.
        LocalDate tot = peil.peildatum();
        if (zaak.afgeslotenOp() != null && peil.gebeurd(zaak.afgeslotenOp())
                && Tijd.datum(zaak.afgeslotenOp()).isBefore(tot)) {
            tot = Tijd.datum(zaak.afgeslotenOp());
        }
        return UiterlijkeEinddatum.bereken(zaak.basis(), zaak.verlengingen(), Opschorting.paren(opgeschort, hervat),
                tot).datum();
    }
}
