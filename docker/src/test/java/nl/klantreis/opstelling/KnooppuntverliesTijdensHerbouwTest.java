package nl.klantreis.opstelling;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.klantreis.simulatie.Simulatie;

/**
 * Issue 12, 3b: the node filling a new generation in bulk is killed halfway; the other node's
 * processor of that generation continues from the stored token and the generation takes over,
 * equal to the one it replaces (documents, positions, sequence numbers). Meanwhile the survivor
 * answers every read from the serving generation, as full as before.
 */
class KnooppuntverliesTijdensHerbouwTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> LEESMODELLEN = List.of("klantreis", "mijnzaken");

    @Test
    void bouwendKnooppuntGedood_deAnderBouwtAf_endeLezersMerkenNiets() throws Exception {
        List<ObjectNode> berichten = Simulatie.metSeed(1213).klanten(300).berichten().toList();
        // Small bulk transactions: the fill takes seconds, so the kill falls in the middle of it.
        try (Opstelling opstelling = Opstelling.start("knooppuntverlies-herbouw", 2,
                Map.of("KLANTREIS_PROJECTIES_VOORLADEN", "50"))) {
            Postgresserver database = opstelling.database();
            new Kanaalsystemen(opstelling.knooppunten(), opstelling.token("bron"))
                    .verstuur(Kanaalsystemen.zendingen(berichten.stream(), 200, 0), 4);
            for (Knooppunt knooppunt : opstelling.knooppunten()) {
                Leesmodelstand.wachtTotBijgewerkt(knooppunt, Duration.ofSeconds(90));
            }
            Map<String, Leesmodelstand.Stand> voor = Leesmodelstand.nu(database);
            long kop = kop(database);

            Map<String, Integer> nieuw = new LinkedHashMap<>();
            for (String naam : LEESMODELLEN) {
                nieuw.put(naam, bouwNieuweGeneratie(database, naam));
            }
            String processor = "mijnzaken-g" + nieuw.get("mijnzaken");
            Knooppunt bouwer = wachtOpBulkvulling(opstelling, processor, kop);
            Knooppunt overlevende = bouwer == opstelling.knooppunt(1) ? opstelling.knooppunt(2) : opstelling.knooppunt(1);

            Lezers lezers = Lezers.start(overlevende, opstelling, berichten);
            long positie = positie(database, processor);
            bouwer.doodHard();
            long gedood = System.nanoTime();
            System.out.printf("knooppuntverlies tijdens herbouw: %s gedood bij positie %d van %d (bulkvulling van %s)%n",
                    bouwer.naam(), positie, kop, processor);
            assertThat(positie).as("gedood midden in de bulkvulling").isLessThan(kop);

            for (Map.Entry<String, Integer> generatie : nieuw.entrySet()) {
                wachtOpOvername(database, generatie.getKey(), generatie.getValue(), Duration.ofSeconds(90));
            }
            long overname = (System.nanoTime() - gedood) / 1_000_000;
            Thread.sleep(2_000);
            lezers.stop();
            System.out.printf("knooppuntverlies tijdens herbouw: nieuwe generaties actief %d ms na de kill; %d lezingen"
                    + " op %s, %d fout of leger dan ervoor%n", overname, lezers.gelezen(), overlevende.naam(),
                    lezers.fouten());
            assertThat(lezers.eersteFout()).as("elke lezing tijdens de herbouw").isNull();
            assertThat(lezers.gelezen()).isPositive();

            Map<String, Leesmodelstand.Stand> na = Leesmodelstand.nu(database);
            for (String naam : LEESMODELLEN) {
                assertThat(na.get(naam).tabel()).as(naam).endsWith("_g" + nieuw.get(naam));
                assertThat(na.get(naam).documenten()).as(naam + ": documenten").isEqualTo(voor.get(naam).documenten());
                assertThat(na.get(naam).toepassingen()).as(naam + ": toegepaste events")
                        .isEqualTo(voor.get(naam).toepassingen());
                assertThat(na.get(naam).volledig()).as(naam + ": documenten, posities en volgnummers")
                        .isEqualTo(voor.get(naam).volledig());
            }
        }
    }

    /**
     * What {@code Projectiebeheer.herbouw} writes (Generatieregister.bouwNieuwe): the next
     * generation's table and its row in {@code leesmodel_generatie}, state {@code bouwen}. Written
     * here, not by a tool, so one of the nodes (whichever sees it first) fills it, not the tool.
     */
    private static int bouwNieuweGeneratie(Postgresserver database, String naam) throws SQLException {
        try (Connection verbinding = database.verbinding()) {
            verbinding.setAutoCommit(false);
            int generatie;
            try (PreparedStatement vraag = verbinding.prepareStatement(
                    "SELECT coalesce(max(generatie), 0) + 1 FROM leesmodel_generatie WHERE naam = ?")) {
                vraag.setString(1, naam);
                try (ResultSet rij = vraag.executeQuery()) {
                    rij.next();
                    generatie = rij.getInt(1);
                }
            }
            String tabel = "leesmodel_" + naam + "_g" + generatie;
            try (PreparedStatement maak = verbinding.prepareStatement("SELECT leesmodel_maak_tabel(?)::text")) {
                maak.setString(1, tabel);
                maak.execute();
            }
            try (PreparedStatement rij = verbinding.prepareStatement("INSERT INTO leesmodel_generatie "
                    + "(naam, generatie, tabel, processor, toestand) VALUES (?, ?, ?, ?, 'bouwen')")) {
                rij.setString(1, naam);
                rij.setInt(2, generatie);
                rij.setString(3, tabel);
                rij.setString(4, naam + "-g" + generatie);
                rij.executeUpdate();
            }
            verbinding.commit();
            return generatie;
        }
    }

    /** The node that holds every segment of the new generation while its bulk fill has begun (position past 0). */
    private static Knooppunt wachtOpBulkvulling(Opstelling opstelling, String processor, long kop) throws Exception {
        long tot = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < tot) {
            Map<String, Integer> eigenaars = Segmenten.perProcessor(opstelling.database()).getOrDefault(processor, Map.of());
            for (Knooppunt knooppunt : opstelling.knooppunten()) {
                boolean alles = eigenaars.size() == 1
                        && eigenaars.keySet().iterator().next().startsWith(knooppunt.pid() + "@");
                if (alles && positie(opstelling.database(), processor) > 0) {
                    return knooppunt;
                }
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("geen bulkvulling van " + processor + " gezien: "
                + Segmenten.perProcessor(opstelling.database()));
    }

    /** The lowest position stored for the processor's segments (-1 before any); a replay token's current one. */
    private static long positie(Postgresserver database, String processor) throws SQLException {
        try (Connection verbinding = database.verbinding();
             PreparedStatement vraag = verbinding.prepareStatement("SELECT coalesce(min(coalesce(t -> 'currentToken' "
                     + "->> 'index', t ->> 'index')::bigint), -1) FROM (SELECT convert_from(token, 'UTF8')::jsonb AS t "
                     + "FROM tokenentry WHERE processorname = ? AND token IS NOT NULL) tokens")) {
            vraag.setString(1, processor);
            try (ResultSet rij = vraag.executeQuery()) {
                rij.next();
                return rij.getLong(1);
            }
        }
    }

    private static long kop(Postgresserver database) throws SQLException {
        try (Connection verbinding = database.verbinding();
             ResultSet rij = verbinding.createStatement().executeQuery("SELECT max(globalindex) FROM domainevententry")) {
            rij.next();
            return rij.getLong(1);
        }
    }

    private static void wachtOpOvername(Postgresserver database, String naam, int generatie, Duration maximaal)
            throws Exception {
        long tot = System.nanoTime() + maximaal.toNanos();
        while (System.nanoTime() < tot) {
            try (Connection verbinding = database.verbinding();
                 PreparedStatement vraag = verbinding.prepareStatement(
                         "SELECT toestand FROM leesmodel_generatie WHERE naam = ? AND generatie = ?")) {
                vraag.setString(1, naam);
                vraag.setInt(2, generatie);
                try (ResultSet rij = vraag.executeQuery()) {
                    if (rij.next() && rij.getString(1).equals("actief")) {
                        return;
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("generatie " + generatie + " van " + naam + " nam niet over binnen " + maximaal
                + "; segmenten: " + Segmenten.perProcessor(database));
    }

    /**
     * Burgers and a medewerker reading from one node without pause: each answer must be 200 and as
     * full as the same question's answer before the rebuild began (the number of zaken, klantreizen).
     */
    private static final class Lezers {
        private final AtomicBoolean door = new AtomicBoolean(true);
        private final AtomicLong gelezen = new AtomicLong();
        private final AtomicLong fouten = new AtomicLong();
        private final AtomicReference<String> eersteFout = new AtomicReference<>();
        private CompletableFuture<Void> lus;

        static Lezers start(Knooppunt knooppunt, Opstelling opstelling, List<ObjectNode> berichten) throws Exception {
            Map<HttpRequest, Integer> vragen = new LinkedHashMap<>();
            String medewerker = opstelling.token("medewerker");
            for (String bsn : bsns(berichten)) {
                HttpRequest mijnzaken = HttpRequest.newBuilder(knooppunt.adres("/api/v1/mijnzaken"))
                        .header("Authorization", "Bearer " + opstelling.burgertoken(bsn)).GET().build();
                int zaken = aantal(HTTP.send(mijnzaken, HttpResponse.BodyHandlers.ofString()), "zaken");
                HttpResponse<String> klant = HTTP.send(HttpRequest.newBuilder(knooppunt.adres("/api/v1/klanten/zoeken"))
                        .header("Authorization", "Bearer " + medewerker).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"bsn\":\"" + bsn + "\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (zaken == 0 || klant.statusCode() != 200) {
                    continue;
                }
                vragen.put(mijnzaken, zaken);
                HttpRequest reizen = HttpRequest.newBuilder(knooppunt.adres("/api/v1/klanten/"
                                + JSON.readTree(klant.body()).path("klantId").asText() + "/klantreizen"))
                        .header("Authorization", "Bearer " + medewerker).GET().build();
                vragen.put(reizen, aantal(HTTP.send(reizen, HttpResponse.BodyHandlers.ofString()), "klantreizen"));
                if (vragen.size() >= 6) {
                    break;
                }
            }
            assertThat(vragen).as("burgers met zaken om te lezen").hasSizeGreaterThanOrEqualTo(4);
            assertThat(vragen.values()).allMatch(n -> n > 0);
            Lezers lezers = new Lezers();
            lezers.lus = CompletableFuture.runAsync(() -> {
                while (lezers.door.get()) {
                    vragen.forEach(lezers::lees);
                }
            });
            return lezers;
        }

        private void lees(HttpRequest vraag, int verwacht) {
            String veld = vraag.uri().getPath().endsWith("mijnzaken") ? "zaken" : "klantreizen";
            String fout;
            try {
                HttpResponse<String> antwoord = HTTP.send(vraag, HttpResponse.BodyHandlers.ofString());
                int n = antwoord.statusCode() == 200 ? aantal(antwoord, veld) : -1;
                gelezen.incrementAndGet();
                if (n == verwacht) {
                    return;
                }
                fout = vraag.uri().getPath() + ": HTTP " + antwoord.statusCode() + ", " + n + " " + veld + " waar "
                        + verwacht + " waren";
            } catch (Exception e) {
                fout = vraag.uri().getPath() + ": " + e;
            }
            fouten.incrementAndGet();
            eersteFout.compareAndSet(null, fout);
        }

        void stop() {
            door.set(false);
            lus.join();
        }

        long gelezen() {
            return gelezen.get();
        }

        long fouten() {
            return fouten.get();
        }

        String eersteFout() {
            return eersteFout.get();
        }

        private static Set<String> bsns(List<ObjectNode> berichten) {
            Set<String> bsns = new LinkedHashSet<>();
            for (ObjectNode bericht : berichten) {
                String bsn = bericht.path("data").path("klant").path("bsn").asText("");
                if (!bsn.isEmpty()) {
                    bsns.add(bsn);
                }
            }
            return bsns;
        }

        private static int aantal(HttpResponse<String> antwoord, String veld) {
            try {
                JsonNode lijst = JSON.readTree(antwoord.body()).path(veld);
                return lijst.isArray() ? lijst.size() : -1;
            } catch (Exception e) {
                return -1;
            }
        }
    }
}
