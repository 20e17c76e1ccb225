package nl.klantreis.opstelling;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.klantreis.simulatie.Simulatie;

/**
 * Issue 12, 3a: node 1 is killed (SIGKILL) while channel systems post to both nodes; they send what
 * failed again to node 2. Nothing acknowledged may be lost, a resend is answered duplicate, node 2
 * claims node 1's segments, and the read models equal a fresh rebuild with no event applied twice.
 */
class KnooppuntverliesTijdensIngestieTest {
    private static final int AFZENDERS = 4;

    @Test
    void knooppuntGedoodTijdensIngestie_nietsBevestigdsVerloren_overlevendeNeemtSegmentenOver() throws Exception {
        // A realistic municipality with the faults of real systems (resends, statuses before their zaak).
        List<ObjectNode> berichten = Simulatie.metSeed(1212).klanten(200).metFouten(true).berichten().toList();
        Set<String> verschillend = new HashSet<>();
        berichten.forEach(b -> verschillend.add(Kanaalsystemen.sleutel(b)));
        List<Kanaalsystemen.Zending> zendingen = Kanaalsystemen.zendingen(berichten.stream(), 40, 5);

        try (Opstelling opstelling = Opstelling.start("knooppuntverlies-ingestie", 2)) {
            Postgresserver database = opstelling.database();
            Knooppunt een = opstelling.knooppunt(1);
            Knooppunt twee = opstelling.knooppunt(2);
            // Both nodes work (ADR 0022): the default 2 segments of each read model, one each.
            Segmenten.wachtOpVerdeling(database, opstelling.knooppunten(), 1, Duration.ofSeconds(60));

            Kanaalsystemen kanalen = new Kanaalsystemen(opstelling.knooppunten(), opstelling.token("bron"));
            CompletableFuture<Void> versturen = CompletableFuture.runAsync(() -> {
                try {
                    kanalen.verstuur(zendingen, AFZENDERS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            while (kanalen.klaar() < zendingen.size() * 2 / 5 && !versturen.isDone()) {
                Thread.sleep(20);
            }
            assertThat(versturen).as("de ingestie loopt nog als knooppunt 1 valt").isNotDone();
            int segmentenVanEen = Segmenten.van(database, een);
            long gedood = System.nanoTime();
            een.doodHard();
            Duration overname = Segmenten.wachtOpOvername(database, een, gedood, Duration.ofSeconds(90));
            versturen.get();
            System.out.printf("knooppuntverlies tijdens ingestie: %d berichten in %d zendingen door %d afzenders; "
                            + "knooppunt 1 gedood na %d zendingen met %d segmenten; overname door knooppunt 2 in %d ms; "
                            + "mislukte verzoeken (opnieuw verstuurd) %d; eerste: %s%n",
                    berichten.size(), zendingen.size(), AFZENDERS, zendingen.size() * 2 / 5, segmentenVanEen,
                    overname.toMillis(), kanalen.mislukteVerzoeken(), kanalen.eersteFout());
            assertThat(segmentenVanEen).as("knooppunt 1 had segmenten toen het viel").isPositive();
            assertThat(twee.gezond()).isTrue();

            // Every message got an answer in the end, none was refused, and each acknowledged one is stored.
            Map<String, String> resultaten = kanalen.resultaten();
            assertThat(resultaten.keySet()).containsExactlyInAnyOrderElementsOf(verschillend);
            assertThat(resultaten).doesNotContainValue("rejected");
            assertThat(opgeslagen(database)).as("bevestigde berichten in de event store")
                    .containsAll(kanalen.bevestigd());

            // Sent again, all of it: each one a duplicate, nothing stored twice.
            Kanaalsystemen opnieuw = new Kanaalsystemen(List.of(twee), opstelling.token("bron"));
            opnieuw.verstuur(zendingen, AFZENDERS);
            assertThat(opnieuw.mislukteVerzoeken()).isZero();
            assertThat(opnieuw.resultaten().keySet()).containsExactlyInAnyOrderElementsOf(verschillend);
            assertThat(opnieuw.resultaten().values()).containsOnly("duplicate");

            // The read models node 2 finished equal a fresh rebuild, positions included.
            Leesmodelstand.wachtTotBijgewerkt(twee, Duration.ofSeconds(60));
            Map<String, Leesmodelstand.Stand> live = Leesmodelstand.nu(database);
            Leesmodelstand.herbouwMetGereedschap(opstelling, Duration.ofMinutes(2));
            Map<String, Leesmodelstand.Stand> herbouwd = Leesmodelstand.nu(database);
            assertThat(herbouwd.keySet()).isEqualTo(live.keySet());
            live.forEach((naam, stand) -> {
                Leesmodelstand.Stand nieuw = herbouwd.get(naam);
                assertThat(nieuw.tabel()).as(naam + ": een nieuwe generatie").isNotEqualTo(stand.tabel());
                assertThat(stand.documenten()).as(naam).isPositive();
                assertThat(nieuw.documenten()).as(naam + ": documenten").isEqualTo(stand.documenten());
                assertThat(stand.toepassingen()).as(naam + ": toegepaste events live en herbouwd")
                        .isEqualTo(nieuw.toepassingen());
                assertThat(stand.volledig()).as(naam + ": documenten, posities en volgnummers").isEqualTo(nieuw.volledig());
            });
        }
    }

    private static Set<String> opgeslagen(Postgresserver database) throws Exception {
        Set<String> sleutels = new HashSet<>();
        try (Connection verbinding = database.verbinding();
             ResultSet rij = verbinding.createStatement().executeQuery("SELECT bron, bericht_id FROM ontvangen_bericht")) {
            while (rij.next()) {
                sleutels.add(rij.getString(1) + "|" + rij.getString(2));
            }
        }
        return sleutels;
    }
}
