package nl.klantreis.replay.toon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.klantreis.domein.klantreis.KlantreisRegels;
import nl.klantreis.domein.klantreis.Klantreissoort;
import nl.klantreis.projecties.tijd.Tijdstipinvoer;
import nl.klantreis.replay.Testomgeving;
import nl.klantreis.replay.Verhaal;

/** {@code klantreis toon} and {@code klantreis van} on the dakkapel story, in a real PostgreSQL. */
class KlantreisCommandoTest {
    private static Testomgeving omgeving;
    private static Verhaal verhaal;

    @BeforeAll
    static void vul() {
        omgeving = Testomgeving.nieuw();
        verhaal = new Verhaal(omgeving.schrijver().pseudoniemen()).dakkapel();
        omgeving.stuur(verhaal.opdrachten);
        omgeving.wachtOpLeesmodellen();
    }

    @AfterAll
    static void sluit() {
        omgeving.close();
    }

    private static String zaakreis() {
        return KlantreisRegels.klantreisId(verhaal.klant, Klantreissoort.ZAAK, Verhaal.DAKKAPEL.toString()).toString();
    }

    @Test
    void toon_geeftDeStappenKanaalwisselsEnZaakstatussenInTijdsvolgorde() {
        Testomgeving.Uitvoer uitvoer = omgeving.voerUit("toon", zaakreis());

        assertThat(uitvoer.code()).as(uitvoer.fout()).isZero();
        List<String> regels = tijdlijnregels(uitvoer.uit());
        assertThat(regels).containsExactly(
                "2026-03-02 09:12:40  telefoon       klantcontact         doorverwezen",
                "2026-03-04 20:31:00  >>             kanaalwissel telefoon -> webformulier (warm)",
                "2026-03-04 20:31:00  webformulier   klantcontact         zaak-gestart",
                "2026-03-04 20:31:10  webformulier   zaak-geregistreerd",
                "2026-03-04 20:31:12  zaak           zaakstatus           Aanvraag ontvangen (stap 1/5)",
                "2026-03-09 11:00:00  zaak           zaakstatus           Aanvullende informatie gevraagd (stap 2/5)",
                "2026-03-09 11:00:00  zaak           opschorting          zaak opgeschort",
                "2026-03-16 10:05:00  >>             kanaalwissel webformulier -> telefoon (koud)",
                "2026-03-16 10:05:00  telefoon       klantcontact         beantwoord",
                "2026-03-18 09:30:00  zaak           zaakstatus           In behandeling (stap 3/5)",
                "2026-03-18 09:30:00  zaak           hervatting           zaak hervat",
                "2026-04-20 14:00:00  zaak           zaakstatus           Besluit genomen (stap 4/5)",
                "2026-04-21 08:00:00  zaak           afgesloten           toegekend");
        assertThat(uitvoer.uit()).contains("(beeindigd)").contains("4 stappen, 2 kanaalwissels (1 warm, 1 koud)");
    }

    @Test
    void toonAlsOp_laatAllesNaHetPeilmomentWeg() {
        Testomgeving.Uitvoer uitvoer = omgeving.voerUit("klantreis", "toon", zaakreis(), "--alsop", "2026-03-10",
                "--tijdas", "gebeurd");

        assertThat(uitvoer.code()).as(uitvoer.fout()).isZero();
        List<String> regels = tijdlijnregels(uitvoer.uit());
        assertThat(regels).hasSize(7);
        assertThat(regels.get(regels.size() - 1)).contains("2026-03-09 11:00:00").contains("zaak opgeschort");
        assertThat(uitvoer.uit()).contains("(lopend)").contains("Zoals gebeurd op 2026-03-10 23:59:59")
                .contains("3 stappen, 1 kanaalwissels (1 warm, 0 koud)")
                .doesNotContain("(koud)").doesNotContain("afgesloten");
    }

    @Test
    void van_toontDeKlantreizenVanDeBurger_zonderZijnBsn_enAlsJson() throws Exception {
        Testomgeving.Uitvoer tekst = omgeving.voerUit("van", "--bsn", Verhaal.BSN);
        assertThat(tekst.code()).as(tekst.fout()).isZero();
        assertThat(tekst.uit()).contains("Klantreis " + zaakreis()).contains("klant " + verhaal.klant.waarde())
                .doesNotContain(Verhaal.BSN);

        Testomgeving.Uitvoer json = omgeving.voerUit("klantreis", "van", "--bsn", Verhaal.BSN, "--json");
        assertThat(json.code()).as(json.fout()).isZero();
        assertThat(json.uit()).doesNotContain(Verhaal.BSN);
        JsonNode boom = new ObjectMapper().readTree(json.uit());
        assertThat(boom.path("klantreizen")).hasSize(1);
        JsonNode regels = boom.path("klantreizen").get(0).path("regels");
        assertThat(regels).hasSize(13);
        assertThat(regels.get(1).path("soort").asText()).isEqualTo("kanaalwissel");
        assertThat(regels.get(1).path("warm").asBoolean()).isTrue();
        assertThat(regels.get(7).path("warm").asBoolean()).isFalse();
        assertThat(regels.get(12).path("soort").asText()).isEqualTo("zaak-afgesloten");
    }

    @Test
    void verkeerdGebruik_geeftExitcode2() {
        assertThat(omgeving.voerUit("van", "--bsn", "123456789").code()).isEqualTo(2);
        assertThat(omgeving.voerUit("toon", "geen-uuid").code()).isEqualTo(2);
        assertThat(omgeving.voerUit("toon", zaakreis(), "--tijdas", "morgen").code()).isEqualTo(2);
    }

    @Test
    void van_opEenMomentVoorDeGeschiedenis_zegtWaaromHetAntwoordLeegIs() {
        // The story was sent today: on the bekend axis nothing was known on 10 March.
        Testomgeving.Uitvoer bekend = omgeving.voerUit("van", "--bsn", Verhaal.BSN, "--alsop", "2026-03-10",
                "--tijdas", "bekend");
        assertThat(bekend.code()).as(bekend.fout()).isZero();
        assertThat(bekend.uit()).contains("Geen klantreizen")
                .contains("Op 2026-03-10 23:59:59 wist de engine nog niets van deze klant: het eerste bericht over hem "
                        + "kwam binnen op ")
                .doesNotContain("binnen op 2026-03")
                .contains("--tijdas gebeurd");

        Testomgeving.Uitvoer gebeurd = omgeving.voerUit("van", "--bsn", Verhaal.BSN, "--alsop", "2026-03-01");
        assertThat(gebeurd.code()).as(gebeurd.fout()).isZero();
        assertThat(gebeurd.uit()).contains("Op 2026-03-01 23:59:59 was er nog niets gebeurd: zijn eerste klantreis "
                + "begon op 2026-03-02 09:12:40.");

        Testomgeving.Uitvoer toen = omgeving.voerUit("van", "--bsn", Verhaal.BSN, "--alsop", "2026-03-10");
        assertThat(toen.uit()).contains("Klantreis " + zaakreis()).doesNotContain("nog niets");
    }

    @Test
    void alsop_wordtGelezenZoalsDeApiAlsOpLeest() throws Exception {
        for (String tekst : List.of("2026-03-10", "2026-03-10T12:00", "2026-03-10T12:00:00+01:00", "1900-01-01")) {
            Testomgeving.Uitvoer json = omgeving.voerUit("van", "--bsn", Verhaal.BSN, "--alsop", tekst, "--json");
            assertThat(json.code()).as(tekst + ": " + json.fout()).isZero();
            assertThat(Instant.parse(new ObjectMapper().readTree(json.uit()).path("peilmoment").asText())).as(tekst)
                    .isEqualTo(Tijdstipinvoer.moment(tekst));
        }
        for (String fout : List.of("+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "1899-12-31", "",
                "gisteren", "２０２６-03-10")) {
            Testomgeving.Uitvoer uitvoer = omgeving.voerUit("van", "--bsn", Verhaal.BSN, "--alsop", fout);
            assertThat(uitvoer.code()).as(fout).isEqualTo(2);
            assertThat(uitvoer.fout()).as(fout).contains("--alsop").contains("1900").doesNotContain("Exception");
        }
    }

    @Test
    void onbekendeKlantreis_geeftExitcode1() {
        assertThat(omgeving.voerUit("toon", "00000000-0000-4000-8000-000000000000").code()).isEqualTo(1);
    }

    private static List<String> tijdlijnregels(String uit) {
        return uit.lines().filter(r -> r.matches("  \\d{4}-\\d\\d-\\d\\d .*")).map(String::strip).toList();
    }
}
