package nl.klantreis.replay.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.klantreis.domein.gedeeld.ZaakId;
import nl.klantreis.projecties.klantreis.Testklant;
import nl.klantreis.replay.Testomgeving;
import nl.klantreis.replay.Verhaal;

/**
 * {@code wat-als --servicenorm}: six omgevingsvergunningen (servicenorm 56 days) worked out by hand
 * under a servicenorm of 70 days, as at 2026-04-01. Registered 2026-01-05 unless said otherwise:
 * <pre>
 *   zaak  afgesloten   uiterlijk bij 56             bij 70                  binnen 56 / 70
 *   1     2026-02-20   2026-03-02                   2026-03-16              ja / ja
 *   2     2026-03-10   2026-03-02                   2026-03-16              nee / ja
 *   3     2026-03-12   2026-03-02 + 10 opgeschort   2026-03-16 + 10         ja / ja
 *                      = 2026-03-12                 = 2026-03-26
 *   4     2026-03-20   2026-03-02                   2026-03-16              nee / nee
 *   5     open (geregistreerd 2026-03-01)  2026-04-26   2026-05-10
 *   6     2026-02-10   opgegeven 2026-02-01         blijft 2026-02-01       nee / nee
 * </pre>
 * binnen-servicenorm: 2/5 = 0.4000 now, 3/5 = 0.6000 under 70 days; five of six dates move.
 */
class WatAlsCommandoTest {
    private static Testomgeving omgeving;

    @BeforeAll
    static void vul() {
        omgeving = Testomgeving.nieuw();
        Verhaal verhaal = new Verhaal(omgeving.schrijver().pseudoniemen());
        String registratie = "2026-01-05T10:00:00+01:00";
        verhaal.zaak(zaak(1), "WATALS-1", "webformulier", registratie, null)
                .afgesloten(zaak(1), "2026-02-20T12:00:00+01:00", "toegekend")
                .zaak(zaak(2), "WATALS-2", "webformulier", registratie, null)
                .afgesloten(zaak(2), "2026-03-10T12:00:00+01:00", "toegekend")
                .zaak(zaak(3), "WATALS-3", "webformulier", registratie, null)
                .opgeschort(zaak(3), "2026-01-10T09:00:00+01:00")
                .hervat(zaak(3), "2026-01-20T09:00:00+01:00")
                .afgesloten(zaak(3), "2026-03-12T12:00:00+01:00", "toegekend")
                .zaak(zaak(4), "WATALS-4", "webformulier", registratie, null)
                .afgesloten(zaak(4), "2026-03-20T12:00:00+01:00", "toegekend")
                .zaak(zaak(5), "WATALS-5", "webformulier", "2026-03-01T10:00:00+01:00", null)
                .zaak(zaak(6), "WATALS-6", "webformulier", registratie, LocalDate.parse("2026-02-01"))
                .afgesloten(zaak(6), "2026-02-10T12:00:00+01:00", "toegekend");
        omgeving.stuur(verhaal.opdrachten);
        omgeving.wachtOpLeesmodellen();
    }

    private static ZaakId zaak(int nummer) {
        return Testklant.zaakId(nummer);
    }

    @AfterAll
    static void sluit() {
        omgeving.close();
    }

    @Test
    void herberekentBinnenServicenormEnBeslissingUiterlijk_zoalsMetDeHandUitgerekend() throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(omgeving.database());
        long eventsVooraf = jdbc.queryForObject("select count(*) from domainevententry", Long.class);

        Testomgeving.Uitvoer uitvoer = omgeving.voerUit("wat-als", "--servicenorm", "omgevingsvergunning=70",
                "--alsop", "2026-04-01", "--json", "--per-zaak");

        assertThat(uitvoer.code()).as(uitvoer.fout()).isZero();
        JsonNode uitkomst = new ObjectMapper().readTree(uitvoer.uit()).path("zaaktypen").get(0);
        assertThat(uitkomst.path("zaaktype").asText()).isEqualTo("omgevingsvergunning");
        assertThat(uitkomst.path("servicenormHuidig").get(0).asInt()).isEqualTo(56);
        assertThat(uitkomst.path("servicenormNieuw").asInt()).isEqualTo(70);
        assertThat(uitkomst.path("zaken").asLong()).isEqualTo(6);
        assertThat(uitkomst.path("gesloten").asLong()).isEqualTo(5);
        assertThat(uitkomst.path("binnenHuidig").asLong()).isEqualTo(2);
        assertThat(uitkomst.path("binnenNieuw").asLong()).isEqualTo(3);
        assertThat(uitkomst.path("binnenServicenormHuidig").decimalValue()).isEqualByComparingTo("0.4000");
        assertThat(uitkomst.path("binnenServicenormNieuw").decimalValue()).isEqualByComparingTo("0.6000");
        assertThat(uitkomst.path("open").asLong()).isEqualTo(1);
        assertThat(uitkomst.path("beslissingUiterlijkVerschoven").asLong()).isEqualTo(5);
        assertThat(uitkomst.path("metOpgegevenEinddatum").asLong()).isEqualTo(1);
        assertThat(datums(uitkomst, "WATALS-1")).isEqualTo("2026-03-02 2026-03-16");
        assertThat(datums(uitkomst, "WATALS-2")).isEqualTo("2026-03-02 2026-03-16");
        assertThat(datums(uitkomst, "WATALS-3")).isEqualTo("2026-03-12 2026-03-26");
        assertThat(datums(uitkomst, "WATALS-4")).isEqualTo("2026-03-02 2026-03-16");
        assertThat(datums(uitkomst, "WATALS-5")).isEqualTo("2026-04-26 2026-05-10");
        assertThat(datums(uitkomst, "WATALS-6")).isEqualTo("2026-02-01 2026-02-01");

        // Nothing stored was touched: the events are the same, and MijnZaken still shows the real date.
        assertThat(jdbc.queryForObject("select count(*) from domainevententry", Long.class)).isEqualTo(eventsVooraf);
        Testomgeving.Uitvoer mijnzaken = omgeving.voerUit("mijnzaken", "toon", "--bsn", Verhaal.BSN,
                "--alsop", "2026-04-01", "--json");
        assertThat(mijnzaken.uit()).contains("\"beslissingUiterlijk\" : \"2026-04-26\"");
    }

    @Test
    void alsTekst_noemtBeideCijfers() {
        Testomgeving.Uitvoer uitvoer = omgeving.voerUit("wat-als", "--servicenorm", "omgevingsvergunning=70",
                "--alsop", "2026-04-01");

        assertThat(uitvoer.code()).as(uitvoer.fout()).isZero();
        assertThat(uitvoer.uit()).contains("omgevingsvergunning: servicenorm [56] -> 70 dagen")
                .contains("binnen-servicenorm  huidig 2/5 = 0.4000   wat-als 3/5 = 0.6000")
                .contains("beslissing uiterlijk verschuift bij 5 van 6 zaken (1 nog open)");
    }

    @Test
    void onbekendZaaktype_ofNegatieveDagen_isVerkeerdGebruik() {
        Testomgeving.Uitvoer onbekend = omgeving.voerUit("wat-als", "--servicenorm", "ruimtereis=70");
        assertThat(onbekend.code()).as(onbekend.fout()).isEqualTo(2);
        assertThat(onbekend.fout()).contains("onbekend zaaktype 'ruimtereis'");
        assertThat(omgeving.voerUit("wat-als", "--servicenorm", "omgevingsvergunning=-3").code()).isEqualTo(2);
    }

    private static String datums(JsonNode uitkomst, String identificatie) {
        for (JsonNode zaak : uitkomst.path("perZaak")) {
            if (zaak.path("identificatie").asText().equals(identificatie)) {
                return zaak.path("beslissingUiterlijkHuidig").asText() + " " + zaak.path("beslissingUiterlijkNieuw").asText();
            }
        }
        return "geen " + identificatie;
    }
}
