package nl.klantreis.api.paginas.analyse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.klantreis.domein.referentie.Kanalen;
import nl.klantreis.infrastructuur.referentie.Referentiegegevens;
import nl.klantreis.projecties.klantreis.Klantreis;

/** The replay's model: each step with the wissel into it, warm or koud, and the current step clamped. */
class AfspelingTest {
    private static final Kanalen KANALEN = Referentiegegevens.laadStandaard().kanalen();
    private static final Instant BEL = Instant.parse("2026-03-02T08:12:40Z");
    private static final Instant AANVRAAG = Instant.parse("2026-03-04T19:31:00Z");
    private static final Instant REGISTRATIE = Instant.parse("2026-03-04T19:31:10Z");
    private static final Instant NAVRAAG = Instant.parse("2026-03-16T09:05:00Z");

    private static Klantreis dakkapel() {
        return new Klantreis("reis", null, new Klantreis.Thema("zaak", null), Klantreis.BEEINDIGD, BEL, NAVRAAG,
                List.of(new Klantreis.Stap(Klantreis.Stap.KLANTCONTACT, "telefoon", BEL, "c1", null, "doorverwezen"),
                        new Klantreis.Stap(Klantreis.Stap.KLANTCONTACT, "webformulier", AANVRAAG, "c2", "zaak",
                                "zaak-gestart"),
                        new Klantreis.Stap(Klantreis.Stap.ZAAK_GEREGISTREERD, "webformulier", REGISTRATIE, null, "zaak",
                                null),
                        new Klantreis.Stap(Klantreis.Stap.KLANTCONTACT, "telefoon", NAVRAAG, "c3", "zaak", "beantwoord")),
                List.of(new Klantreis.Kanaalwissel("telefoon", "webformulier", AANVRAAG, true),
                        new Klantreis.Kanaalwissel("webformulier", "telefoon", NAVRAAG, false)));
    }

    @Test
    void elkeStapMetDeWisselErheen_warmOfKoud() {
        Afspeling afspeling = Afspeling.van(dakkapel(), 2, KANALEN);

        assertThat(afspeling.stappen()).extracting(Afspeling.Stapregel::wissel)
                .containsExactly(null, "warm", null, "koud");
        assertThat(afspeling.stappen().get(1).beschrijving()).isEqualTo("Stap 2 van 4: Klantcontact via Webformulier /"
                + " e-dienst op 4 maart 2026 20:31, resultaat zaak-gestart. Kanaalwissel warm van Telefoon (KCC,"
                + " 14+netnummer) naar Webformulier / e-dienst.");
        assertThat(afspeling.stappen()).extracting(Afspeling.Stapregel::later).containsExactly(false, false, true, true);
        assertThat(afspeling.stappen()).extracting(Afspeling.Stapregel::huidig).containsExactly(false, true, false, false);
        assertThat(afspeling.thema()).isEqualTo("Een zaak");
    }

    @Test
    void deGevraagdeStap_blijftBinnenDeReis() {
        assertThat(Afspeling.van(dakkapel(), 0, KANALEN).huidig()).isEqualTo(1);
        assertThat(Afspeling.van(dakkapel(), 9, KANALEN).huidig()).isEqualTo(4);
        assertThat(ReisafspeelController.stapnummer("2", "volgende")).isEqualTo(3);
        assertThat(ReisafspeelController.stapnummer("2", "vorige")).isEqualTo(1);
        assertThat(ReisafspeelController.stapnummer("x", null)).isEqualTo(1);
        assertThat(ReisafspeelController.stapnummer(null, null)).isEqualTo(1);
    }
}
