package nl.klantreis.projecties.kpi;

import static nl.klantreis.projecties.kpi.KpiFeiten.anoniem;
import static nl.klantreis.projecties.kpi.KpiFeiten.assertVerhouding;
import static nl.klantreis.projecties.kpi.KpiFeiten.eenContact;
import static nl.klantreis.projecties.kpi.KpiFeiten.eenZaak;
import static nl.klantreis.projecties.kpi.KpiFeiten.klant;
import static nl.klantreis.projecties.kpi.KpiFeiten.klantId;
import static nl.klantreis.projecties.kpi.KpiFeiten.t;
import static nl.klantreis.projecties.kpi.KpiFeiten.zaakId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import nl.klantreis.domein.klantreis.Contactgegevens;
import nl.klantreis.domein.klantreis.Zaakgegevens;
import nl.klantreis.projecties.kpi.KpiFeiten.Dakkapel;
import nl.klantreis.projecties.kpi.KpiFeiten.ZaakBuilder;

/** The rules of KLANTREIS-EN-KPI.md §3 one by one, on small hand-made sets of facts. */
class KpiberekeningTest {
    private static final String JUNI = "2026-06-01T00:00:00Z";

    private static Kpicijfers maart(String kpi, List<KpiKlant> klanten, List<KpiZaak> zaken) {
        return maart(kpi, JUNI, klanten, zaken);
    }

    private static Kpicijfers maart(String kpi, String peilmoment, List<KpiKlant> klanten, List<KpiZaak> zaken) {
        return KpiFeiten.bereken(kpi, "2026-03-01", "2026-04-01", peilmoment, null, klanten, zaken).cijfers();
    }

    // --- A ratio or mean over nothing is null, not 0 ---
    private Kpicijfers januari(String kpi) {
        return KpiFeiten.bereken(kpi, "2025-01-01", "2025-02-01", JUNI, null, Dakkapel.klanten(), Dakkapel.zaken())
                .cijfers();
    }

    @Test
    void verhoudingenEnGemiddelden_zijnNull_metTellerEnNoemerNul() {
        for (String kpi : List.of("contacten-per-klantreis", "kanaalwissel-ratio", "first-contact-resolution",
                "herhaalcontact-ratio", "status-navraag-per-zaak", "binnen-servicenorm")) {
            Kpicijfers cijfers = januari(kpi);
            assertThat(cijfers.waarde()).as(kpi).isNull();
            assertThat(cijfers.teller()).as(kpi).isZero();
            assertThat(cijfers.noemer()).as(kpi).isZero();
        }
    }

    @Test
    void kosten_zijnNull_overGeenKlantreis() {
        Kpicijfers cijfers = januari("kosten-per-klantreis");

        assertThat(cijfers.waardeCent()).isNull();
        assertThat(cijfers.klantreizen()).isZero();
        assertThat(cijfers.contactenZonderKosten()).isZero();
    }

    @Test
    void aantallen_zijnNul_enLijstenLeeg() {
        assertThat(januari("klantreizen").aantal()).isZero();
        assertThat(januari("contactvolume").aantal()).isZero();
        assertThat(januari("contactvolume").uitsplitsing()).isEmpty();
        assertThat(januari("kanaalwissel-matrix").cellen()).isEmpty();
        assertThat(januari("doorlooptijd").aantal()).isZero();
        assertThat(januari("doorlooptijd").uitsplitsing()).isEmpty();
    }

    // --- When a klantreis has ended, and which period it belongs to ---

    @Test
    void klantreisZonderZaak_eindigtVeertienKalenderdagenNaHetLaatsteContact_overDeZomertijd() {
        // 20 March 10:00 CET + 14 calendar days = 3 April 10:00 CEST = 08:00Z (13 days 23 hours).
        List<KpiKlant> klanten = List.of(
                anoniem(1, eenContact(1).op("2026-03-20T10:00:00+01:00").bouw()));

        assertThat(maart("first-contact-resolution", "2026-04-03T08:00:00Z", klanten, List.of()).noemer())
                .isZero();
        assertThat(maart("first-contact-resolution", "2026-04-03T08:00:01Z", klanten, List.of()).noemer())
                .isEqualTo(1);
    }

    @Test
    void zaakreisVanEenNooitGeregistreerdeZaak_eindigtNooit() {
        KpiKlant klant = klant(klantId(1), List.of(
                eenContact(1).op("2026-03-02T10:00:00+01:00").overZaak(zaakId(9)).bouw()), List.of());

        assertThat(maart("contacten-per-klantreis", "2030-01-01T00:00:00Z", List.of(klant), List.of()).noemer())
                .isZero();
        assertThat(maart("klantreizen", List.of(klant), List.of()).aantal()).isEqualTo(1);
    }

    @Test
    void klantreisTeltInDePeriodeVanZijnEersteStap() {
        // Starts on 31 March (Amsterdam), continues in April: a March klantreis, not an April one.
        KpiKlant klant = klant(klantId(1), List.of(
                eenContact(1).op("2026-03-31T23:30:00+02:00").bouw(),
                eenContact(2).op("2026-04-02T10:00:00+02:00").bouw()), List.of());

        assertThat(maart("klantreizen", List.of(klant), List.of()).aantal()).isEqualTo(1);
        assertThat(KpiFeiten.bereken("klantreizen", "2026-04-01", "2026-05-01", JUNI, null, List.of(klant),
                List.of()).cijfers().aantal()).isZero();
    }

    // --- first-contact-resolution ---

    @Test
    void alleenBeeindigdeOnderwerpklantreizen_vanPreciesEenBeantwoordContact() {
        ZaakBuilder zaak = eenZaak(1).vanZaaktype("parkeervergunning").geregistreerdOp("2026-02-01T10:00:00+01:00")
                .afgeslotenOp("2026-02-05T10:00:00+01:00");
        KpiKlant klant = klant(klantId(1), List.of(
                eenContact(1).overOnderwerp("afval").op("2026-03-02T10:00:00+01:00").bouw(),
                eenContact(2).overOnderwerp("parkeren").op("2026-03-03T10:00:00+01:00").bouw(),
                eenContact(3).overOnderwerp("parkeren").op("2026-03-04T10:00:00+01:00").bouw(),
                eenContact(4).overOnderwerp("paspoort").metResultaat("doorverwezen")
                        .op("2026-03-05T10:00:00+01:00").bouw(),
                // More than 14 days after the closure: a VERVOLG klantreis, its thema is the zaak.
                eenContact(5).overOnderwerp("status-navraag").overZaak(zaak.id())
                        .op("2026-03-25T10:00:00+01:00").bouw()),
                List.of(zaak.feit()));

        Kpicijfers cijfers = maart("first-contact-resolution", List.of(klant), List.of());

        assertVerhouding(cijfers, "0.333333", 1, 3);
        assertThat(KpiFeiten.bereken("klantreizen", "2026-03-01", "2026-04-01", JUNI, "zaaktype",
                        List.of(klant), List.of()).cijfers().uitsplitsing())
                .extracting(Kpideel::zaaktype, deel -> deel.cijfers().aantal())
                .containsExactly(tuple("afval", 1L), tuple("parkeervergunning", 1L), tuple("parkeren", 1L),
                        tuple("paspoort", 1L));
    }

    // --- herhaalcontact-ratio ---

    @Test
    void binnenZevenKalenderdagen_naHetVorigeContactVanDezelfdeKlantreis() {
        KpiKlant klant = klant(klantId(1), List.of(
                eenContact(1).op("2026-03-20T10:00:00+01:00").bouw(),
                // Exactly 7 days later: counts.
                eenContact(2).op("2026-03-27T10:00:00+01:00").viaKanaal("email").bouw(),
                // 7 calendar days after 27 March 10:00 CET is 3 April 10:00 CEST; one second later does not.
                eenContact(3).op("2026-04-03T10:00:01+02:00").bouw()), List.of());

        Kpicijfers cijfers = KpiFeiten.bereken("herhaalcontact-ratio", "2026-03-01", "2026-05-01", JUNI, null,
                List.of(klant), List.of()).cijfers();

        assertVerhouding(cijfers, "0.333333", 1, 3);
    }

    @Test
    void vorigContactBuitenDePeriode_teltAlsVorige() {
        KpiKlant klant = klant(klantId(1), List.of(
                eenContact(1).op("2026-02-27T10:00:00+01:00").bouw(),
                eenContact(2).op("2026-03-02T10:00:00+01:00").bouw()), List.of());

        assertVerhouding(maart("herhaalcontact-ratio", List.of(klant), List.of()), "1", 1, 1);
    }

    @Test
    void contactInEenAndereKlantreis_isGeenVorige() {
        KpiKlant klant = klant(klantId(1), List.of(
                eenContact(1).overOnderwerp("afval").op("2026-03-02T10:00:00+01:00").bouw(),
                eenContact(2).overOnderwerp("parkeren").op("2026-03-03T10:00:00+01:00").bouw()), List.of());

        assertVerhouding(maart("herhaalcontact-ratio", List.of(klant), List.of()), "0", 0, 2);
    }

    // --- status-navraag-per-zaak ---

    @Test
    void navragenOverDeZakenVanDePeriode_wanneerOokTotHetPeilmoment_vanWieOok() {
        ZaakBuilder maart1 = eenZaak(1).geregistreerdOp("2026-03-10T10:00:00+01:00");
        ZaakBuilder maart2 = eenZaak(2).geregistreerdOp("2026-03-12T10:00:00+01:00").vanZaaktype("paspoort");
        ZaakBuilder februari = eenZaak(3).geregistreerdOp("2026-02-12T10:00:00+01:00");
        KpiKlant aanvrager = klant(klantId(1), List.of(
                eenContact(1).overOnderwerp("status-navraag").overZaak(maart1.id()).op("2026-03-20T10:00:00+01:00").bouw(),
                eenContact(2).overOnderwerp("status-navraag").overZaak(maart1.id()).op("2026-05-10T10:00:00+02:00").bouw(),
                // After the peilmoment; another onderwerp; a zaak of February: none count.
                eenContact(3).overOnderwerp("status-navraag").overZaak(maart1.id()).op("2026-06-02T10:00:00+02:00").bouw(),
                eenContact(4).overOnderwerp("algemene-vraag").overZaak(maart1.id()).op("2026-03-21T10:00:00+01:00").bouw(),
                eenContact(5).overOnderwerp("status-navraag").overZaak(februari.id()).op("2026-03-22T10:00:00+01:00").bouw()),
                List.of(maart1.feit(), februari.feit()));
        KpiKlant gemachtigde = klant(klantId(2), List.of(
                eenContact(6).overOnderwerp("status-navraag").overZaak(maart2.id()).op("2026-04-02T10:00:00+02:00").bouw()),
                List.of());
        List<KpiZaak> zaken = List.of(maart1.kpiZaak(), maart2.kpiZaak(), februari.kpiZaak());

        Kpiuitkomst uitkomst = KpiFeiten.bereken("status-navraag-per-zaak", "2026-03-01", "2026-04-01", JUNI,
                "zaaktype", List.of(aanvrager, gemachtigde), zaken);

        assertVerhouding(uitkomst.cijfers(), "1.5", 3, 2);
        assertThat(uitkomst.cijfers().uitsplitsing()).extracting(Kpideel::zaaktype,
                        deel -> deel.cijfers().teller(), deel -> deel.cijfers().noemer())
                .containsExactly(tuple("omgevingsvergunning", 2L, 1L), tuple("paspoort", 1L, 1L));
    }

    // --- Streams: opened only when needed, always closed ---

    @Test
    void opentAlleenDeStromenDieDeKpiNodigHeeft_enSluitZe() {
        AtomicInteger klantenGeopend = new AtomicInteger();
        AtomicInteger zakenGeopend = new AtomicInteger();
        AtomicBoolean klantenGesloten = new AtomicBoolean();
        AtomicBoolean zakenGesloten = new AtomicBoolean();
        Kpiberekening berekening = new Kpiberekening(KpiFeiten.KANALEN);
        Kpivraag doorlooptijd = new Kpivraag("doorlooptijd", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1),
                t(JUNI), null);
        Kpivraag navraag = new Kpivraag("status-navraag-per-zaak", LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 4, 1), t(JUNI), null);

        berekening.bereken(doorlooptijd, () -> {
            klantenGeopend.incrementAndGet();
            return Dakkapel.klanten().stream();
        }, () -> {
            zakenGeopend.incrementAndGet();
            return Dakkapel.zaken().stream().onClose(() -> zakenGesloten.set(true));
        });
        assertThat(klantenGeopend).hasValue(0);
        assertThat(zakenGeopend).hasValue(1);
        assertThat(zakenGesloten).isTrue();

        berekening.bereken(navraag, () -> {
            klantenGeopend.incrementAndGet();
            return Dakkapel.klanten().stream().onClose(() -> klantenGesloten.set(true));
        }, () -> Dakkapel.zaken().stream());
        assertThat(klantenGeopend).hasValue(1);
        assertThat(klantenGesloten).isTrue();
    }

    @Test
    void invoerlijstenWordenGekopieerd() {
        // The caller may reuse his lists after handing them over.
        List<Contactgegevens> contacten = new ArrayList<>(List.of(nl.klantreis.domein.klantreis.Dakkapel.orientatie()));
        List<Zaakgegevens> zaken = new ArrayList<>(List.of(nl.klantreis.domein.klantreis.Dakkapel.zaak()));
        KpiKlant klant = new KpiKlant(Dakkapel.KLANT, false, contacten, zaken);
        contacten.clear();

        assertThat(klant.contacten()).hasSize(1);
    }
}
