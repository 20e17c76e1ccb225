package nl.klantreis.api.paginas.kcc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.klantreis.projecties.klantreis.Klantreis;
import nl.klantreis.projecties.klantreis.Klantreis.Kanaalwissel;
import nl.klantreis.projecties.klantreis.Klantreis.Stap;

/** The swimlanes of a klantreis: one lane per kanaal, each step in its lane, each kanaalwissel at the step it arrived at. */
class TijdlijnTest {
    private static final Instant BELLEN = Instant.parse("2026-03-02T08:12:40Z");
    private static final Instant FORMULIER = Instant.parse("2026-03-04T19:31:00Z");
    private static final Instant ZAAK = Instant.parse("2026-03-04T19:31:10Z");
    private static final Instant NAVRAAG = Instant.parse("2026-03-16T09:05:00Z");

    /** The dakkapel example's klantreis (contract/examples/README.md). */
    private static Klantreis dakkapel(List<Kanaalwissel> wissels) {
        return new Klantreis("0b7f2f7e-3a51-4bb9-9a53-2f6e7a0c1d11", "k-abcdefgh", new Klantreis.Thema("zaak-1", null),
                Klantreis.BEEINDIGD, BELLEN, Instant.parse("2026-04-21T06:00:00Z"), List.of(
                new Stap(Stap.KLANTCONTACT, "telefoon", BELLEN, "c1", null, "doorverwezen"),
                new Stap(Stap.KLANTCONTACT, "webformulier", FORMULIER, "c2", "zaak-1", "zaak-gestart"),
                new Stap(Stap.ZAAK_GEREGISTREERD, "webformulier", ZAAK, null, "zaak-1", null),
                new Stap(Stap.KLANTCONTACT, "telefoon", NAVRAAG, "c3", "zaak-1", "beantwoord")),
                wissels);
    }

    private static final List<Kanaalwissel> WISSELS = List.of(
            new Kanaalwissel("telefoon", "webformulier", FORMULIER, true),
            new Kanaalwissel("webformulier", "telefoon", NAVRAAG, false));

    @Test
    void eenBaanPerKanaal_inDeVolgordeVanEersteGebruik_elkeStapInDeBaanVanZijnKanaal() {
        Tijdlijn tijdlijn = Tijdlijn.van(dakkapel(WISSELS));

        assertThat(tijdlijn.stappen()).extracting(Tijdlijn.Kolom::nummer).containsExactly(1, 2, 3, 4);
        assertThat(tijdlijn.banen()).extracting(Tijdlijn.Baan::kanaal).containsExactly("telefoon", "webformulier");
        assertThat(tijdlijn.banen().get(0).cellen()).extracting(Tijdlijn.Cel::leeg).containsExactly(false, true, true, false);
        assertThat(tijdlijn.banen().get(1).cellen()).extracting(Tijdlijn.Cel::leeg).containsExactly(true, false, false, true);
        assertThat(tijdlijn.banen().get(1).cellen().get(2).stap().soort()).isEqualTo(Stap.ZAAK_GEREGISTREERD);
    }

    @Test
    void elkeKanaalwisselStaatBijDeStapWaarHijAankwam_warmOfKoudZoalsHetLeesmodelZegt() {
        Tijdlijn tijdlijn = Tijdlijn.van(dakkapel(WISSELS));

        assertThat(tijdlijn.wissels()).extracting(Tijdlijn.Wissel::naarStap, Tijdlijn.Wissel::warm)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, true), org.assertj.core.groups.Tuple.tuple(4, false));
        assertThat(tijdlijn.banen().get(1).cellen().get(1).aankomst().warm()).isTrue();
        assertThat(tijdlijn.banen().get(0).cellen().get(3).aankomst().warm()).isFalse();
        // Steps 2 and 3 share a kanaal: no wissel arrives at step 3, nor at the first step.
        assertThat(tijdlijn.banen().get(1).cellen().get(2).aankomst()).isNull();
        assertThat(tijdlijn.banen().get(0).cellen().get(0).aankomst()).isNull();
        assertThat(tijdlijn.warm()).isEqualTo(1);
        assertThat(tijdlijn.koud()).isEqualTo(1);
    }

    @Test
    void eenWisselDieBijGeenPaarStappenPast_staatInDeLijstMaarBijGeenStap() {
        Kanaalwissel vreemd = new Kanaalwissel("balie", "email", NAVRAAG, true);
        Tijdlijn tijdlijn = Tijdlijn.van(dakkapel(List.of(vreemd)));

        assertThat(tijdlijn.wissels()).singleElement().extracting(Tijdlijn.Wissel::naarStap).isEqualTo(0);
        assertThat(tijdlijn.banen()).flatExtracting(Tijdlijn.Baan::cellen).extracting(Tijdlijn.Cel::aankomst)
                .containsOnlyNulls();
    }

    @Test
    void tweeGelijkeWisselsOpHetzelfdeMomentKrijgenElkHunEigenStap() {
        Instant zelfde = Instant.parse("2026-05-01T10:00:00Z");
        Klantreis reis = new Klantreis("r", "k-abcdefgh", new Klantreis.Thema(null, "afval"), Klantreis.LOPEND, BELLEN,
                null, List.of(
                new Stap(Stap.KLANTCONTACT, "telefoon", BELLEN, "a", null, "beantwoord"),
                new Stap(Stap.KLANTCONTACT, "email", zelfde, "b", null, "beantwoord"),
                new Stap(Stap.KLANTCONTACT, "telefoon", zelfde, "c", null, "beantwoord"),
                new Stap(Stap.KLANTCONTACT, "email", zelfde, "d", null, "beantwoord")),
                List.of(new Kanaalwissel("telefoon", "email", zelfde, false),
                        new Kanaalwissel("email", "telefoon", zelfde, false),
                        new Kanaalwissel("telefoon", "email", zelfde, true)));

        assertThat(Tijdlijn.van(reis).wissels()).extracting(Tijdlijn.Wissel::naarStap).containsExactly(2, 3, 4);
    }
}
