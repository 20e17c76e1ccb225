package nl.klantreis.replay.bronnen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.klantreis.bronnen.Melding;
import nl.klantreis.bronnen.Meldingenopslag;
import nl.klantreis.bronnen.nabootsing.Dakkapelverhaal;
import nl.klantreis.bronnen.nabootsing.Nabootsing;
import nl.klantreis.bronnen.nabootsing.Specificatie;
import nl.klantreis.infrastructuur.TestDatabase;
import nl.klantreis.replay.Testomgeving;

/**
 * {@code klantreis bronnen inlezen} against the stand-in holding the dakkapel story and 250 generated zaken of three
 * zaaktypen the configuration does not map, into a fresh engine database (no engine runs: the queue stays as queued).
 */
class InlezenCommandoTest {
    private static final String ZAKEN = "/zaken/api/v1/zaken";
    private static final String KLANTCONTACTEN = "/klantinteracties/api/v1/klantcontacten";

    @TempDir
    Path map;

    private Nabootsing bron;
    private Dakkapelverhaal verhaal;
    private String configuratie;
    private DataSource database;

    @BeforeEach
    void start() {
        bron = Bronnenproef.bron();
        verhaal = Dakkapelverhaal.bouw(bron.wereld());
        bron.wereld().genereer(250, 7);
        configuratie = Bronnenproef.configuratie(bron, map, false).toString();
        database = TestDatabase.nieuweDatabase();
    }

    @AfterEach
    void stop() {
        bron.close();
    }

    private Testomgeving.Uitvoer inlezen(String... opties) {
        String[] argumenten = new String[opties.length + 4];
        argumenten[0] = "bronnen";
        argumenten[1] = "inlezen";
        argumenten[2] = "--configuratie";
        argumenten[3] = configuratie;
        System.arraycopy(opties, 0, argumenten, 4, opties.length);
        return Bronnenproef.voerUit(database, argumenten);
    }

    /** The waiting meldingen: URL to soort. */
    private Map<String, Melding.Soort> wachtrij() {
        Map<String, Melding.Soort> wachtrij = new HashMap<>();
        for (Meldingenopslag.Regel r : new Meldingenopslag(database, Clock.systemUTC())
                .lijst(Meldingenopslag.Toestand.WACHTEND, 0, 10_000)) {
            assertThat(wachtrij.put(r.melding().url(), r.melding().soort())).as("twice queued: " + r.melding().url()).isNull();
            assertThat(r.melding().resource()).isEqualTo("inlezen");
        }
        return wachtrij;
    }

    private Map<String, Melding.Soort> verwacht(String... klantcontactUuids) {
        Map<String, Melding.Soort> verwacht = new HashMap<>();
        for (String uuid : klantcontactUuids) {
            verwacht.put(verhaal.klantcontacten().get(uuid), Melding.Soort.KLANTCONTACT);
        }
        return verwacht;
    }

    private Map<String, Melding.Soort> metZaak(Map<String, Melding.Soort> klantcontacten) {
        klantcontacten.put(verhaal.zaakUrl(), Melding.Soort.ZAAK);
        return klantcontacten;
    }

    private static final String[] ALLE_KLANTCONTACTEN = {Dakkapelverhaal.KLANTCONTACT_TELEFOON,
            Dakkapelverhaal.KLANTCONTACT_WEBFORMULIER, Dakkapelverhaal.KLANTCONTACT_NAVRAAG, Dakkapelverhaal.KLANTCONTACT_WEBCHAT};

    @Test
    void zetDeGekoppeldeZakenEnDeKlantcontactenKlaar_enNoemtDeOvergeslagenZaaktypen() {
        Testomgeving.Uitvoer uitvoer = inlezen();

        assertThat(uitvoer.code()).as(uitvoer.fout()).isZero();
        assertThat(wachtrij()).isEqualTo(metZaak(verwacht(ALLE_KLANTCONTACTEN)));
        List<String> regels = uitvoer.uit().lines().toList();
        assertThat(regels.get(0)).startsWith("zaken: 1 gevonden, 1 klaargezet, 0 wachtten al (");
        // 250 generated zaken, every third of each of three unmapped zaaktypen: 84, 83 and 83, named by their URL.
        String zaaktypen = bron.wereld().catalogiApi() + "/zaaktypen/";
        assertThat(regels.subList(1, 4)).satisfiesExactly(
                r -> assertThat(r).startsWith("  overgeslagen: 84 zaken van zaaktype " + zaaktypen).endsWith("(niet gekoppeld)"),
                r -> assertThat(r).startsWith("  overgeslagen: 83 zaken van zaaktype " + zaaktypen).endsWith("(niet gekoppeld)"),
                r -> assertThat(r).startsWith("  overgeslagen: 83 zaken van zaaktype " + zaaktypen).endsWith("(niet gekoppeld)"));
        assertThat(regels.subList(1, 4).stream().distinct()).hasSize(3);
        assertThat(regels.get(4)).startsWith("klantcontacten: 4 gevonden, 4 klaargezet, 0 wachtten al (");
        assertThat(regels.get(5)).contains("klantreis bronnen meldingen");
        assertThat(regels).hasSize(6);
    }

    @Test
    void tweemaalInlezen_zetNietsTweemaalKlaar() {
        assertThat(inlezen().code()).isZero();

        Testomgeving.Uitvoer tweede = inlezen();

        assertThat(tweede.code()).as(tweede.fout()).isZero();
        assertThat(tweede.uit()).contains("zaken: 1 gevonden, 0 klaargezet, 1 wachtten al")
                .contains("klantcontacten: 4 gevonden, 0 klaargezet, 4 wachtten al");
        assertThat(wachtrij()).hasSize(5);
    }

    @Test
    void vanafEnTot_beperkenZakenEnKlantcontacten() {
        // The zaak was registered on 4 March 2026; the klantcontacten took place on 2, 4, 5 and 16 March.
        Testomgeving.Uitvoer uitvoer = inlezen("--vanaf", "2026-03-03", "--tot", "2026-03-06");

        assertThat(uitvoer.code()).as(uitvoer.fout()).isZero();
        assertThat(wachtrij()).isEqualTo(metZaak(verwacht(Dakkapelverhaal.KLANTCONTACT_WEBFORMULIER,
                Dakkapelverhaal.KLANTCONTACT_WEBCHAT)));
        // The generated zaken (2025) are outside the period: Open Zaak's filter left them out, none was skipped.
        assertThat(uitvoer.uit()).contains("zaken: 1 gevonden, 1 klaargezet").doesNotContain("overgeslagen")
                .contains("klantcontacten: 2 gevonden, 2 klaargezet");

        Testomgeving.Uitvoer ervoor = inlezen("--tot", "2026-03-04");
        assertThat(ervoor.code()).as(ervoor.fout()).isZero();
        assertThat(ervoor.uit()).contains("zaken: 0 gevonden").contains("klantcontacten: 1 gevonden, 1 klaargezet");
        assertThat(wachtrij()).containsKey(verhaal.klantcontacten().get(Dakkapelverhaal.KLANTCONTACT_TELEFOON)).hasSize(4);
    }

    @Test
    void alleen_leestEenBron() {
        Testomgeving.Uitvoer klantcontacten = inlezen("--alleen", "klantcontacten");

        assertThat(klantcontacten.code()).as(klantcontacten.fout()).isZero();
        assertThat(wachtrij()).isEqualTo(verwacht(ALLE_KLANTCONTACTEN));
        assertThat(bron.verzoeken(ZAKEN)).isZero();
        assertThat(klantcontacten.uit()).doesNotContain("zaken:");

        Testomgeving.Uitvoer zaken = inlezen("--alleen", "zaken");
        assertThat(zaken.code()).as(zaken.fout()).isZero();
        assertThat(zaken.uit()).contains("zaken: 1 gevonden, 1 klaargezet").doesNotContain("klantcontacten:");
        assertThat(wachtrij()).isEqualTo(metZaak(verwacht(ALLE_KLANTCONTACTEN)));
        assertThat(bron.verzoeken(KLANTCONTACTEN)).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--vanaf 2026-13-01             | --vanaf '2026-13-01' is geen datum (JJJJ-MM-DD)",
            "--tot gisteren                 | --tot 'gisteren' is geen datum (JJJJ-MM-DD)",
            "--vanaf 2026-03-06 --tot 2026-03-03 | --vanaf ligt niet voor --tot",
            "--vanaf 2026-03-03 --tot 2026-03-03 | --vanaf ligt niet voor --tot",
            "--alleen zaaktypen             | --alleen is zaken of klantcontacten"})
    void verkeerdGebruik_exit2_zonderIetsTeLezen(String opties, String uitleg) {
        Testomgeving.Uitvoer uitvoer = inlezen(opties.trim().split(" +"));

        assertThat(uitvoer.code()).isEqualTo(2);
        assertThat(uitvoer.fout()).startsWith(uitleg.trim()).contains("Usage: klantreis bronnen inlezen");
        assertThat(bron.verzoeken()).isZero();
        assertThat(wachtrij()).isEmpty();
    }

    @Test
    void json_geeftDezelfdeAantallen() throws Exception {
        Testomgeving.Uitvoer uitvoer = inlezen("--json");

        assertThat(uitvoer.code()).as(uitvoer.fout()).isZero();
        JsonNode json = new ObjectMapper().readTree(uitvoer.uit());
        assertThat(json.isArray()).isTrue();
        assertThat(json).hasSize(2);
        JsonNode zaken = json.get(0);
        assertThat(zaken.path("bron").asText()).isEqualTo("zaken");
        assertThat(zaken.path("gevonden").asLong()).isEqualTo(1);
        assertThat(zaken.path("klaargezet").asLong()).isEqualTo(1);
        assertThat(zaken.path("alWachtend").asLong()).isZero();
        assertThat(zaken.path("verzoeken").asLong()).isPositive();
        assertThat(zaken.path("ongekoppeld")).hasSize(3);
        long overgeslagen = 0;
        for (JsonNode aantal : zaken.path("ongekoppeld")) {
            overgeslagen += aantal.asLong();
        }
        assertThat(overgeslagen).isEqualTo(250);
        JsonNode klantcontacten = json.get(1);
        assertThat(klantcontacten.path("bron").asText()).isEqualTo("klantcontacten");
        assertThat(klantcontacten.path("gevonden").asLong()).isEqualTo(4);
        assertThat(klantcontacten.path("klaargezet").asLong()).isEqualTo(4);
        assertThat(klantcontacten.path("ongekoppeld")).isEmpty();
        assertThat(wachtrij()).hasSize(5);
    }

    @Test
    void bronOnbereikbaar_exit1_enWatKlaarstondBlijft() {
        bron.onbereikbaar(Specificatie.Api.KLANTINTERACTIES, true);

        Testomgeving.Uitvoer uitvoer = inlezen();

        assertThat(uitvoer.code()).isEqualTo(1);
        assertThat(uitvoer.fout().lines().toList()).singleElement().asString().startsWith("Mislukt: ")
                .contains(bron.basis().substring("http://".length()))
                .endsWith("wat al klaargezet is blijft staan, opnieuw inlezen is veilig");
        assertThat(wachtrij()).isEqualTo(metZaak(new HashMap<>()));

        bron.onbereikbaar(Specificatie.Api.KLANTINTERACTIES, false);
        Testomgeving.Uitvoer daarna = inlezen();
        assertThat(daarna.code()).as(daarna.fout()).isZero();
        assertThat(daarna.uit()).contains("zaken: 1 gevonden, 0 klaargezet, 1 wachtten al")
                .contains("klantcontacten: 4 gevonden, 4 klaargezet");
        assertThat(wachtrij()).isEqualTo(metZaak(verwacht(ALLE_KLANTCONTACTEN)));
    }

    @Test
    void eenLangeWandeling_toontVoortgangOpStderr_nietInJson() throws Exception {
        // 3000 more zaken, a third of them (ZT-GEN-A-8) mapped as the story's zaaktype is: over a thousand to queue.
        bron.wereld().genereer(3000, 8);
        Path bestand = Path.of(configuratie);
        String tekst = java.nio.file.Files.readString(bestand);
        String koppeling = nl.klantreis.bronnen.nabootsing.Zgwwereld.koppelingVanGegenereerd('A', 8);
        assertThat(tekst).contains("\nonderwerpen:");
        java.nio.file.Files.writeString(bestand, tekst.replace("\nonderwerpen:", "\n" + koppeling + "onderwerpen:"));

        Testomgeving.Uitvoer uitvoer = inlezen();

        assertThat(uitvoer.code()).as(uitvoer.fout()).isZero();
        assertThat(uitvoer.uit()).contains("zaken: 1001 gevonden, 1001 klaargezet, 0 wachtten al");
        // One line per thousand found, after the page that passed it: not a line per page.
        assertThat(uitvoer.fout().lines().toList()).singleElement().asString().matches("zaken: 10\\d\\d gevonden");
        assertThat(wachtrij()).hasSize(1005);

        Testomgeving.Uitvoer json = inlezen("--json");
        assertThat(json.code()).as(json.fout()).isZero();
        assertThat(json.fout()).isEmpty();
        assertThat(new ObjectMapper().readTree(json.uit()).get(0).path("alWachtend").asLong()).isEqualTo(1001);
    }
}
