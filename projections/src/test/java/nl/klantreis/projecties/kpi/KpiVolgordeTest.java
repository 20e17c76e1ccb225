package nl.klantreis.projecties.kpi;

import static nl.klantreis.projecties.kpi.KpiFeiten.anoniem;
import static nl.klantreis.projecties.kpi.KpiFeiten.eenContact;
import static nl.klantreis.projecties.kpi.KpiFeiten.eenZaak;
import static nl.klantreis.projecties.kpi.KpiFeiten.klant;
import static nl.klantreis.projecties.kpi.KpiFeiten.klantId;
import static nl.klantreis.projecties.kpi.KpiFeiten.t;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import nl.klantreis.projecties.kpi.KpiFeiten.Dakkapel;
import nl.klantreis.projecties.kpi.KpiFeiten.ZaakBuilder;

/**
 * The same facts in any order give the same figures: klanten, the facts within a klant, zaken and
 * their opschortingen shuffled, 50 seeds, every KPI with every uitsplitsing it accepts.
 */
class KpiVolgordeTest {
    private static final String JUNI = "2026-06-01T00:00:00Z";


    private List<KpiKlant> klanten() {
        ZaakBuilder zaak = eenZaak(1).vanZaaktype("paspoort").viaKanaal("balie")
                .geregistreerdOp("2026-03-10T10:00:00+01:00").afgeslotenOp("2026-03-12T10:00:00+01:00");
        List<KpiKlant> klanten = new ArrayList<>(Dakkapel.klanten());
        klanten.add(klant(klantId(1), List.of(
                // Same moment, different kanalen: the order (and so the wissel) is by klantcontactId.
                eenContact(51).viaKanaal("email").op("2026-03-03T10:00:00+01:00").bouw(),
                eenContact(50).viaKanaal("telefoon").op("2026-03-03T10:00:00+01:00").bouw(),
                eenContact(52).viaKanaal("balie").overOnderwerp("paspoort").op("2026-03-05T10:00:00+01:00").bouw(),
                eenContact(53).viaKanaal("telefoon").overOnderwerp("status-navraag").overZaak(zaak.id())
                        .op("2026-03-11T10:00:00+01:00").vervolgOp(KpiFeiten.contactId(52)).bouw(),
                eenContact(54).viaKanaal("chat").overOnderwerp("status-navraag").overZaak(zaak.id())
                        .op("2026-04-01T10:00:00+02:00").bouw(),
                eenContact(55).viaKanaal("huisbezoek").op("2026-03-20T10:00:00+01:00").bouw()),
                List.of(zaak.feit())));
        for (int i = 0; i < 6; i++) {
            klanten.add(anoniem(10 + i, eenContact(60 + i).viaKanaal(i % 2 == 0 ? "chat" : "telefoon")
                    .op("2026-03-1" + i + "T10:00:00+01:00").metResultaat(i % 3 == 0 ? "doorverwezen" : "beantwoord")
                    .bouw()));
        }
        return klanten;
    }

    private List<KpiZaak> zaken() {
        List<KpiZaak> zaken = new ArrayList<>(Dakkapel.zaken());
        zaken.add(eenZaak(1).vanZaaktype("paspoort").geregistreerdOp("2026-03-10T10:00:00+01:00")
                .afgeslotenOp("2026-03-12T10:00:00+01:00").metBasis("2026-03-11")
                .opgeschort("2026-03-10T12:00:00+01:00").opgeschort("2026-03-10T13:00:00+01:00")
                .hervat("2026-03-11T09:00:00+01:00").kpiZaak());
        zaken.add(eenZaak(2).vanZaaktype("paspoort").geregistreerdOp("2026-03-15T10:00:00+01:00")
                .afgeslotenOp("2026-03-25T10:00:00+01:00").metBasis("2026-03-20").kpiZaak());
        return zaken;
    }

    private List<Kpivraag> vragen() {
        List<Kpivraag> vragen = new ArrayList<>();
        for (String peil : List.of(JUNI, "2026-03-20T00:00:00Z", "2026-04-01T00:00:00Z")) {
            for (Kpisoort soort : Kpisoort.values()) {
                List<String> perren = new ArrayList<>(soort.per());
                perren.add(null);
                for (String per : perren) {
                    vragen.add(new Kpivraag(soort.code(), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1),
                            t(peil), per));
                }
            }
        }
        return vragen;
    }

    private static <T> List<T> geschud(List<T> lijst, Random toeval) {
        List<T> kopie = new ArrayList<>(lijst);
        Collections.shuffle(kopie, toeval);
        return kopie;
    }

    @Test
    void geschuddeInvoer_geeftDezelfdeCijfers() {
        List<Kpivraag> vragen = vragen();
        List<Kpiuitkomst> verwacht = vragen.stream().map(v -> KpiFeiten.bereken(v, klanten(), zaken())).toList();
        assertThat(verwacht).anySatisfy(u -> assertThat(u.cijfers().cellen()).isNotEmpty());

        for (int seed = 0; seed < 50; seed++) {
            Random toeval = new Random(seed);
            List<KpiKlant> klanten = geschud(klanten(), toeval).stream()
                    .map(k -> new KpiKlant(k.klant(), k.anoniem(), geschud(k.contacten(), toeval),
                            geschud(k.zaken(), toeval)))
                    .toList();
            List<KpiZaak> zaken = geschud(zaken(), toeval).stream()
                    .map(z -> new KpiZaak(z.zaak(), z.zaaktype(), z.geregistreerdOp(), z.afgeslotenOp(), z.basis(),
                            geschud(z.verlengingen(), toeval), geschud(z.opgeschort(), toeval),
                            geschud(z.hervat(), toeval)))
                    .toList();
            for (int i = 0; i < vragen.size(); i++) {
                assertThat(KpiFeiten.bereken(vragen.get(i), klanten, zaken))
                        .as("seed %d, %s", seed, vragen.get(i)).isEqualTo(verwacht.get(i));
            }
        }
    }
}
