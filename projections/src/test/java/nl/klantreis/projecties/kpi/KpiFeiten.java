package nl.klantreis.projecties.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.gedeeld.KlantcontactId;
import nl.klantreis.domein.gedeeld.ZaakId;
import nl.klantreis.domein.klantreis.Contactgegevens;
import nl.klantreis.domein.klantreis.Feiten;
import nl.klantreis.domein.klantreis.Zaakgegevens;
import nl.klantreis.domein.referentie.Kanalen;
import nl.klantreis.infrastructuur.referentie.Referentiegegevens;

/**
 * Test data for the KPI engine: builders with sensible defaults and obviously fake ids, the
 * dakkapel example of contract/examples, and a one-line way to ask a KPI.
 */
final class KpiFeiten {
    static final Kanalen KANALEN = Referentiegegevens.laadStandaard().kanalen();

    private KpiFeiten() {
    }

    /** An RFC 3339 time with offset, as the contract writes them. */
    static Instant t(String rfc3339) {
        return Feiten.t(rfc3339);
    }

    static KlantcontactId contactId(int volgnummer) {
        return Feiten.contactId(volgnummer);
    }

    static ZaakId zaakId(int volgnummer) {
        return Feiten.zaakId(volgnummer);
    }

    static KlantId klantId(int volgnummer) {
        return new KlantId(String.format("k-testklant%04d", volgnummer));
    }

    /** The klantreis rules' contact builder, on a day in March by default (the KPIs' month). */
    static Feiten.ContactBuilder eenContact(int volgnummer) {
        return Feiten.eenContact().metId(volgnummer).op("2026-03-10T10:00:00+01:00");
    }

    static KpiKlant klant(KlantId klant, List<Contactgegevens> contacten, List<Zaakgegevens> zaken) {
        return new KpiKlant(klant, false, contacten, zaken);
    }

    /** An anonymous klant has one contact: each forms a klantreis of its own anyway. */
    static KpiKlant anoniem(int volgnummer, Contactgegevens contact) {
        return new KpiKlant(new KlantId(String.format("anoniem-%08d", volgnummer)), true, List.of(contact), List.of());
    }

    /** A ratio or mean with its teller and noemer, and the scale the contract asks. */
    static void assertVerhouding(Kpicijfers cijfers, String waarde, long teller, long noemer) {
        assertThat(cijfers.waarde()).isEqualByComparingTo(waarde);
        assertThat(cijfers.waarde().scale()).as("digits after the point").isEqualTo(Kpicijfers.SCHAAL);
        assertThat(cijfers.teller()).as("teller").isEqualTo(teller);
        assertThat(cijfers.noemer()).as("noemer").isEqualTo(noemer);
    }

    /** A ratio over nothing: null, not 0, with teller and noemer 0 to show why. */
    static void assertOverNiets(Kpicijfers cijfers) {
        assertThat(cijfers.waarde()).isNull();
        assertThat(cijfers.teller()).isZero();
        assertThat(cijfers.noemer()).isZero();
    }

    static Kpiuitkomst bereken(String kpi, String van, String tot, String peilmoment, String per,
                               List<KpiKlant> klanten, List<KpiZaak> zaken) {
        return bereken(new Kpivraag(kpi, LocalDate.parse(van), LocalDate.parse(tot), t(peilmoment), per), klanten, zaken);
    }

    static Kpiuitkomst bereken(Kpivraag vraag, List<KpiKlant> klanten, List<KpiZaak> zaken) {
        Supplier<Stream<KpiKlant>> klantstroom = klanten::stream;
        Supplier<Stream<KpiZaak>> zaakstroom = zaken::stream;
        return new Kpiberekening(KANALEN).bereken(vraag, klantstroom, zaakstroom);
    }

    /** A zaak as both inputs see it: the klant's Zaakgegevens and the KpiZaak of the zaak KPIs. */
    static final class ZaakBuilder {
        private final ZaakId id;
        private String zaaktype = "omgevingsvergunning";
        private String kanaal = "webformulier";
        private Instant geregistreerdOp = t("2026-03-10T10:00:00+01:00");
        private Instant afgeslotenOp;
        private LocalDate basis;
        private final List<Integer> verlengingen = new ArrayList<>();
        private final List<Instant> opgeschort = new ArrayList<>();
        private final List<Instant> hervat = new ArrayList<>();

        ZaakBuilder(int volgnummer) {
            this.id = zaakId(volgnummer);
        }

        ZaakBuilder vanZaaktype(String waarde) {
            zaaktype = waarde;
            return this;
        }

        ZaakBuilder viaKanaal(String waarde) {
            kanaal = waarde;
            return this;
        }

        ZaakBuilder geregistreerdOp(String rfc3339) {
            geregistreerdOp = t(rfc3339);
            return this;
        }

        ZaakBuilder afgeslotenOp(String rfc3339) {
            afgeslotenOp = t(rfc3339);
            return this;
        }

        ZaakBuilder metBasis(String datum) {
            basis = LocalDate.parse(datum);
            return this;
        }

        ZaakBuilder verlengd(int dagen) {
            verlengingen.add(dagen);
            return this;
        }

        ZaakBuilder opgeschort(String rfc3339) {
            opgeschort.add(t(rfc3339));
            return this;
        }

        ZaakBuilder hervat(String rfc3339) {
            hervat.add(t(rfc3339));
            return this;
        }

        ZaakId id() {
            return id;
        }

        Zaakgegevens feit() {
            return new Zaakgegevens(id, zaaktype, kanaal, geregistreerdOp, afgeslotenOp);
        }

        KpiZaak kpiZaak() {
            // Default basis: far enough away not to matter unless a test sets it.
            LocalDate datum = basis != null ? basis : LocalDate.of(2026, 12, 31);
            return new KpiZaak(id, zaaktype, geregistreerdOp, afgeslotenOp, datum, verlengingen, opgeschort, hervat);
        }
    }

    static ZaakBuilder eenZaak(int volgnummer) {
        return new ZaakBuilder(volgnummer);
    }

    /**
     * contract/examples/klantreis-dakkapel.batch.json, as the facts the KPI engine reads: the
     * example's contacts and zaak are core-domain's {@link nl.klantreis.domein.klantreis.Dakkapel}.
     */
    static final class Dakkapel {
        static final KlantId KLANT = new KlantId("k-dakkapel0342");
        private static final ZaakId ZAAK = nl.klantreis.domein.klantreis.Dakkapel.ZAAK;
        private static final Instant GEREGISTREERD_OP = nl.klantreis.domein.klantreis.Dakkapel.GEREGISTREERD_OP;
        private static final Instant AFGESLOTEN_OP = nl.klantreis.domein.klantreis.Dakkapel.AFGESLOTEN_OP;

        private Dakkapel() {
        }

        static KpiKlant klant() {
            return new KpiKlant(KLANT, false, nl.klantreis.domein.klantreis.Dakkapel.contacten(),
                    List.of(nl.klantreis.domein.klantreis.Dakkapel.zaak()));
        }

        static KpiKlant chatter() {
            return new KpiKlant(new KlantId("anoniem-a1b2c3d4"), true,
                    List.of(nl.klantreis.domein.klantreis.Dakkapel.chat()), List.of());
        }

        /** Basis 2026-04-29 (registration date + 56 days servicenorm); suspended 03-09 to 03-18. */
        static KpiZaak kpiZaak() {
            return new KpiZaak(ZAAK, "omgevingsvergunning", GEREGISTREERD_OP, AFGESLOTEN_OP, LocalDate.of(2026, 4, 29),
                    List.of(), List.of(t("2026-03-09T11:00:00+01:00")), List.of(t("2026-03-18T09:30:00+01:00")));
        }

        static List<KpiKlant> klanten() {
            return List.of(klant(), chatter());
        }

        static List<KpiZaak> zaken() {
            return List.of(kpiZaak());
        }

        /** The KPI for March 2026, as in the contract's example. */
        static Kpiuitkomst maart(String kpi, String peilmoment, String per) {
            return bereken(kpi, "2026-03-01", "2026-04-01", peilmoment, per, klanten(), zaken());
        }

        static Kpicijfers maart(String kpi, String peilmoment) {
            return maart(kpi, peilmoment, null).cijfers();
        }
    }
}
