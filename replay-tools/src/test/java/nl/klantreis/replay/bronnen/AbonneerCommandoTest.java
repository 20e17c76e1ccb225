package nl.klantreis.replay.bronnen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.klantreis.bronnen.nabootsing.Dakkapelverhaal;
import nl.klantreis.bronnen.nabootsing.Nabootsing;
import nl.klantreis.replay.Testomgeving;

/** {@code klantreis bronnen abonneer} against the stand-in's Open Notificaties, which checks the request by its specification. */
class AbonneerCommandoTest {
    private static final String ABONNEMENT = "/notificaties/api/v1/abonnement";

    @TempDir
    Path map;

    private Nabootsing bron;
    private Path configuratie;

    @BeforeEach
    void start() {
        bron = Bronnenproef.bron();
        Dakkapelverhaal.bouw(bron.wereld());
        configuratie = Bronnenproef.configuratie(bron, map, true);
    }

    @AfterEach
    void stop() {
        bron.close();
    }

    @Test
    void neemtHetAbonnement_metCallbackAuthEnKanalen() {
        Testomgeving.Uitvoer uitvoer = Bronnenproef.voerUit("bronnen", "abonneer", "--configuratie", configuratie.toString());

        assertThat(uitvoer.code()).as(uitvoer.fout()).isZero();
        List<ObjectNode> genomen = bron.abonnementen();
        assertThat(genomen).hasSize(1);
        ObjectNode abonnement = genomen.get(0);
        assertThat(abonnement.path("callbackUrl").asText()).isEqualTo(Bronnenproef.CALLBACK);
        assertThat(abonnement.path("auth").asText()).isEqualTo(Bronnenproef.AUTORISATIE);
        // The story's mapping names its zaaktype by identificatie: kanaal zaken unfiltered, and Open Klant's kanaal.
        assertThat(abonnement.path("kanalen").findValuesAsText("naam")).containsExactly("zaken", "klantcontacten");
        assertThat(abonnement.path("kanalen").get(0).path("filters").isEmpty()).isTrue();
        assertThat(uitvoer.uit()).isEqualTo("Abonnement genomen: " + abonnement.path("url").asText()
                + " (kanalen zaken, klantcontacten)" + System.lineSeparator());
        assertThat(uitvoer.uit() + uitvoer.fout()).doesNotContain(Bronnenproef.AUTORISATIE);
    }

    @Test
    void eenTweedeKeer_meldtHetBestaande_enNeemtGeenTweede() {
        assertThat(Bronnenproef.voerUit("bronnen", "abonneer", "--configuratie", configuratie.toString()).code()).isZero();
        String url = bron.abonnementen().get(0).path("url").asText();
        int posts = bron.verzoeken(ABONNEMENT);

        Testomgeving.Uitvoer tweede = Bronnenproef.voerUit("bronnen", "abonneer", "--configuratie", configuratie.toString());

        assertThat(tweede.code()).as(tweede.fout()).isZero();
        assertThat(tweede.uit()).startsWith("Er is al een abonnement voor " + Bronnenproef.CALLBACK + ": " + url)
                .contains("(kanalen zaken, klantcontacten)");
        assertThat(bron.abonnementen()).hasSize(1);
        assertThat(bron.verzoeken(ABONNEMENT) - posts).as("only the GET of the list").isEqualTo(1);
    }

    @Test
    void droog_toontHetVerzoek_zonderDeAuth_enVerstuurtNiets() throws Exception {
        Testomgeving.Uitvoer uitvoer = Bronnenproef.voerUit("bronnen", "abonneer", "--droog",
                "--configuratie", configuratie.toString());

        assertThat(uitvoer.code()).as(uitvoer.fout()).isZero();
        assertThat(bron.verzoeken()).isZero();
        assertThat(bron.abonnementen()).isEmpty();
        List<String> regels = uitvoer.uit().lines().toList();
        assertThat(regels.get(0)).isEqualTo("POST " + bron.basis() + ABONNEMENT);
        JsonNode verzoek = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(String.join("\n", regels.subList(1, regels.size())));
        assertThat(verzoek.path("callbackUrl").asText()).isEqualTo(Bronnenproef.CALLBACK);
        assertThat(verzoek.path("auth").asText()).isEqualTo("(" + Bronnenproef.AUTORISATIE.length() + " tekens)");
        assertThat(verzoek.path("kanalen").findValuesAsText("naam")).containsExactly("zaken", "klantcontacten");
        assertThat(uitvoer.uit() + uitvoer.fout()).doesNotContain(Bronnenproef.AUTORISATIE)
                .doesNotContain("notificaties-0123456789abcdef");
    }

    @Test
    void zonderConfiguratie_isHetVerkeerdGebruik() {
        Testomgeving.Uitvoer zonder = Bronnenproef.voerUit("bronnen", "abonneer");
        Testomgeving.Uitvoer onbestaand = Bronnenproef.voerUit("bronnen", "abonneer", "--configuratie",
                map.resolve("bestaat-niet.yaml").toString());

        assertThat(zonder.code()).isEqualTo(2);
        assertThat(zonder.fout()).contains("geef --configuratie of zet KLANTREIS_BRONNEN_CONFIGURATIE");
        assertThat(onbestaand.code()).isEqualTo(2);
        assertThat(onbestaand.fout()).contains("bestaat-niet.yaml bestaat niet");
        assertThat(bron.verzoeken()).isZero();
    }

    @Test
    void zonderCallbackUrl_zegtHetWatErOntbreekt() {
        Path zonderCallback = Bronnenproef.configuratie(bron, map, false);

        Testomgeving.Uitvoer uitvoer = Bronnenproef.voerUit("bronnen", "abonneer", "--configuratie", zonderCallback.toString());

        assertThat(uitvoer.code()).isEqualTo(2);
        assertThat(uitvoer.fout()).contains("notificaties.callbackUrl");
        assertThat(bron.verzoeken()).isZero();
    }

    @Test
    void openNotificatiesOnbereikbaar_eenDuidelijkeRegel_geenStacktrace() {
        bron.onbereikbaar(true);

        Testomgeving.Uitvoer uitvoer = Bronnenproef.voerUit("bronnen", "abonneer", "--configuratie", configuratie.toString());

        assertThat(uitvoer.code()).isEqualTo(1);
        assertThat(uitvoer.uit()).isEmpty();
        assertThat(uitvoer.fout().lines().toList()).singleElement().asString()
                .startsWith("Mislukt: ").contains("niet bereikbaar").doesNotContain("Exception");
        bron.onbereikbaar(false);
        assertThat(bron.abonnementen()).isEmpty();
    }

    @Test
    void openNotificatiesWeigertDeEngine_exit1_metWatTeControleren() throws Exception {
        try (Nabootsing anders = Nabootsing.start().zgwClient("klantreis", "een-ander-geheim")) {
            Path elders = java.nio.file.Files.createDirectory(map.resolve("elders"));
            Path metAnderGeheim = Bronnenproef.configuratie(anders, elders, true);

            Testomgeving.Uitvoer uitvoer = Bronnenproef.voerUit("bronnen", "abonneer", "--configuratie", metAnderGeheim.toString());

            assertThat(uitvoer.code()).isEqualTo(1);
            assertThat(uitvoer.fout().lines().toList()).singleElement().asString().startsWith("Mislukt: ")
                    .contains("weigert de engine (HTTP 403)").contains("clientId/secret");
            assertThat(anders.abonnementen()).isEmpty();
        }
    }

    @Test
    void openNotificatiesGeeftEen503_exit1() {
        bron.fout(503, 10);

        Testomgeving.Uitvoer uitvoer = Bronnenproef.voerUit("bronnen", "abonneer", "--configuratie", configuratie.toString());

        assertThat(uitvoer.code()).isEqualTo(1);
        assertThat(uitvoer.fout().lines().toList()).singleElement().asString().startsWith("Mislukt: ")
                .contains("antwoordde HTTP 503");
        assertThat(bron.abonnementen()).isEmpty();
    }
}
