package nl.klantreis.api.leesmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.messaging.responsetypes.ResponseTypes.instanceOf;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.MediaType;

import nl.klantreis.api.testondersteuning.Testengine;
import nl.klantreis.api.testondersteuning.Voorbeelden;
import nl.klantreis.projecties.kpi.Kpicijfers;
import nl.klantreis.projecties.kpi.Kpiuitkomst;
import nl.klantreis.projecties.kpi.Kpivraag;

/**
 * The dakkapel example, posted in shuffled order through the API, gives exactly the KPI figures
 * of the examples README through the query handlers on the real read models.
 */
class KpiIntegratieTest {
    private static final LocalDate VAN = LocalDate.of(2026, 3, 1);
    private static final LocalDate TOT = LocalDate.of(2026, 4, 1);
    private static final Instant PEIL = Instant.parse("2026-06-01T00:00:00Z");
    @RegisterExtension
    static final Testengine engine = Testengine.perKlasse();

    @BeforeAll
    static void start() {
        var berichten = new java.util.ArrayList<>(Voorbeelden.berichten(Voorbeelden.DAKKAPEL));
        java.util.Collections.shuffle(berichten, new java.util.Random(11));
        engine.client().post().uri("/api/v1/events")
                .contentType(MediaType.parseMediaType("application/cloudevents-batch+json"))
                .bodyValue(Voorbeelden.alsBatch(berichten)).exchange().expectStatus().isOk();
        engine.wachtOpLeesmodellen();
    }

    @Test
    void dakkapel_geeftDeKpisVanHetVoorbeeld() {
        assertThat(kpi("klantreizen").aantal()).isEqualTo(2);
        Kpicijfers matrix = kpi("kanaalwissel-matrix");
        assertThat(matrix.cellen()).extracting(c -> c.van() + "->" + c.naar() + " " + c.aantal() + "/" + c.warm())
                .containsExactly("telefoon->webformulier 1/1", "webformulier->telefoon 1/0");
        ratio("kanaalwissel-ratio", "0.5", 1, 2);
        ratio("contacten-per-klantreis", "2.0", 4, 2);
        Kpicijfers kosten = kpi("kosten-per-klantreis");
        assertThat(kosten.waardeCent()).isEqualTo(1220);
        assertThat(kosten.contactenZonderKosten()).isZero();
        ratio("first-contact-resolution", "1.0", 1, 1);
        ratio("herhaalcontact-ratio", "0.25", 1, 4);
        assertThat(kpi("contactvolume").uitsplitsing()).extracting(d -> d.kanaal() + " " + d.cijfers().aantal())
                .containsExactly("chat 1", "telefoon 2", "webformulier 1");
        ratio("status-navraag-per-zaak", "1.0", 1, 1);
        assertThat(kpi("doorlooptijd").uitsplitsing()).singleElement().satisfies(d -> {
            assertThat(d.zaaktype()).isEqualTo("omgevingsvergunning");
            assertThat(d.cijfers().p50Uren()).isEqualTo(1138);
            assertThat(d.cijfers().p90Uren()).isEqualTo(1138);
        });
        ratio("binnen-servicenorm", "1.0", 1, 1);
    }

    private static void ratio(String kpi, String waarde, long teller, long noemer) {
        Kpicijfers cijfers = kpi(kpi);
        assertThat(cijfers.waarde()).as(kpi).isEqualByComparingTo(new BigDecimal(waarde));
        assertThat(cijfers.teller()).as(kpi + " teller").isEqualTo(teller);
        assertThat(cijfers.noemer()).as(kpi + " noemer").isEqualTo(noemer);
    }

    private static Kpicijfers kpi(String kpi) {
        return engine.vraag(new Kpivraag(kpi, VAN, TOT, PEIL, null), instanceOf(Kpiuitkomst.class)).cijfers();
    }
}
