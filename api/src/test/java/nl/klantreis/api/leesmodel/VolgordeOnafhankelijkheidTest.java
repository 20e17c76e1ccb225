package nl.klantreis.api.leesmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.messaging.responsetypes.ResponseTypes.instanceOf;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.klantreis.api.testondersteuning.Testengine;
import nl.klantreis.api.testondersteuning.Voorbeelden;
import nl.klantreis.domein.referentie.Catalogus;
import nl.klantreis.projecties.klantbeeld.KlantbeeldWeergave;
import nl.klantreis.projecties.klantreis.Klantdossier;
import nl.klantreis.projecties.klantreis.KlantreisLeesregels;
import nl.klantreis.projecties.klantreis.KlantreisWeergave;
import nl.klantreis.projecties.kpi.Kpiuitkomst;
import nl.klantreis.projecties.kpi.Kpivraag;
import nl.klantreis.projecties.leesmodel.Documentlezer;
import nl.klantreis.projecties.leesmodel.Projectiebeheer;
import nl.klantreis.projecties.mijnzaken.MijnZakenLeesregels;
import nl.klantreis.projecties.mijnzaken.MijnZakenWeergave;
import nl.klantreis.projecties.mijnzaken.Zaakdossier;
import nl.klantreis.infrastructuur.opslag.Eventserialisatie;
import nl.klantreis.infrastructuur.privacy.Ontsleuteling;
import nl.klantreis.simulatie.Simulatie;

/**
 * Order independence, end to end: a generated municipality of more than 20,000 messages,
 * delivered once in the order things happened and once shuffled with resends, gives the same
 * read models (every klantreis, MijnZaken page and klantbeeld, decrypted) and the same answer to
 * every KPI, in every breakdown.
 */
class VolgordeOnafhankelijkheidTest {
    private static final Instant PEIL = Instant.parse("2026-10-01T00:00:00Z");
    private static final ObjectMapper JSON = Eventserialisatie.objectMapper();
    private static final String GEHEIM = Base64.getEncoder().encodeToString("volgorde-onafhankelijkheid-geheim-32b".getBytes());
    @RegisterExtension
    static final Testengine opTijd = Testengine.perKlasse("--klantreis.pseudoniem-geheim=" + GEHEIM);
    @RegisterExtension
    static final Testengine geschud = Testengine.perKlasse("--klantreis.pseudoniem-geheim=" + GEHEIM);
    private static int aantalBerichten;

    @BeforeAll
    static void start() {
        List<ObjectNode> berichten = Simulatie.metSeed(20261123).klanten(1750).berichten().toList();
        aantalBerichten = berichten.size();

        List<ObjectNode> inTijdsvolgorde = new ArrayList<>(berichten);
        inTijdsvolgorde.sort(Comparator.comparing(VolgordeOnafhankelijkheidTest::gebeurdOp));
        List<ObjectNode> door = new ArrayList<>(berichten);
        Random random = new Random(7);
        for (int i = 0; i < berichten.size() / 20; i++) {
            door.add(berichten.get(random.nextInt(berichten.size())).deepCopy());
        }
        Collections.shuffle(door, random);

        stuur(opTijd, inTijdsvolgorde);
        stuur(geschud, door);
        opTijd.wachtOpLeesmodellen();
        geschud.wachtOpLeesmodellen();
    }

    @Test
    void genoegBerichten() {
        assertThat(aantalBerichten).isGreaterThanOrEqualTo(20_000);
    }

    @Test
    void klantreizenEnKlantbeelden_zijnGelijk() {
        vergelijk(KlantreisLeesregels.NAAM, (engine, document) -> {
            Klantdossier dossier = (Klantdossier) document;
            ObjectNode beeld = JSON.createObjectNode();
            beeld.set("klantreizen", JSON.valueToTree(KlantreisWeergave.klantreizen(dossier, PEIL)));
            beeld.set("klantbeeld", zonderBekendTijd(JSON.valueToTree(KlantbeeldWeergave.klantbeeld(dossier, PEIL,
                    engine.bean(Ontsleuteling.class).voorEenAntwoord(), List.of()))));
            return beeld;
        });
    }

    @Test
    void mijnZaken_zijnGelijk() {
        vergelijk(MijnZakenLeesregels.NAAM, (engine, document) -> {
            Zaakdossier dossier = (Zaakdossier) document;
            MijnZakenWeergave weergave = new MijnZakenWeergave(engine.bean(Catalogus.class));
            if (!weergave.zichtbaar(dossier, PEIL)) {
                return JSON.createObjectNode().put("zichtbaar", false);
            }
            return zonderBekendTijd(JSON.valueToTree(weergave.detail(dossier, PEIL,
                    engine.bean(Ontsleuteling.class).voorEenAntwoord())));
        });
    }

    @Test
    void elkeKpi_inElkeUitsplitsing_isGelijk() {
        int vergeleken = 0;
        for (LocalDate van : List.of(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 7, 1), LocalDate.of(2026, 3, 1))) {
            LocalDate tot = van.plusMonths(6);
            for (String kpi : Kpivraag.KPIS) {
                for (String per : new String[] {null, Kpivraag.PER_KANAAL, Kpivraag.PER_ZAAKTYPE}) {
                    Kpivraag vraag;
                    try {
                        vraag = new Kpivraag(kpi, van, tot, PEIL, per);
                    } catch (IllegalArgumentException nietVoorDezeKpi) {
                        continue;
                    }
                    Kpiuitkomst a = opTijd.vraag(vraag, instanceOf(Kpiuitkomst.class));
                    Kpiuitkomst b = geschud.vraag(vraag, instanceOf(Kpiuitkomst.class));
                    JsonNode verwacht = JSON.valueToTree(a);
                    JsonNode gekregen = JSON.valueToTree(b);
                    assertThat(gekregen).as("%s per %s vanaf %s", kpi, per, van).isEqualTo(verwacht);
                    vergeleken++;
                }
            }
        }
        assertThat(vergeleken).isGreaterThan(50);
        assertThat(opTijd.vraag(new Kpivraag("klantreizen", LocalDate.of(2025, 1, 1), LocalDate.of(2026, 10, 1), PEIL, null),
                instanceOf(Kpiuitkomst.class)).cijfers().aantal()).isGreaterThan(1000);
    }

    private interface Weergave {
        JsonNode van(Testengine engine, Object document);
    }

    /** Both engines' documents in key order, rendered and compared one by one. */
    private static void vergelijk(String leesmodel, Weergave weergave) {
        Documentlezer<Object> a = new Documentlezer<>(opTijd.bean(Projectiebeheer.class), leesmodel, opTijd.database());
        Documentlezer<Object> b = new Documentlezer<>(geschud.bean(Projectiebeheer.class), leesmodel, geschud.database());
        assertThat(b.aantal()).isEqualTo(a.aantal()).isGreaterThan(500);
        try (Stream<Object> stroomA = a.stroom(); Stream<Object> stroomB = b.stroom()) {
            Iterator<Object> iterA = stroomA.iterator();
            Iterator<Object> iterB = stroomB.iterator();
            while (iterA.hasNext()) {
                JsonNode verwacht = weergave.van(opTijd, iterA.next());
                JsonNode gekregen = weergave.van(geschud, iterB.next());
                assertThat(gekregen).isEqualTo(verwacht);
            }
            assertThat(iterB.hasNext()).isFalse();
        }
    }

    /** When the engine learned a thing depends on delivery; only what happened must be equal. */
    private static JsonNode zonderBekendTijd(JsonNode boom) {
        if (boom.isObject()) {
            ((ObjectNode) boom).remove("laatstGewijzigd");
            boom.forEach(VolgordeOnafhankelijkheidTest::zonderBekendTijd);
        } else if (boom.isArray()) {
            boom.forEach(VolgordeOnafhankelijkheidTest::zonderBekendTijd);
        }
        return boom;
    }

    private static String gebeurdOp(ObjectNode bericht) {
        JsonNode data = bericht.path("data");
        for (String veld : List.of("plaatsgevondenOp", "geregistreerdOp", "datumStatusGezet", "opgeschortOp", "hervatOp",
                "verlengdOp", "afgeslotenOp", "vastgelegdOp")) {
            if (data.hasNonNull(veld)) {
                return java.time.OffsetDateTime.parse(data.path(veld).asText()).toInstant().toString();
            }
        }
        throw new IllegalStateException("bericht zonder tijdstip: " + bericht);
    }

    private static void stuur(Testengine engine, List<ObjectNode> berichten) {
        for (int i = 0; i < berichten.size(); i += 500) {
            List<ObjectNode> batch = berichten.subList(i, Math.min(berichten.size(), i + 500));
            JsonNode antwoord = engine.client().post().uri("/api/v1/events")
                    .contentType(MediaType.parseMediaType("application/cloudevents-batch+json"))
                    .bodyValue(Voorbeelden.alsBatch(batch)).exchange().expectStatus().isOk()
                    .expectBody(JsonNode.class).returnResult().getResponseBody();
            assertThat(antwoord.path("rejected").asInt()).as(antwoord.toString()).isZero();
        }
    }
}
