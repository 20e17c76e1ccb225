package nl.klantreis.replay.bronnen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.klantreis.infrastructuur.TestDatabase;
import nl.klantreis.replay.Testomgeving;

/** {@code klantreis bronnen meldingen} over a queue with meldingen in every state but genegeerd ({@link Bronnenproef#vulWachtrij}). */
class MeldingenCommandoTest {
    private static final String TELLING = "Meldingen: wachtend 1, verwerkt 1, weg 1, ongekoppeld 1, geweigerd 1, dood 3,"
            + " genegeerd 0; oudste wachtende ";

    private static DataSource database;
    private static Map<String, Long> ids;

    @BeforeAll
    static void vul() {
        database = TestDatabase.nieuweDatabase();
        ids = Bronnenproef.vulWachtrij(database);
    }

    private static Testomgeving.Uitvoer meldingen(String... opties) {
        String[] argumenten = new String[opties.length + 2];
        argumenten[0] = "bronnen";
        argumenten[1] = "meldingen";
        System.arraycopy(opties, 0, argumenten, 2, opties.length);
        return Bronnenproef.voerUit(database, argumenten);
    }

    private static String regel(String naam, String toestand, int nummer) {
        return ids.get(naam) + "  " + toestand + "  zaak  " + Bronnenproef.zaak(nummer) + " inlezen/inlezen  pogingen 1  ontvangen 20";
    }

    @Test
    void standaard_deTelling_enDeDodeLettersMetHunReden() {
        Testomgeving.Uitvoer uitvoer = meldingen();

        assertThat(uitvoer.code()).as(uitvoer.fout()).isZero();
        List<String> regels = uitvoer.uit().lines().toList();
        assertThat(regels).hasSize(7);
        assertThat(regels.get(0)).startsWith(TELLING).matches(".*; oudste wachtende \\d+ s");
        assertThat(regels.subList(1, 7)).satisfiesExactly(
                r -> assertThat(r).startsWith(regel("dood1", "dood", 1)),
                r -> assertThat(r).isEqualTo("    reden: " + Bronnenproef.REDENEN.get("dood1")),
                r -> assertThat(r).startsWith(regel("dood2", "dood", 2)),
                r -> assertThat(r).isEqualTo("    reden: " + Bronnenproef.REDENEN.get("dood2")),
                r -> assertThat(r).startsWith(regel("dood3", "dood", 3)),
                r -> assertThat(r).isEqualTo("    reden: " + Bronnenproef.REDENEN.get("dood3")));
    }

    @Test
    void toestand_kiestDeMeldingen() {
        Testomgeving.Uitvoer weg = meldingen("--toestand", "weg");
        Testomgeving.Uitvoer verwerkt = meldingen("--toestand", "verwerkt");
        Testomgeving.Uitvoer genegeerd = meldingen("--toestand", "genegeerd");

        assertThat(weg.code()).as(weg.fout()).isZero();
        assertThat(weg.uit().lines().skip(1).toList()).satisfiesExactly(
                r -> assertThat(r).startsWith(regel("weg", "weg", 5)),
                r -> assertThat(r).isEqualTo("    reden: https://openzaak.example.nl/zaken/api/v1/zaken/5 bestaat niet meer (HTTP 410)"));
        // Verwerkt has no reason: no reason line.
        assertThat(verwerkt.uit().lines().skip(1).toList()).singleElement().asString().startsWith(regel("verwerkt", "verwerkt", 4));
        assertThat(genegeerd.code()).isZero();
        assertThat(genegeerd.uit().lines().toList()).satisfiesExactly(
                r -> assertThat(r).startsWith(TELLING),
                r -> assertThat(r).isEqualTo("Geen meldingen in toestand genegeerd."));
    }

    @Test
    void bladeren_metNaEnAantal_enDeHintAlleenAlsErMeerIs() throws Exception {
        Testomgeving.Uitvoer eerste = meldingen("--aantal", "2");
        assertThat(eerste.code()).as(eerste.fout()).isZero();
        List<String> regels = eerste.uit().lines().toList();
        assertThat(regels).hasSize(6);
        assertThat(regels.get(1)).startsWith(regel("dood1", "dood", 1));
        assertThat(regels.get(3)).startsWith(regel("dood2", "dood", 2));
        assertThat(regels.get(5)).isEqualTo("(meer met --na " + ids.get("dood2") + ")");

        Testomgeving.Uitvoer tweede = meldingen("--aantal", "2", "--na", ids.get("dood2").toString());
        assertThat(tweede.uit().lines().skip(1).toList()).satisfiesExactly(
                r -> assertThat(r).startsWith(regel("dood3", "dood", 3)),
                r -> assertThat(r).startsWith("    reden: "));

        // Exactly as many as asked and nothing after them: no hint to a page that is empty.
        Testomgeving.Uitvoer precies = meldingen("--aantal", "3");
        assertThat(precies.uit()).doesNotContain("meer met");
        assertThat(precies.uit().lines()).hasSize(7);

        JsonNode alsJson = new ObjectMapper().readTree(meldingen("--aantal", "2", "--json").uit());
        assertThat(alsJson.path("meldingen")).hasSize(2);
        assertThat(alsJson.path("volgendeNa").asLong()).isEqualTo(ids.get("dood2"));

        Testomgeving.Uitvoer voorbij = meldingen("--na", ids.get("dood3").toString());
        assertThat(voorbij.uit().lines().skip(1).toList())
                .containsExactly("Geen meldingen in toestand dood na id " + ids.get("dood3") + ".");
    }

    @Test
    void json_deTellingEnDeMeldingen() throws Exception {
        Testomgeving.Uitvoer uitvoer = meldingen("--json", "--toestand", "geweigerd");

        assertThat(uitvoer.code()).as(uitvoer.fout()).isZero();
        JsonNode json = new ObjectMapper().readTree(uitvoer.uit());
        assertThat(json.path("telling").properties()).extracting(Map.Entry::getKey).containsExactly("wachtend", "verwerkt",
                "weg", "ongekoppeld", "geweigerd", "dood", "genegeerd");
        assertThat(json.path("telling").path("dood").asLong()).isEqualTo(3);
        assertThat(json.path("telling").path("genegeerd").asLong()).isZero();
        assertThat(json.path("oudsteWachtendeSeconden").asLong()).isNotNegative();
        assertThat(json.path("toestand").asText()).isEqualTo("geweigerd");
        assertThat(json.path("volgendeNa").isNull()).isTrue();
        assertThat(json.path("meldingen")).singleElement().satisfies(m -> {
            assertThat(m.path("id").asLong()).isEqualTo(ids.get("geweigerd"));
            assertThat(m.path("soort").asText()).isEqualTo("zaak");
            assertThat(m.path("url").asText()).isEqualTo(Bronnenproef.zaak(7));
            assertThat(m.path("pogingen").asInt()).isEqualTo(1);
            assertThat(m.path("reden").asText()).contains("elfproef");
            assertThat(m.path("ontvangenOp").asText()).endsWith("Z");
            assertThat(m.path("afgehandeldOp").asText()).endsWith("Z");
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--toestand onzin | --toestand 'onzin' bestaat niet; kies uit wachtend, verwerkt, weg, ongekoppeld, geweigerd, dood, genegeerd",
            "--aantal 0       | --aantal ligt tussen 1 en 10000",
            "--aantal 10001   | --aantal ligt tussen 1 en 10000"})
    void verkeerdGebruik_exit2(String opties, String uitleg) {
        Testomgeving.Uitvoer uitvoer = meldingen(opties.trim().split(" +"));

        assertThat(uitvoer.code()).isEqualTo(2);
        assertThat(uitvoer.uit()).isEmpty();
        assertThat(uitvoer.fout()).startsWith(uitleg.trim()).contains("Usage: klantreis bronnen meldingen");
    }
}
