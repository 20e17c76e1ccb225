package nl.klantreis.replay.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.klantreis.projecties.kpi.Kpiuitkomst;
import nl.klantreis.projecties.kpi.Kpivraag;
import nl.klantreis.infrastructuur.opslag.Eventserialisatie;
import nl.klantreis.simulatie.Simulatie;
import nl.klantreis.replay.ExportTestgemeente;
import nl.klantreis.replay.Testomgeving;

/**
 * {@code kpi} against a real PostgreSQL holding a simulated municipality: the figures must be the
 * ones the API's query gives, in the API's JSON.
 */
class KpiCommandoTest {
    private static final ObjectMapper JSON = Eventserialisatie.objectMapper();
    private static final String PEIL = "2026-11-01T00:00:00+01:00";
    private static final Instant PEILMOMENT = Instant.parse("2026-10-31T23:00:00Z");
    private static final LocalDate VAN = LocalDate.of(2025, 1, 1);
    private static final LocalDate TOT = LocalDate.of(2026, 10, 1);

    private static Testomgeving omgeving;

    @BeforeAll
    static void vulDatabase() {
        omgeving = Testomgeving.nieuw();
        new ExportTestgemeente(omgeving.schrijver()).vul(Simulatie.metSeed(23).klanten(40));
        omgeving.wachtOpLeesmodellen();
    }

    @AfterAll
    static void sluit() {
        omgeving.close();
    }

    @Test
    void eenKpi_alsJson_isPreciesWatDeApiGeeft() throws Exception {
        Testomgeving.Uitvoer uitvoer = omgeving.voerUit("kpi", "--kpi", "kanaalwissel-ratio", "--van", "2025-01-01",
                "--tot", "2026-10-01", "--peilmoment", PEIL, "--per", "kanaal", "--json");

        assertThat(uitvoer.code()).as(uitvoer.fout()).isZero();
        String api = JSON.writeValueAsString(api("kanaalwissel-ratio", "kanaal"));
        assertThat(uitvoer.uit().strip()).isEqualTo(api);
        JsonNode kpi = JSON.readTree(uitvoer.uit());
        assertThat(kpi.path("noemer").asLong()).isPositive();
        assertThat(kpi.path("uitsplitsing")).isNotEmpty();
    }

    @Test
    void alleKpis_perZaaktype_elkGelijkAanDeApi() throws Exception {
        Testomgeving.Uitvoer uitvoer = omgeving.voerUit("kpi", "--van", "2025-01-01", "--tot", "2026-10-01",
                "--peilmoment", PEIL, "--per", "zaaktype", "--json");

        assertThat(uitvoer.code()).as(uitvoer.fout()).isZero();
        JsonNode alle = JSON.readTree(uitvoer.uit());
        assertThat(alle).hasSize(Kpivraag.KPIS.size());
        for (int i = 0; i < Kpivraag.KPIS.size(); i++) {
            String code = Kpivraag.KPIS.get(i);
            assertThat(alle.get(i)).as(code).isEqualTo(JSON.readTree(JSON.writeValueAsString(api(code, "zaaktype"))));
        }
        assertThat(alle.get(Kpivraag.KPIS.indexOf("contactvolume")).path("aantal").asLong()).isGreaterThan(40);
        assertThat(alle.get(Kpivraag.KPIS.indexOf("doorlooptijd")).path("aantal").asLong()).isPositive();
    }

    @Test
    void alsTabel_eenRegelPerKpiEnPerDeel() {
        Testomgeving.Uitvoer uitvoer = omgeving.voerUit("kpi", "--van", "2025-01-01", "--tot", "2026-10-01",
                "--peilmoment", PEIL, "--per", "kanaal");

        assertThat(uitvoer.code()).as(uitvoer.fout()).isZero();
        String tabel = uitvoer.uit();
        assertThat(tabel).contains("periode [2025-01-01, 2026-10-01), peilmoment 2026-10-31T23:00:00Z");
        assertThat(tabel.lines().skip(1).findFirst().orElseThrow()).startsWith("kpi").contains("waarde")
                .contains("teller").contains("noemer");
        for (String code : Kpivraag.KPIS) {
            assertThat(tabel).containsPattern("(?m)^" + code + " +totaal");
        }
        assertThat(tabel).containsPattern("(?m)^ +kanaal telefoon");
        assertThat(tabel).contains(" → ");
        Kpiuitkomst volume = api("contactvolume", null);
        assertThat(tabel).containsPattern("(?m)^contactvolume +totaal +" + volume.cijfers().aantal() + "\\s*$");
        assertThat(tabel).contains("Niet per kanaal").contains("doorlooptijd");
    }

    @Test
    void verkeerdGebruik_geeftCode2_enHelpWerkt() {
        Testomgeving.Uitvoer fout = omgeving.voerUit("kpi", "--kpi", "doorlooptijd", "--per", "kanaal", "--van",
                "2025-01-01", "--tot", "2026-10-01");
        assertThat(fout.code()).isEqualTo(2);
        assertThat(fout.fout()).contains("--per");
        assertThat(omgeving.voerUit("kpi", "--kpi", "geluk", "--van", "2025-01-01", "--tot", "2026-10-01").code())
                .isEqualTo(2);
        assertThat(omgeving.voerUit("kpi", "--van", "2026-01-01", "--tot", "2025-01-01").code()).isEqualTo(2);
        assertThat(omgeving.voerUit("kpi", "--van", "2025-01-01", "--tot", "2026-01-01", "--per", "wijk").code())
                .isEqualTo(2);
        // Extreme moments and dates are wrong use, as they are a 400 in the API; never a failure.
        Testomgeving.Uitvoer teLaat = omgeving.voerUit("kpi", "--van", "2025-01-01", "--tot", "2026-01-01",
                "--peilmoment", "+999999999-12-31T23:59:59Z");
        assertThat(teLaat.code()).isEqualTo(2);
        assertThat(teLaat.fout()).contains("--peilmoment").contains("9999");
        assertThat(omgeving.voerUit("kpi", "--van", "+999999999-01-01", "--tot", "+999999999-12-31").code())
                .isEqualTo(2);
        assertThat(omgeving.voerUit("kpi", "--van", "1899-01-01", "--tot", "2026-01-01").code()).isEqualTo(2);
        Testomgeving.Uitvoer help = omgeving.voerUit("kpi", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.uit()).contains("--peilmoment").contains("first-contact-resolution");
    }

    private static Kpiuitkomst api(String kpi, String per) {
        return omgeving.schrijver().vragen().query(new Kpivraag(kpi, VAN, TOT, PEILMOMENT, per), Kpiuitkomst.class)
                .join();
    }
}
