package nl.klantreis.infrastructuur.opslag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import nl.klantreis.domein.gedeeld.Identificatiesoort;
import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.gedeeld.KlantcontactId;
import nl.klantreis.domein.gedeeld.KlantreisId;
import nl.klantreis.domein.gedeeld.Versleuteld;
import nl.klantreis.domein.gedeeld.ZaakId;
import nl.klantreis.domein.klant.KanaalGewisseld;
import nl.klantreis.domein.klant.KanaalvoorkeurVastgelegd;
import nl.klantreis.domein.klant.KanaalwisselIngetrokken;
import nl.klantreis.domein.klant.KlantEvent;
import nl.klantreis.domein.klant.KlantIngeschreven;
import nl.klantreis.domein.klant.KlantVergeten;
import nl.klantreis.domein.klant.ZaakKoppelingVergeten;
import nl.klantreis.domein.klant.KlantcontactGeregistreerd;
import nl.klantreis.domein.klant.KlantcontactIngedeeld;
import nl.klantreis.domein.klant.KlantreisBeeindigd;
import nl.klantreis.domein.klant.KlantreisGestart;
import nl.klantreis.domein.klant.KlantreisVervallen;
import nl.klantreis.domein.klant.ZaakAanKlantGekoppeld;
import nl.klantreis.domein.klantreis.Klantreissoort;
import nl.klantreis.domein.referentie.ZaaktypeRegels;
import nl.klantreis.domein.zaak.UiterlijkeEinddatumBepaald;
import nl.klantreis.domein.zaak.ZaakAfgesloten;
import nl.klantreis.domein.zaak.ZaakEvent;
import nl.klantreis.domein.zaak.ZaakGeregistreerd;
import nl.klantreis.domein.zaak.ZaakHervat;
import nl.klantreis.domein.zaak.ZaakOpgeschort;
import nl.klantreis.domein.zaak.ZaakVerlengd;
import nl.klantreis.domein.zaak.ZaakfeitOnbruikbaar;
import nl.klantreis.domein.zaak.Zaakfeitsoort;
import nl.klantreis.domein.zaak.ZaakstatusGezet;

/**
 * Event approval: the stored JSON of every event type is frozen in
 * {@code src/test/resources/eventschema}. Events are forever, so a change to a stored shape
 * must come with a new {@code @Revision} and an upcaster, never silently. A missing file is
 * written for review and the test fails until it is committed.
 */
class EventschemaTest {
    private static final Path GOEDGEKEURD = Path.of("src/test/resources/eventschema");
    private static final Serializer SERIALIZER = Eventserialisatie.serializer();
    private static final ObjectMapper MOOI = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private static final KlantId KLANT = new KlantId("k-voorbeeldklant000000000000000001");
    private static final ZaakId ZAAK = new ZaakId(UUID.fromString("5b0e1c3a-8f1d-4f3e-9c55-2b7d1e6a9f01"));
    private static final KlantcontactId CONTACT = new KlantcontactId(UUID.fromString("0b7f2f7e-3a51-4bb9-9a53-2f6e7a0c1d11"));
    private static final KlantcontactId VORIG = new KlantcontactId(UUID.fromString("6c1d7a52-0d8e-4e8b-a0f4-5d2a9b3c7e22"));
    private static final KlantreisId REIS = new KlantreisId(UUID.fromString("ec1242c7-d646-38ea-92ba-6e6c86f6bd7d"));
    private static final KlantreisId ANDERE_REIS = new KlantreisId(UUID.fromString("c2f2984e-a65d-3aca-8cb6-a467dabaa704"));
    private static final Versleuteld GEHEIM = new Versleuteld("33410a70-917e-4b70-9f28-4151b49b6002", "AbJdaLxd-versleuteld");
    private static final Instant OP = Instant.parse("2026-03-04T19:31:10Z");

    static Map<Class<?>, Object> voorbeelden() {
        Map<Class<?>, Object> voorbeelden = new LinkedHashMap<>();
        List.of(
                new KlantIngeschreven(KLANT, Identificatiesoort.BSN, GEHEIM),
                new KlantcontactGeregistreerd(KLANT, CONTACT, OP, "chat", "webchat", "inkomend", "omgevingsvergunning",
                        ZAAK, "doorverwezen", "webformulier", VORIG, "kcc-medewerker-17", GEHEIM, 312),
                new ZaakAanKlantGekoppeld(KLANT, ZAAK, "omgevingsvergunning", "webformulier", OP, REIS),
                new KlantreisGestart(KLANT, REIS, Klantreissoort.ZAAK, ZAAK, null),
                new KlantcontactIngedeeld(KLANT, CONTACT, REIS, ANDERE_REIS),
                new KlantreisVervallen(KLANT, ANDERE_REIS),
                new KlantreisBeeindigd(KLANT, REIS, ZAAK, OP),
                new KanaalGewisseld(KLANT, REIS, "klantcontact:" + VORIG, "klantcontact:" + CONTACT, "telefoon",
                        "webformulier", OP, true),
                new KanaalwisselIngetrokken(KLANT, REIS, "zaak:" + ZAAK, "klantcontact:" + CONTACT, "webformulier",
                        "telefoon", OP, false),
                new KanaalvoorkeurVastgelegd(KLANT, "email", "parkeervergunning", OP),
                new ZaakKoppelingVergeten(KLANT, ZAAK),
                new KlantVergeten(KLANT, OP),
                new ZaakGeregistreerd(ZAAK, "ZAAK-2026-0000123", "omgevingsvergunning",
                        new ZaaktypeRegels(56, true, 42, List.of("ontvangen", "afgehandeld"), List.of("toegekend")),
                        "openbaar", KLANT, Identificatiesoort.BSN, GEHEIM, "webformulier", "website", OP, GEHEIM,
                        LocalDate.of(2026, 5, 1)),
                new ZaakstatusGezet(ZAAK, "aanvulling-gevraagd", OP, GEHEIM),
                new ZaakOpgeschort(ZAAK, OP, GEHEIM),
                new ZaakHervat(ZAAK, OP, GEHEIM),
                new ZaakVerlengd(ZAAK, OP, 14, GEHEIM),
                new ZaakAfgesloten(ZAAK, OP, "toegekend", GEHEIM),
                new UiterlijkeEinddatumBepaald(ZAAK, LocalDate.of(2026, 5, 8), LocalDate.of(2026, 4, 29), 0, 9, OP),
                new ZaakfeitOnbruikbaar(ZAAK, Zaakfeitsoort.STATUS_GEZET, "in-productie", OP,
                        "statustype 'in-productie' hoort niet bij zaaktype 'omgevingsvergunning'")
        ).forEach(event -> voorbeelden.put(event.getClass(), event));
        return voorbeelden;
    }

    static Stream<Object> events() {
        return voorbeelden().values().stream();
    }

    @Test
    void elkEventtype_heeftEenVoorbeeld_enEenRevisie() {
        List<Class<?>> typen = Stream.concat(Arrays.stream(KlantEvent.class.getPermittedSubclasses()),
                Arrays.stream(ZaakEvent.class.getPermittedSubclasses())).toList();
        assertThat(voorbeelden().keySet()).containsExactlyInAnyOrderElementsOf(typen);
        assertThat(typen).allSatisfy(type -> assertThat(type.getAnnotation(Revision.class)).as(type.getSimpleName()).isNotNull());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void opgeslagenJson_isGoedgekeurd(Object event) throws IOException {
        SerializedObject<byte[]> opgeslagen = SERIALIZER.serialize(event, byte[].class);
        JsonNode json = MOOI.readTree(opgeslagen.getData());
        String naam = event.getClass().getSimpleName();
        Path bestand = GOEDGEKEURD.resolve(naam + ".json");
        String verwacht = "revisie " + opgeslagen.getType().getRevision() + "\n" + MOOI.writeValueAsString(json) + "\n";
        if (!Files.exists(bestand)) {
            Files.createDirectories(GOEDGEKEURD);
            Files.writeString(bestand, verwacht, StandardCharsets.UTF_8);
            fail("Nieuw eventschema " + bestand + " geschreven: bekijk het en commit het.");
        }
        assertThat(verwacht).as("opgeslagen vorm van %s; een wijziging vraagt een nieuwe @Revision en een upcaster", naam)
                .isEqualTo(Files.readString(bestand, StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void opgeslagenJson_leestTerugAlsHetzelfdeEvent(Object event) {
        SerializedObject<byte[]> opgeslagen = SERIALIZER.serialize(event, byte[].class);
        Object gelezen = SERIALIZER.deserialize(new SimpleSerializedObject<>(opgeslagen.getData(), byte[].class,
                new SimpleSerializedType(event.getClass().getName(), opgeslagen.getType().getRevision())));
        assertThat(gelezen).isEqualTo(event);
    }
}
