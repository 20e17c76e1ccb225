package nl.klantreis.api.ingestie;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import nl.klantreis.api.testondersteuning.Testengine;
import nl.klantreis.api.testondersteuning.Voorbeelden;
import nl.klantreis.domein.klant.KlantcontactGeregistreerd;
import nl.klantreis.infrastructuur.opslag.Eventserialisatie;

/**
 * Property-based fuzz test of {@code POST /api/v1/events} on real PostgreSQL (issue 9, items 1-2).
 * With a fixed seed, a few thousand generated messages, single and in batches: valid ones (new and
 * sent again) mixed with lone surrogates as raw JSON escapes, NUL, control characters, values
 * beyond every limit (up to a megabyte), deep nesting, wrong JSON types, blank ids, and now and
 * then a body with trailing garbage. For every request it holds that
 * <ul>
 * <li>no answer is a 5xx;</li>
 * <li>a batch gets a verdict for each of its messages, in order; a broken message is rejected
 * naming the field that was broken, a valid one is accepted (or, sent before, duplicate);</li>
 * <li>every accepted message is stored exactly once (one receipt, one KlantcontactGeregistreerd),
 * and nothing of a rejected message is (no receipt, no klantcontact row, no event).</li>
 * </ul>
 * Shrinking is off: each try changes the database, so a shrunk example would not reproduce. A
 * failure names the try's messages in its report; the seed makes the run repeatable.
 */
class IngestieFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper EVENTS = Eventserialisatie.objectMapper();
    private static final String RUN = Long.toString(System.nanoTime(), 36);
    private static final String SOURCE = "urn:test:fuzz:" + RUN;
    private static final String LOS = "\u00a7LOS\u00a7";
    private static final AtomicInteger VOLGNUMMER = new AtomicInteger();
    private static final List<Verzonden> AANVAARD = new ArrayList<>();
    private static final AtomicInteger BERICHTEN = new AtomicInteger();
    private static final java.util.Map<Soort, AtomicInteger> PER_SOORT = new java.util.EnumMap<>(Soort.class);
    private static final AtomicInteger STAARTEN = new AtomicInteger();
    private static Testengine engine;
    private static long laatsteIndex;

    @BeforeContainer
    static void start() {
        engine = Testengine.start();
        laatsteIndex = maxIndex();
    }

    @AfterContainer
    static void stop() {
        System.out.printf("IngestieFuzzTest: %d berichten verstuurd, %d aanvaard, %d verzoeken met een staart;"
                + " per soort %s%n", BERICHTEN.get(), AANVAARD.size(), STAARTEN.get(), PER_SOORT);
        if (engine != null) {
            engine.close();
        }
    }

    enum Soort {
        GELDIG, GELDIG_ANONIEM, HERZENDING, SURROGAAT, SURROGAAT_IN_NAAM, NUL, STUURTEKEN, TE_LANG, HEEL_GROOT,
        WITRUIMTE, DIEP, VERKEERD_TYPE
    }

    /** One message to make: what is done to it, and the randomness it is made with. */
    record Plan(Soort soort, long zaad) {
    }

    record Zending(boolean batch, List<Plan> plannen, boolean staart) {
    }

    /** A message as sent, and what the engine should make of it. */
    record Verzonden(String tekst, String id, UUID klantcontactId, String verwacht, String pointer) {
        boolean geldig() {
            return pointer == null;
        }
    }

    @Provide
    Arbitrary<Zending> zendingen() {
        Arbitrary<Plan> plan = Combinators.combine(Arbitraries.frequencyOf(
                        Tuple.of(30, Arbitraries.just(Soort.GELDIG)),
                        Tuple.of(10, Arbitraries.just(Soort.GELDIG_ANONIEM)),
                        Tuple.of(6, Arbitraries.just(Soort.HERZENDING)),
                        Tuple.of(10, Arbitraries.just(Soort.SURROGAAT)),
                        Tuple.of(4, Arbitraries.just(Soort.SURROGAAT_IN_NAAM)),
                        Tuple.of(8, Arbitraries.just(Soort.NUL)),
                        Tuple.of(6, Arbitraries.just(Soort.STUURTEKEN)),
                        Tuple.of(10, Arbitraries.just(Soort.TE_LANG)),
                        Tuple.of(1, Arbitraries.just(Soort.HEEL_GROOT)),
                        Tuple.of(3, Arbitraries.just(Soort.WITRUIMTE)),
                        Tuple.of(4, Arbitraries.just(Soort.DIEP)),
                        Tuple.of(8, Arbitraries.just(Soort.VERKEERD_TYPE))),
                Arbitraries.longs()).as(Plan::new);
        Arbitrary<Boolean> batch = Arbitraries.frequency(Tuple.of(3, false), Tuple.of(7, true));
        return Combinators.combine(batch, plan.list().ofMinSize(1).ofMaxSize(30),
                        Arbitraries.frequency(Tuple.of(97, false), Tuple.of(3, true)))
                .as((isBatch, plannen, staart) -> new Zending(isBatch, isBatch ? plannen : plannen.subList(0, 1), staart));
    }

    @Property(tries = 400, seed = "20261206", shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
    void geenEnkel5xx_eenOordeelPerBericht_enAlleenAanvaardeBerichtenOpgeslagen(@ForAll("zendingen") Zending zending) {
        List<Verzonden> berichten = new ArrayList<>();
        Set<String> idsInDezeZending = new HashSet<>();
        if (zending.staart()) {
            STAARTEN.incrementAndGet();
        }
        for (Plan plan : zending.plannen()) {
            PER_SOORT.computeIfAbsent(plan.soort(), s -> new AtomicInteger()).incrementAndGet();
            Verzonden bericht = maak(plan);
            if (bericht.geldig() && !idsInDezeZending.add(bericht.id())) {
                // The same (source, id) twice in one request: the second is a duplicate.
                bericht = new Verzonden(bericht.tekst(), bericht.id(), bericht.klantcontactId(), "duplicate", null);
            }
            berichten.add(bericht);
        }
        BERICHTEN.addAndGet(berichten.size());
        String body = zending.batch()
                ? "[" + String.join(",", berichten.stream().map(Verzonden::tekst).toList()) + "]"
                : berichten.get(0).tekst();
        if (zending.staart()) {
            body = body + (zending.batch() ? "]" : " xyz");
        }

        EntityExchangeResult<byte[]> uitslag = engine.client().post().uri("/api/v1/events")
                .contentType(MediaType.parseMediaType(zending.batch() ? IngestieController.BATCH : IngestieController.EEN))
                .bodyValue(body).exchange().expectBody().returnResult();
        int status = uitslag.getStatus().value();
        JsonNode antwoord = lees(uitslag.getResponseBody());
        String beschrijving = "status " + status + ", antwoord " + ingekort(antwoord) + ", berichten "
                + berichten.stream().map(b -> b.verwacht() + (b.pointer() == null ? "" : " " + b.pointer())).toList();

        assertThat(status).as(beschrijving).isLessThan(500);
        if (zending.staart()) {
            assertThat(status).as(beschrijving).isEqualTo(400);
            assertThat(antwoord.path("type").asText()).isEqualTo("urn:klantreis:probleem:onleesbaar-verzoek");
            controleerOpslag(berichten, List.of(), beschrijving);
            return;
        }

        List<String> oordelen = new ArrayList<>();
        if (zending.batch()) {
            boolean allesAfgewezen = berichten.stream().allMatch(b -> !b.geldig());
            assertThat(status).as(beschrijving).isEqualTo(allesAfgewezen ? 400 : 200);
            JsonNode resultaten = antwoord.path("resultaten");
            assertThat(resultaten.size()).as(beschrijving).isEqualTo(berichten.size());
            for (int i = 0; i < berichten.size(); i++) {
                JsonNode resultaat = resultaten.get(i);
                assertThat(resultaat.path("positie").asInt()).isEqualTo(i);
                controleerOordeel(berichten.get(i), resultaat.path("resultaat").asText(), resultaat,
                        beschrijving + ", positie " + i);
                oordelen.add(resultaat.path("resultaat").asText());
            }
        } else {
            Verzonden bericht = berichten.get(0);
            String resultaat = status == 400 ? "rejected" : antwoord.path("resultaat").asText();
            assertThat(status).as(beschrijving).isEqualTo(bericht.geldig() ? 200 : 400);
            controleerOordeel(bericht, resultaat, antwoord, beschrijving);
            oordelen.add(resultaat);
        }
        controleerOpslag(berichten, oordelen, beschrijving);
    }

    private static void controleerOordeel(Verzonden bericht, String resultaat, JsonNode metFouten, String beschrijving) {
        assertThat(resultaat).as(beschrijving).isEqualTo(bericht.verwacht());
        if (!bericht.geldig()) {
            List<String> pointers = new ArrayList<>();
            metFouten.path("errors").forEach(f -> pointers.add(f.path("pointer").asText()));
            assertThat(pointers).as(beschrijving).anySatisfy(p -> assertThat(p).startsWith(bericht.pointer()));
        }
    }

    /**
     * Receipts, klantcontact rows and KlantcontactGeregistreerd events of this request: exactly one
     * of each for a message accepted now, none for anything else.
     */
    private static void controleerOpslag(List<Verzonden> berichten, List<String> oordelen, String beschrijving) {
        Set<UUID> nieuw = new HashSet<>();
        for (int i = 0; i < berichten.size(); i++) {
            Verzonden bericht = berichten.get(i);
            boolean aanvaard = i < oordelen.size() && oordelen.get(i).equals("accepted");
            long ontvangen = engine.jdbc().queryForObject(
                    "SELECT count(*) FROM ontvangen_bericht WHERE starts_with(bericht_id, ?)", Long.class,
                    bericht.id());
            long klantcontacten = engine.jdbc().queryForObject(
                    "SELECT count(*) FROM klantcontact_klant WHERE klantcontact_id = ?", Long.class,
                    bericht.klantcontactId());
            if (bericht.geldig() && i < oordelen.size()) {
                assertThat(ontvangen).as("ontvangst van %s; %s", bericht.id(), beschrijving).isEqualTo(1);
                assertThat(klantcontacten).as(beschrijving).isEqualTo(1);
            } else if (!bericht.geldig() || oordelen.isEmpty()) {
                if (!bericht.verwacht().equals("duplicate")) {
                    assertThat(ontvangen).as("ontvangst van %s; %s", bericht.id(), beschrijving).isZero();
                    assertThat(klantcontacten).as(beschrijving).isZero();
                }
            }
            if (aanvaard) {
                assertThat(nieuw.add(bericht.klantcontactId())).as(beschrijving).isTrue();
                AANVAARD.add(bericht);
            }
        }
        List<UUID> opgeslagen = engine.jdbc().query("""
                SELECT globalindex, payload FROM domainevententry
                WHERE globalindex > ? AND payloadtype = ? ORDER BY globalindex""", (rij, nr) -> {
            laatsteIndex = Math.max(laatsteIndex, rij.getLong(1));
            try {
                return EVENTS.readValue(rij.getBytes(2), KlantcontactGeregistreerd.class).klantcontactId().waarde();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }, laatsteIndex, KlantcontactGeregistreerd.class.getName());
        laatsteIndex = Math.max(laatsteIndex, maxIndex());
        assertThat(opgeslagen).as("nieuwe KlantcontactGeregistreerd; %s", beschrijving)
                .containsExactlyInAnyOrderElementsOf(nieuw);
    }

    private static long maxIndex() {
        Long index = engine.jdbc().queryForObject("SELECT max(globalindex) FROM domainevententry", Long.class);
        return index == null ? 0 : index;
    }

    // ---------------------------------------------------------------- making messages

    private static Verzonden maak(Plan plan) {
        Random random = new Random(plan.zaad());
        if (plan.soort() == Soort.HERZENDING && !AANVAARD.isEmpty()) {
            Verzonden eerder = AANVAARD.get(random.nextInt(AANVAARD.size()));
            return new Verzonden(eerder.tekst(), eerder.id(), eerder.klantcontactId(), "duplicate", null);
        }
        String id = "fz" + RUN + "-" + VOLGNUMMER.incrementAndGet() + "-";
        UUID klantcontactId = UUID.randomUUID();
        ObjectNode bericht = geldig(id, klantcontactId, plan.soort() == Soort.GELDIG_ANONIEM, random);
        ObjectNode data = (ObjectNode) bericht.path("data");
        String pointer;
        switch (plan.soort()) {
            case GELDIG, GELDIG_ANONIEM, HERZENDING -> pointer = null;
            case SURROGAAT -> {
                String veld = kies(random, "/id", "/source", "/subject", "/type", "/data/kanaal", "/data/inhoud",
                        "/data/medewerker", "/data/onbekend", "/data/klant/bsn", "/data/plaatsgevondenOp");
                zet(bericht, veld, "a" + LOS + "b");
                pointer = veld;
            }
            case SURROGAAT_IN_NAAM -> {
                boolean inKlant = random.nextBoolean();
                ((ObjectNode) (inKlant ? data.path("klant") : data)).put("x" + LOS, 1);
                pointer = (inKlant ? "/data/klant/x" : "/data/x") + "\uFFFD";
            }
            case NUL -> {
                String veld = kies(random, "/id", "/source", "/subject", "/data/kanaal", "/data/inhoud",
                        "/data/medewerker", "/data/onbekend", "/data/resultaat");
                zet(bericht, veld, "n\u0000" + random.nextInt(100));
                pointer = veld;
            }
            case STUURTEKEN -> {
                String veld = kies(random, "/id", "/source", "/data/medewerker", "/subject");
                char teken = kies(random, '\n', '\t', '\r', '\u0001', '\u001b', '\u007f', '\u0085');
                zet(bericht, veld, "c" + teken + "c");
                pointer = veld;
            }
            case TE_LANG -> {
                int keuze = random.nextInt(7);
                String veld = List.of("/id", "/source", "/subject", "/data/inhoud", "/data/medewerker", "/data/kanaal",
                        "/data/onbekend").get(keuze);
                int grens = List.of(256, 256, 1_024, 2_000, 256, 100, 10_000).get(keuze);
                zet(bericht, veld, willekeurig(random, grens + 1 + random.nextInt(3 * grens)));
                pointer = veld;
            }
            case HEEL_GROOT -> {
                String veld = kies(random, "/id", "/source", "/data/inhoud");
                zet(bericht, veld, "g".repeat(1 << 20));
                pointer = veld;
            }
            case WITRUIMTE -> {
                String veld = kies(random, "id", "source");
                bericht.put(veld, kies(random, " ", "   ", "\t", " \n "));
                veld = "/" + veld;
                pointer = veld;
            }
            case DIEP -> {
                ObjectNode hier = data.putObject("diep");
                int diepte = 11 + random.nextInt(15);
                for (int i = 0; i < diepte; i++) {
                    hier = random.nextBoolean() ? hier.putObject("n") : hier.putArray("a").addObject();
                }
                pointer = "/data/diep";
            }
            case VERKEERD_TYPE -> {
                int keuze = random.nextInt(8);
                switch (keuze) {
                    case 0 -> bericht.put("id", random.nextInt());
                    case 1 -> bericht.putObject("source").put("urn", "x");
                    case 2 -> bericht.putArray("data").add(1);
                    case 3 -> bericht.put("data", "tekst");
                    case 4 -> data.put("klant", "999990342");
                    case 5 -> data.put("duurSeconden", "12");
                    case 6 -> bericht.put("specversion", 1.0);
                    default -> data.put("kanaal", true);
                }
                pointer = List.of("/id", "/source", "/data", "/data", "/data/klant", "/data/duurSeconden",
                        "/specversion", "/data/kanaal").get(keuze);
            }
            default -> throw new IllegalStateException(plan.soort().name());
        }
        String tekst = bericht.toString().replace(LOS, random.nextBoolean() ? "\\ud800" : "\\udfff");
        return new Verzonden(tekst, id, klantcontactId, pointer == null ? "accepted" : "rejected", pointer);
    }

    private static ObjectNode geldig(String id, UUID klantcontactId, boolean anoniem, Random random) {
        ObjectNode bericht = Voorbeelden.berichten(Voorbeelden.DAKKAPEL).get(6).deepCopy();
        // Non-ASCII and characters outside the BMP (a surrogate pair) are valid and must stay distinct keys.
        bericht.put("id", id + kies(random, "", "", "\u00e9", "\uD83D\uDE00", "\u6f22\u5b57", "\u00df"));
        bericht.put("source", SOURCE);
        ObjectNode data = (ObjectNode) bericht.path("data");
        data.put("klantcontactId", klantcontactId.toString());
        data.remove("zaakId");
        data.put("onderwerp", "algemene-vraag");
        if (anoniem) {
            data.putObject("klant").put("anoniem", true);
        } else {
            data.putObject("klant").put("bsn", Voorbeelden.geldigBsn(random));
        }
        data.put("medewerker", "mw-" + random.nextInt(50) + kies(random, "", "\u00f8", "\uD83D\uDE42"));
        data.put("inhoud", "Vraag over " + kies(random, "afval", "parkeren", "paspoort") + ".\r\nTerugbellen.");
        return bericht;
    }

    /** Sets the member a pointer names (two levels at most), replacing what was there. */
    private static void zet(ObjectNode bericht, String pointer, String waarde) {
        String[] delen = pointer.substring(1).split("/");
        ObjectNode ouder = bericht;
        for (int i = 0; i < delen.length - 1; i++) {
            ouder = (ObjectNode) ouder.path(delen[i]);
        }
        String naam = delen[delen.length - 1];
        if (pointer.equals("/id")) {
            // Keep the run's marker in front, so that the receipt table can be searched for it.
            waarde = ouder.path("id").asText() + waarde;
        }
        ouder.put(naam, waarde);
    }

    private static String willekeurig(Random random, int lengte) {
        StringBuilder tekst = new StringBuilder(lengte);
        for (int i = 0; i < lengte; i++) {
            tekst.append((char) ('a' + random.nextInt(26)));
        }
        return tekst.toString();
    }

    @SafeVarargs
    private static <T> T kies(Random random, T... keuzes) {
        return keuzes[random.nextInt(keuzes.length)];
    }

    private static JsonNode lees(byte[] body) {
        try {
            return body == null ? JsonNodeFactory.instance.nullNode() : JSON.readTree(body);
        } catch (java.io.IOException e) {
            return JsonNodeFactory.instance.textNode(new String(body, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static String ingekort(JsonNode antwoord) {
        String tekst = antwoord.toString();
        return tekst.length() > 2_000 ? tekst.substring(0, 2_000) + "..." : tekst;
    }
}
