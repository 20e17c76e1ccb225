package nl.klantreis.projecties.kpi;

import static nl.klantreis.projecties.kpi.KpiFeiten.assertVerhouding;
import static nl.klantreis.projecties.kpi.KpiFeiten.eenZaak;
import static nl.klantreis.projecties.kpi.KpiFeiten.t;
import static nl.klantreis.projecties.kpi.KpiFeiten.zaakId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.klantreis.projecties.kpi.KpiFeiten.ZaakBuilder;
import nl.klantreis.projecties.kpi.Tellingen.Doorlooptijden;

/** doorlooptijd and binnen-servicenorm: the zaken registered in the period, closed by the peilmoment. */
class KpiZaakKpisTest {
    private static final String JUNI = "2026-06-01T00:00:00Z";

    private static Kpicijfers maart(String kpi, List<KpiKlant> klanten, List<KpiZaak> zaken) {
        return maart(kpi, JUNI, klanten, zaken);
    }

    private static Kpicijfers maart(String kpi, String peilmoment, List<KpiKlant> klanten, List<KpiZaak> zaken) {
        return KpiFeiten.bereken(kpi, "2026-03-01", "2026-04-01", peilmoment, null, klanten, zaken).cijfers();
    }

    // --- doorlooptijd ---

    /** A zaak closed {@code uren} hours and 59 minutes after registration: the minutes are rounded down. */
    private KpiZaak gesloten(int nummer, String zaaktype, long uren) {
        Instant geregistreerd = t("2026-03-10T10:00:00+01:00").plus(Duration.ofMinutes(nummer));
        Instant gesloten = geregistreerd.plus(Duration.ofHours(uren)).plus(Duration.ofMinutes(59));
        return new KpiZaak(zaakId(nummer), zaaktype, geregistreerd, gesloten, LocalDate.of(2026, 12, 31),
                List.of(), List.of(), List.of());
    }

    @Test
    void percentielen_zijnNearestRank_vanHeleUrenNaarBeneden() {
        List<KpiZaak> zaken = new ArrayList<>();
        // paspoort, sorted: 2 2 5 8 15 23 30 47 61 100. p50: ceil(0.5*10) = 5th = 15; p90: ceil(0.9*10) = 9th = 61.
        long[] paspoort = {30, 2, 2, 47, 15, 8, 100, 23, 61, 5};
        for (int i = 0; i < paspoort.length; i++) {
            zaken.add(gesloten(i + 1, "paspoort", paspoort[i]));
        }
        // rijbewijs, sorted: 1..7. p50: ceil(3.5) = 4th = 4; p90: ceil(6.3) = 7th = 7.
        long[] rijbewijs = {4, 7, 1, 6, 3, 5, 2};
        for (int i = 0; i < rijbewijs.length; i++) {
            zaken.add(gesloten(20 + i, "rijbewijs", rijbewijs[i]));
        }
        // Not counted: still open, closed after the peilmoment, registered in February.
        zaken.add(eenZaak(40).vanZaaktype("paspoort").geregistreerdOp("2026-03-11T10:00:00+01:00").kpiZaak());
        zaken.add(eenZaak(41).vanZaaktype("paspoort").geregistreerdOp("2026-03-11T10:00:00+01:00")
                .afgeslotenOp("2026-06-02T10:00:00+02:00").kpiZaak());
        zaken.add(eenZaak(42).vanZaaktype("paspoort").geregistreerdOp("2026-02-28T23:30:00+01:00")
                .afgeslotenOp("2026-03-02T10:00:00+01:00").kpiZaak());

        Kpicijfers cijfers = maart("doorlooptijd", List.of(), zaken);

        assertThat(cijfers.aantal()).isEqualTo(17);
        assertThat(cijfers.p50Uren()).isNull();
        assertThat(cijfers.p90Uren()).isNull();
        assertThat(cijfers.uitsplitsing()).extracting(Kpideel::zaaktype, deel -> deel.cijfers().p50Uren(),
                        deel -> deel.cijfers().p90Uren(), deel -> deel.cijfers().aantal())
                .containsExactly(tuple("paspoort", 15L, 61L, 10L), tuple("rijbewijs", 4L, 7L, 7L));
    }

    @Test
    void urenZijnVerstrekenUren_ookOverDeZomertijdnacht() {
        // 28 March 12:00 CET to 30 March 12:00 CEST: two calendar days, 47 hours.
        KpiZaak zaak = eenZaak(1).vanZaaktype("paspoort").geregistreerdOp("2026-03-28T12:00:00+01:00")
                .afgeslotenOp("2026-03-30T12:00:00+02:00").kpiZaak();

        assertThat(maart("doorlooptijd", List.of(), List.of(zaak)).uitsplitsing().get(0).cijfers().p50Uren())
                .isEqualTo(47);
    }

    @Test
    void nearestRank_bijKleineAantallen() {
        Doorlooptijden twee = new Doorlooptijden();
        twee.tel(20);
        twee.tel(10);
        // n = 2: p50 rank ceil(1.0) = 1, p90 rank ceil(1.8) = 2.
        assertThat(twee.percentiel(50)).isEqualTo(10);
        assertThat(twee.percentiel(90)).isEqualTo(20);

        Doorlooptijden een = new Doorlooptijden();
        een.tel(7);
        assertThat(een.percentiel(50)).isEqualTo(7);
        assertThat(een.percentiel(90)).isEqualTo(7);

        assertThat(new Doorlooptijden().percentiel(50)).isNull();
    }

    @Test
    void registratieInDePeriode_opDatumInAmsterdam() {
        // 2026-03-31T23:30+02:00 is still March in Amsterdam, though 21:30Z; 04-01T00:30+02:00 is April.
        KpiZaak laatsteMaart = eenZaak(1).vanZaaktype("paspoort").geregistreerdOp("2026-03-31T23:30:00+02:00")
                .afgeslotenOp("2026-04-02T10:00:00+02:00").kpiZaak();
        KpiZaak eersteApril = eenZaak(2).vanZaaktype("paspoort").geregistreerdOp("2026-04-01T00:30:00+02:00")
                .afgeslotenOp("2026-04-02T10:00:00+02:00").kpiZaak();

        assertThat(maart("doorlooptijd", List.of(), List.of(laatsteMaart, eersteApril)).aantal()).isEqualTo(1);
    }

    // --- binnen-servicenorm ---
    private Kpicijfers april(List<KpiZaak> zaken) {
        return KpiFeiten.bereken("binnen-servicenorm", "2026-04-01", "2026-05-01", JUNI, null, List.of(), zaken)
                .cijfers();
    }

    @Test
    void afsluitdatumInAmsterdam_opOfVoorDeUiterlijkeEinddatum() {
        // Both close on 10 April UTC; in Amsterdam B closes on the 11th, a day late.
        KpiZaak opDeDag = eenZaak(1).vanZaaktype("paspoort").geregistreerdOp("2026-04-01T10:00:00+02:00")
                .metBasis("2026-04-10").afgeslotenOp("2026-04-10T23:30:00+02:00").kpiZaak();
        KpiZaak dagTeLaat = eenZaak(2).vanZaaktype("paspoort").geregistreerdOp("2026-04-01T10:00:00+02:00")
                .metBasis("2026-04-10").afgeslotenOp("2026-04-11T00:30:00+02:00").kpiZaak();
        KpiZaak verlengd = eenZaak(3).vanZaaktype("omgevingsvergunning").geregistreerdOp("2026-04-01T10:00:00+02:00")
                .metBasis("2026-04-10").verlengd(5).afgeslotenOp("2026-04-15T16:00:00+02:00").kpiZaak();
        KpiZaak open = eenZaak(4).vanZaaktype("omgevingsvergunning").geregistreerdOp("2026-04-01T10:00:00+02:00")
                .metBasis("2026-04-10").kpiZaak();

        Kpicijfers cijfers = april(List.of(opDeDag, dagTeLaat, verlengd, open));

        assertVerhouding(cijfers, "0.666667", 2, 3);
        assertThat(cijfers.waarde()).isEqualTo(new BigDecimal("0.666667"));
        assertThat(cijfers.uitsplitsing()).extracting(Kpideel::zaaktype,
                        deel -> deel.cijfers().teller(), deel -> deel.cijfers().noemer())
                .containsExactly(tuple("omgevingsvergunning", 1L, 1L), tuple("paspoort", 1L, 2L));
    }

    @Test
    void lopendeOpschorting_teltTotDePeildatum_enWatNaHetPeilmomentGebeurtTeltNiet() {
        ZaakBuilder zaak = eenZaak(1).geregistreerdOp("2026-03-20T10:00:00+01:00").metBasis("2026-04-10")
                .opgeschort("2026-04-01T10:00:00+02:00").hervat("2026-04-20T10:00:00+02:00");
        Peilperiode voorHervatting = new Peilperiode(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1),
                t("2026-04-15T23:59:00+02:00"));
        Peilperiode naHervatting = new Peilperiode(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1), t(JUNI));
        Peilperiode voorOpschorting = new Peilperiode(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1),
                t("2026-03-31T12:00:00+02:00"));

        // 04-01 to the peildatum 04-15: 14 days.
        assertThat(Meting.uiterlijkeEinddatum(zaak.kpiZaak(), voorHervatting)).isEqualTo("2026-04-24");
        // 04-01 to 04-20: 19 days.
        assertThat(Meting.uiterlijkeEinddatum(zaak.kpiZaak(), naHervatting)).isEqualTo("2026-04-29");
        assertThat(Meting.uiterlijkeEinddatum(zaak.kpiZaak(), voorOpschorting)).isEqualTo("2026-04-10");
    }

    @Test
    void opschortingVerschuiftDeNorm_dieAndersOverschredenZou_zijn() {
        // Basis 04-10, suspended 04-02 to 04-07 (5 days): due 04-15; closed 04-14.
        KpiZaak zaak = eenZaak(1).vanZaaktype("paspoort").geregistreerdOp("2026-04-01T10:00:00+02:00")
                .metBasis("2026-04-10").opgeschort("2026-04-02T09:00:00+02:00").hervat("2026-04-07T17:00:00+02:00")
                .afgeslotenOp("2026-04-14T12:00:00+02:00").kpiZaak();

        assertVerhouding(april(List.of(zaak)), "1", 1, 1);
    }
}
