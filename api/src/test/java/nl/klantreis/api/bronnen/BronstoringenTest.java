package nl.klantreis.api.bronnen;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.klantreis.api.beveiliging.Rol;
import nl.klantreis.api.testondersteuning.Testengine;
import nl.klantreis.bronnen.Meldingenopslag;
import nl.klantreis.bronnen.nabootsing.Dakkapelverhaal;
import nl.klantreis.bronnen.nabootsing.Nabootsing;
import nl.klantreis.bronnen.nabootsing.Notificatieverzender;
import nl.klantreis.bronnen.nabootsing.Zgwwereld;

/**
 * Issue 13's faults against the stand-in of Open Zaak and Open Klant (real HTTP, answers checked against their
 * specifications), each on an engine of its own: the source down past every try (dead letters, seen in metrics and
 * health, replayed), a resource gone (recorded and skipped), a zaaktype without mapping (kept, and told once the
 * mapping is fixed), and the engine stopped while it reads a slow source (nothing lost).
 */
class BronstoringenTest {
    private static final String AUTORISATIE = "Bearer notificaties-0123456789abcdef";
    private Nabootsing bron;
    private Dakkapelverhaal verhaal;
    private final List<Testengine> engines = new ArrayList<>();

    @BeforeEach
    void start() {
        bron = Nabootsing.start().zgwClient("klantreis", "geheim-van-de-zaakapplicatie").token("open-klant-token-0123456789");
        verhaal = Dakkapelverhaal.bouw(bron.wereld());
    }

    @AfterEach
    void stop() {
        engines.forEach(Testengine::close);
        bron.close();
    }

    private Path configuratie;

    private Testengine engine(String... extra) throws Exception {
        List<String> argumenten = new ArrayList<>(List.of(DakkapelUitBronnenTest.bronnen(bron, 3)));
        configuratie = Path.of(argumenten.get(0).substring("--klantreis.bronnen.configuratie=".length()));
        argumenten.add("--klantreis.bronnen.telling-elke=200ms");
        argumenten.addAll(List.of(extra));
        Testengine engine = Testengine.start(argumenten.toArray(String[]::new));
        engines.add(engine);
        return engine;
    }

    private static void meld(Testengine engine, ObjectNode notificatie) {
        URI callback = URI.create(engine.basisUrl() + "/api/v1/notificaties");
        assertThat(new Notificatieverzender().verstuur(callback, AUTORISATIE, notificatie)).isEqualTo(204);
    }

    private ObjectNode zaaknotificatie() {
        return verhaal.notificaties().stream().filter(n -> "zaak".equals(n.path("resource").asText())
                && "create".equals(n.path("actie").asText())).findFirst().orElseThrow();
    }

    private static String toestand(Testengine engine, String url) {
        List<String> toestanden = engine.jdbc().queryForList("SELECT toestand FROM bronmelding WHERE url = ?", String.class, url);
        return toestanden.isEmpty() ? null : toestanden.get(0);
    }

    @Test
    void eenBronDieWegBlijft_maaktNaDePogingenEenDodeLetter_zichtbaar_enOpnieuwVerwerkt() throws Exception {
        Testengine engine = engine();
        bron.onbereikbaar(true);
        meld(engine, zaaknotificatie());

        wachtTot(() -> "dood".equals(toestand(engine, verhaal.zaakUrl())), "een dode letter");
        String reden = engine.jdbc().queryForObject("SELECT reden FROM bronmelding WHERE url = ?", String.class, verhaal.zaakUrl());
        assertThat(reden).contains("niet bereikbaar");
        assertThat(engine.jdbc().queryForObject("SELECT pogingen FROM bronmelding WHERE url = ?", Integer.class,
                verhaal.zaakUrl())).isEqualTo(3);
        wachtTot(() -> prometheus(engine).contains("klantreis_bronnen_meldingen{toestand=\"dood\"} 1.0"), "de metriek");
        assertThat(prometheus(engine)).contains("klantreis_bronnen_mislukt_total{fout=\"bron-tijdelijk\",soort=\"zaak\"} 3.0");
        JsonNode gezondheid = engine.clientZonderToken().get().uri("/actuator/health").exchange()
                .expectBody(JsonNode.class).returnResult().getResponseBody().path("components").path("bronnen");
        assertThat(gezondheid.path("status").asText()).isEqualTo("UP");
        assertThat(gezondheid.path("details").path("meldingen").path("dood").asLong()).isEqualTo(1);

        bron.onbereikbaar(false);
        assertThat(new Meldingenopslag(engine.database(), java.time.Clock.systemUTC()).opnieuw(Meldingenopslag.Toestand.DOOD))
                .isEqualTo(1);
        wachtTot(() -> "verwerkt".equals(toestand(engine, verhaal.zaakUrl())), "verwerkt na opnieuw");
        engine.wachtOpLeesmodellen();
        JsonNode zaken = engine.client(Rol.BURGER, Dakkapelverhaal.BSN).get().uri("/api/v1/mijnzaken").exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(zaken.path("zaken").get(0).path("identificatie").asText()).isEqualTo(Dakkapelverhaal.IDENTIFICATIE);
    }

    @Test
    void eenZaakDieWegIs_wordtVastgelegdEnOvergeslagen_deRestGaatDoor() throws Exception {
        Testengine engine = engine();
        bron.weg(verhaal.zaakUrl(), 410);
        meld(engine, zaaknotificatie());
        String webchat = verhaal.klantcontacten().get(Dakkapelverhaal.KLANTCONTACT_WEBCHAT);
        ObjectNode contact = verhaal.notificaties().stream().filter(n -> webchat.equals(n.path("resourceUrl").asText()))
                .findFirst().orElseThrow();
        meld(engine, contact);

        wachtTot(() -> "weg".equals(toestand(engine, verhaal.zaakUrl())) && "verwerkt".equals(toestand(engine, webchat)),
                "weg en verwerkt");
        assertThat(engine.jdbc().queryForObject("SELECT reden FROM bronmelding WHERE url = ?", String.class, verhaal.zaakUrl()))
                .contains("410");
        // Tried once, never again.
        assertThat(engine.jdbc().queryForObject("SELECT pogingen FROM bronmelding WHERE url = ?", Integer.class,
                verhaal.zaakUrl())).isEqualTo(1);
        assertThat(bron.verzoeken("/zaken/api/v1/zaken/" + Dakkapelverhaal.ZAAK_UUID)).isEqualTo(1);
    }

    @Test
    void eenZaaktypeZonderKoppeling_blijftBewaard_enWordtNaHerstelVanDeKoppelingVerteld() throws Exception {
        Zgwwereld w = bron.wereld();
        Zgwwereld.Zaaktype parkeren = w.zaaktype("ZT-PARKEERVERGUNNING", "Parkeervergunning",
                List.of(new Zgwwereld.Statustype("Ontvangen", "Ontvangen."), new Zgwwereld.Statustype("Afgehandeld", "Klaar.")),
                List.of("Verleend"));
        Zgwwereld.Wijziging zaak = w.zaak("77777777-2222-4333-8444-555555555555", "ZAAK-2026-0000777", parkeren,
                LocalDate.parse("2026-05-01"), OffsetDateTime.parse("2026-05-01T10:00:00+02:00"), "Parkeervergunning",
                "balie", "openbaar");
        w.initiatorBsn(zaak.url(), Dakkapelverhaal.BSN, OffsetDateTime.parse("2026-05-01T10:00:00+02:00"));
        w.status(zaak.url(), parkeren.statustype(1), OffsetDateTime.parse("2026-05-01T10:00:01+02:00"), null);
        Testengine engine = engine();
        meld(engine, zaak.notificatie());

        wachtTot(() -> "ongekoppeld".equals(toestand(engine, zaak.url())), "ongekoppeld");
        assertThat(engine.jdbc().queryForObject("SELECT reden FROM bronmelding WHERE url = ?", String.class, zaak.url()))
                .contains("ZT-PARKEERVERGUNNING");

        // The municipality maps the zaaktype, restarts the engine and replays what was kept.
        Files.writeString(configuratie, Files.readString(configuratie).replace("onderwerpen:", """
                  - identificatie: ZT-PARKEERVERGUNNING
                    zaaktype: parkeervergunning
                    kanaal: balie
                    statustypen: {"1": ontvangen, "2": "-"}
                    resultaattypen: {Verleend: toegekend}
                onderwerpen:"""));
        engine.herstart();
        assertThat(new Meldingenopslag(engine.database(), java.time.Clock.systemUTC())
                .opnieuw(Meldingenopslag.Toestand.ONGEKOPPELD)).isEqualTo(1);
        wachtTot(() -> "verwerkt".equals(toestand(engine, zaak.url())), "verwerkt na het herstel van de koppeling");
        engine.wachtOpLeesmodellen();
        JsonNode zaken = engine.client(Rol.BURGER, Dakkapelverhaal.BSN).get().uri("/api/v1/mijnzaken").exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(zaken.path("zaken")).anySatisfy(z -> {
            assertThat(z.path("identificatie").asText()).isEqualTo("ZAAK-2026-0000777");
            assertThat(z.path("zaaktype").asText()).isEqualTo("parkeervergunning");
            assertThat(z.path("status").path("code").asText()).isEqualTo("ontvangen");
        });
    }

    @Test
    void eenOnbekendeKanaaltekstVanOpenKlant_wordtGeweigerdMetDeReden_nietGeraden() throws Exception {
        Zgwwereld.Wijziging contact = bron.wereld().klantcontact("44444444-2222-4333-8444-555555555555",
                OffsetDateTime.parse("2026-05-03T10:00:00+02:00"), "postduif", "algemene-vraag", null, true,
                java.util.Map.of());
        Testengine engine = engine();
        meld(engine, contact.notificatie());

        wachtTot(() -> "geweigerd".equals(toestand(engine, contact.url())), "geweigerd");
        assertThat(engine.jdbc().queryForObject("SELECT reden FROM bronmelding WHERE url = ?", String.class, contact.url()))
                .contains("/data/kanaal");
        wachtTot(() -> prometheus(engine).contains("klantreis_bronnen_meldingen{toestand=\"geweigerd\"} 1.0"), "geteld");
        assertThat(prometheus(engine)).containsPattern(
                "klantreis_berichten_total\\{[^}]*uitslag=\"rejected\"[^}]*} 1.0");
    }

    @Test
    void deEngineGestoptTerwijlHijEenTrageBronLeest_verliestNiets() throws Exception {
        Testengine engine = engine();
        bron.traag(Duration.ofMillis(1500));
        for (ObjectNode n : verhaal.notificaties()) {
            meld(engine, n);
        }
        wachtTot(() -> engine.jdbc().queryForObject("SELECT count(*) FROM bronmelding WHERE geclaimd_door IS NOT NULL",
                Integer.class) > 0, "een melding in bewerking");
        engine.herstart();
        bron.herstel();

        wachtTot(() -> engine.jdbc().queryForObject("SELECT count(*) FROM bronmelding WHERE toestand <> 'verwerkt'",
                Long.class) == 0, "alles verwerkt na de herstart");
        assertThat(engine.jdbc().queryForObject("SELECT count(*) FROM bronmelding WHERE geclaimd_door IS NOT NULL",
                Integer.class)).isZero();
        engine.wachtOpLeesmodellen();
        JsonNode detail = engine.client(Rol.BURGER, Dakkapelverhaal.BSN).get().uri("/api/v1/mijnzaken/" + Dakkapelverhaal.ZAAK_UUID)
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(detail.path("statussen")).hasSize(4);
        assertThat(detail.path("klantcontacten")).hasSize(2);
        assertThat(detail.path("afgesloten").path("resultaat").asText()).isEqualTo("toegekend");
    }

    private static String prometheus(Testengine engine) {
        return engine.clientZonderToken().get().uri("/actuator/prometheus").exchange().expectBody(String.class)
                .returnResult().getResponseBody();
    }

    static void wachtTot(BooleanSupplier voorwaarde, String wat) throws InterruptedException {
        Instant tot = Instant.now().plus(Duration.ofSeconds(60));
        while (!voorwaarde.getAsBoolean()) {
            if (Instant.now().isAfter(tot)) {
                throw new AssertionError("niet binnen 60 s: " + wat);
            }
            Thread.sleep(50);
        }
    }
}
