package nl.klantreis.projecties.kpi;

import static nl.klantreis.projecties.kpi.KpiDakkapelTest.JUNI;
import static nl.klantreis.projecties.kpi.KpiFeiten.Dakkapel.maart;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.klantreis.infrastructuur.opslag.Eventserialisatie;

/**
 * The KPI answers as the API writes them: the field names of API.md's {@code Kpi}, the figures at
 * the top level next to the heading, nothing null written out.
 */
class KpiJsonTest {
    private static final ObjectMapper JSON = Eventserialisatie.objectMapper();
    private static final String KOP = "\"kpi\":\"%s\",\"van\":\"2026-03-01\",\"tot\":\"2026-04-01\","
            + "\"peilmoment\":\"2026-06-01T00:00:00Z\"";

    private static String json(Kpiuitkomst uitkomst) throws JsonProcessingException {
        return JSON.writeValueAsString(uitkomst);
    }

    private static String kop(String kpi) {
        return String.format(KOP, kpi);
    }

    @Test
    void verhouding_metWaardeTellerNoemer_enZesCijfersAchterDeKomma() throws JsonProcessingException {
        assertThat(json(maart("kanaalwissel-ratio", JUNI, null))).isEqualTo(
                "{" + kop("kanaalwissel-ratio") + ",\"waarde\":0.500000,\"teller\":1,\"noemer\":2}");
    }

    @Test
    void aantal() throws JsonProcessingException {
        assertThat(json(maart("klantreizen", JUNI, null))).isEqualTo("{" + kop("klantreizen") + ",\"aantal\":2}");
    }

    @Test
    void matrix_metCellen() throws JsonProcessingException {
        assertThat(json(maart("kanaalwissel-matrix", JUNI, null))).isEqualTo("{" + kop("kanaalwissel-matrix")
                + ",\"aantal\":2,\"cellen\":["
                + "{\"van\":\"telefoon\",\"naar\":\"webformulier\",\"aantal\":1,\"warm\":1},"
                + "{\"van\":\"webformulier\",\"naar\":\"telefoon\",\"aantal\":1,\"warm\":0}]}");
    }

    @Test
    void doorlooptijd_perZaaktype() throws JsonProcessingException {
        assertThat(json(maart("doorlooptijd", JUNI, null))).isEqualTo("{" + kop("doorlooptijd")
                + ",\"aantal\":1,\"uitsplitsing\":["
                + "{\"zaaktype\":\"omgevingsvergunning\",\"aantal\":1,\"p50Uren\":1138,\"p90Uren\":1138}]}");
    }

    @Test
    void kosten_inCenten() throws JsonProcessingException {
        assertThat(json(maart("kosten-per-klantreis", JUNI, null))).isEqualTo("{" + kop("kosten-per-klantreis")
                + ",\"teller\":2440,\"noemer\":2,\"waardeCent\":1220,\"klantreizen\":2,\"contactenZonderKosten\":0}");
    }

    @Test
    void contactvolume_perKanaal() throws JsonProcessingException {
        assertThat(json(maart("contactvolume", JUNI, null))).isEqualTo("{" + kop("contactvolume")
                + ",\"aantal\":4,\"uitsplitsing\":[{\"kanaal\":\"chat\",\"aantal\":1},"
                + "{\"kanaal\":\"telefoon\",\"aantal\":2},{\"kanaal\":\"webformulier\",\"aantal\":1}]}");
    }

    @Test
    void uitsplitsing_zetDeSleutelBijDezelfdeVelden() throws JsonProcessingException {
        JsonNode delen = JSON.readTree(json(maart("herhaalcontact-ratio", JUNI, "kanaal"))).get("uitsplitsing");

        assertThat(delen).hasSize(3);
        assertThat(veldnamen(delen.get(2))).containsExactly("kanaal", "waarde", "teller", "noemer");
        assertThat(delen.get(2).get("kanaal").asText()).isEqualTo("webformulier");
        assertThat(delen.get(2).get("waarde").decimalValue()).isEqualByComparingTo("1");
    }

    @Test
    void verhoudingOverNiets_laatWaardeWeg_tellerEnNoemerBlijven() throws JsonProcessingException {
        String json = json(maart("binnen-servicenorm", "2026-04-01T00:00:00Z", null));

        assertThat(json).doesNotContain("null").doesNotContain("waarde");
        assertThat(JSON.readTree(json).get("teller").asLong()).isZero();
        assertThat(JSON.readTree(json).get("noemer").asLong()).isZero();
    }

    @Test
    void geenEnkeleKpi_schrijftNullOfInterneNamen() throws JsonProcessingException {
        for (String kpi : Kpivraag.KPIS) {
            for (String peil : List.of(JUNI, "2026-03-03T12:00:00+01:00")) {
                String json = json(maart(kpi, peil, null));
                assertThat(json).as(kpi).doesNotContain("null").doesNotContain("cijfers");
                assertThat(veldnamen(JSON.readTree(json))).as(kpi).startsWith("kpi", "van", "tot", "peilmoment")
                        .isSubsetOf("kpi", "van", "tot", "peilmoment", "waarde", "teller", "noemer", "aantal", "cellen",
                                "p50Uren", "p90Uren", "waardeCent", "klantreizen", "contactenZonderKosten",
                                "uitsplitsing");
            }
        }
    }

    private static List<String> veldnamen(JsonNode node) {
        List<String> namen = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            namen.add(it.next());
        }
        return namen;
    }
}
