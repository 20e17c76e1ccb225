package nl.klantreis.projecties.kpi;

import static nl.klantreis.projecties.kpi.KpiFeiten.anoniem;
import static nl.klantreis.projecties.kpi.KpiFeiten.assertVerhouding;
import static nl.klantreis.projecties.kpi.KpiFeiten.eenContact;
import static nl.klantreis.projecties.kpi.KpiFeiten.eenZaak;
import static nl.klantreis.projecties.kpi.KpiFeiten.klant;
import static nl.klantreis.projecties.kpi.KpiFeiten.klantId;
import static nl.klantreis.projecties.kpi.KpiFeiten.t;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import nl.klantreis.domein.referentie.Kanaal;
import nl.klantreis.domein.referentie.Kanalen;
import nl.klantreis.projecties.kpi.KpiFeiten.ZaakBuilder;

/** kosten-per-klantreis: euro cents from the kanaal list, unknown costs counted 0 and reported. */
class KpiKostenTest {
    private static final String JUNI = "2026-06-01T00:00:00Z";

    private static Kpicijfers maart(String kpi, List<KpiKlant> klanten, List<KpiZaak> zaken) {
        return maart(kpi, JUNI, klanten, zaken);
    }

    private static Kpicijfers maart(String kpi, String peilmoment, List<KpiKlant> klanten, List<KpiZaak> zaken) {
        return KpiFeiten.bereken(kpi, "2026-03-01", "2026-04-01", peilmoment, null, klanten, zaken).cijfers();
    }


    @Test
    void gemiddelde_wordtAfgerondOpHeleCenten_helftenVanNulAf() {
        // brief 1170 + 3 x telefoon 780 = 3510 over 4 klantreizen = 877.5 -> 878.
        List<KpiKlant> klanten = List.of(
                anoniem(1, eenContact(1).viaKanaal("brief").op("2026-03-02T10:00:00+01:00").bouw()),
                anoniem(2, eenContact(2).viaKanaal("telefoon").op("2026-03-02T10:00:00+01:00").bouw()),
                anoniem(3, eenContact(3).viaKanaal("telefoon").op("2026-03-02T10:00:00+01:00").bouw()),
                anoniem(4, eenContact(4).viaKanaal("telefoon").op("2026-03-02T10:00:00+01:00").bouw()));

        Kpicijfers cijfers = maart("kosten-per-klantreis", klanten, List.of());

        assertThat(cijfers.waardeCent()).isEqualTo(878);
        assertThat(cijfers.teller()).isEqualTo(3510);
        assertThat(cijfers.klantreizen()).isEqualTo(4);
    }

    @Test
    void kanaalZonderKosten_teltNul_enWordtGemeld() {
        // huisbezoek has kosten null; postduif is not in the list at all.
        KpiKlant klant = klant(klantId(1), List.of(
                eenContact(1).viaKanaal("huisbezoek").op("2026-03-02T10:00:00+01:00").bouw(),
                eenContact(2).viaKanaal("telefoon").op("2026-03-03T10:00:00+01:00").bouw(),
                eenContact(3).viaKanaal("postduif").op("2026-03-04T10:00:00+01:00").bouw()), List.of());

        Kpicijfers cijfers = maart("kosten-per-klantreis", List.of(klant), List.of());

        assertThat(cijfers.waardeCent()).isEqualTo(780);
        assertThat(cijfers.contactenZonderKosten()).isEqualTo(2);
        assertThat(cijfers.klantreizen()).isEqualTo(1);
    }

    @Test
    void kostenZijnInstelbaar() {
        Kanalen eigen = new Kanalen(List.of(
                new Kanaal("telefoon", "Telefoon", List.of(), "traditioneel", false, true, Optional.of(5)),
                new Kanaal("chat", "Chat", List.of("webchat"), "sociaal", true, true, Optional.of(0))));
        List<KpiKlant> klanten = List.of(
                anoniem(1, eenContact(1).viaKanaal("telefoon").op("2026-03-02T10:00:00+01:00").bouw()),
                anoniem(2, eenContact(2).viaKanaal("webchat").op("2026-03-02T10:00:00+01:00").bouw()));
        Kpivraag vraag = new Kpivraag("kosten-per-klantreis", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1),
                t(JUNI), "kanaal");

        Kpicijfers cijfers = new Kpiberekening(eigen).bereken(vraag, klanten::stream, Stream::empty).cijfers();

        // (5 + 0) / 2 = 2.5 -> 3; the alias webchat lands on its code.
        assertThat(cijfers.waardeCent()).isEqualTo(3);
        assertThat(cijfers.uitsplitsing()).extracting(Kpideel::kanaal, deel -> deel.cijfers().waardeCent())
                .containsExactly(tuple("chat", 0L), tuple("telefoon", 5L));
    }

    @Test
    void zaakreisZonderKlantcontact_kostNiets_enHeeftNulContacten() {
        ZaakBuilder zaak = eenZaak(1).viaKanaal("balie").geregistreerdOp("2026-03-02T10:00:00+01:00")
                .afgeslotenOp("2026-03-20T10:00:00+01:00");
        KpiKlant alleenZaak = klant(klantId(1), List.of(), List.of(zaak.feit()));
        KpiKlant tweeGesprekken = klant(klantId(2), List.of(
                eenContact(1).op("2026-03-02T10:00:00+01:00").bouw(),
                eenContact(2).op("2026-03-03T10:00:00+01:00").bouw()), List.of());
        List<KpiKlant> klanten = List.of(alleenZaak, tweeGesprekken);

        Kpicijfers kosten = maart("kosten-per-klantreis", klanten, List.of());
        assertThat(kosten.waardeCent()).isEqualTo(780);
        assertThat(kosten.klantreizen()).isEqualTo(2);
        assertVerhouding(maart("contacten-per-klantreis", klanten, List.of()), "1", 2, 2);
    }
}
