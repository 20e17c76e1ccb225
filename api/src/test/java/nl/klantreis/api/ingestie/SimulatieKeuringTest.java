package nl.klantreis.api.ingestie;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.klantreis.infrastructuur.referentie.Referentiegegevens;
import nl.klantreis.simulatie.Simulatie;

/**
 * The simulator is only useful for load tests and demos when the engine accepts what it
 * makes: every generated message, faults included, passes the keuring on the simulated "now".
 */
class SimulatieKeuringTest {
    private static final int BERICHTEN = 20_000;
    private static final Referentiegegevens REFERENTIE = Referentiegegevens.laadStandaard();

    private final BerichtKeuring keuring = new BerichtKeuring(REFERENTIE.kanalen(), REFERENTIE.catalogus(),
            Clock.fixed(Instant.parse("2026-11-01T00:00:00Z"), ZoneOffset.UTC));

    @Test
    void gesimuleerdeBerichten_wordenAlleGoedgekeurd_ookMetFouten() {
        List<String> afgewezen = new ArrayList<>();
        Map<String, Integer> perType = new TreeMap<>();
        List<ObjectNode> berichten = Simulatie.metSeed(20_260_301L).klanten(Simulatie.MEESTE_KLANTEN)
                .metFouten(true).berichten().limit(BERICHTEN).toList();

        for (int positie = 0; positie < berichten.size(); positie++) {
            Beoordeling beoordeling = keuring.keur(positie, berichten.get(positie));
            if (!beoordeling.geldig() && afgewezen.size() < 10) {
                afgewezen.add(beoordeling.fouten() + " in " + berichten.get(positie));
            }
            if (!beoordeling.geldig()) {
                perType.merge("AFGEWEZEN", 1, Integer::sum);
            } else {
                perType.merge(beoordeling.type(), 1, Integer::sum);
            }
        }

        assertThat(berichten).hasSize(BERICHTEN);
        assertThat(afgewezen).as("afgewezen berichten (de eerste tien)").isEmpty();
        assertThat(perType).doesNotContainKey("AFGEWEZEN");
        assertThat(perType.keySet()).containsExactlyInAnyOrder(KlantcontactBericht.TYPE,
                ZaakGeregistreerdBericht.TYPE, StatusGezetBericht.TYPE, ZaakOpgeschortBericht.TYPE,
                ZaakHervatBericht.TYPE, ZaakVerlengdBericht.TYPE, ZaakAfgeslotenBericht.TYPE,
                KanaalvoorkeurBericht.TYPE);
    }

    @Test
    void aliassen_wordenGelezenAlsHunKanaalcode() {
        List<KlantcontactBericht> contacten = new ArrayList<>();
        List<ObjectNode> berichten = Simulatie.metSeed(5).klanten(2_000).berichten().toList();
        for (int positie = 0; positie < berichten.size(); positie++) {
            if (keuring.keur(positie, berichten.get(positie)).bericht() instanceof KlantcontactBericht contact) {
                contacten.add(contact);
            }
        }
        assertThat(contacten).anyMatch(c -> c.kanaalOntvangen().equals("webchat") && c.kanaal().equals("chat"));
        assertThat(contacten).anyMatch(c -> c.kanaalOntvangen().equals("KCC") && c.kanaal().equals("telefoon"));
        assertThat(contacten).anyMatch(c -> c.kanaalOntvangen().equals("e-mail") && c.kanaal().equals("email"));
        assertThat(contacten).anyMatch(c -> c.kanaalOntvangen().equals("loket") && c.kanaal().equals("balie"));
    }
}
