package nl.klantreis.projecties.mijnzaken;

import static nl.klantreis.projecties.mijnzaken.Dakkapel.op;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import nl.klantreis.domein.gedeeld.Versleuteld;
import nl.klantreis.domein.zaak.ZaakVerlengd;
import nl.klantreis.projecties.mijnzaken.Dakkapel.Feit;
import nl.klantreis.projecties.tijd.Tijdas;
import nl.klantreis.projecties.tijd.Tijdstipinvoer;

/**
 * A page of the past shows nothing of the present (issue 9, item 7): the dakkapel zaak with a
 * verlenging, sent to the engine only today, all at once (as after an install or a migration),
 * looked at as it was on 10 March on the gebeurd axis. Every field must be what it was then:
 * the later hervatting, verlenging, statussen and afsluiting must not show through, and
 * {@code laatstGewijzigd} must not be today.
 */
class TijdreisZonderHedenTest {
    private static final Function<Versleuteld, Optional<String>> LEESBAAR = NepVersleuteling::ontsleutel;
    private static final Instant VANDAAG = Instant.parse("2026-12-06T11:00:00Z");
    private static final Instant TIENDE_MAART = Tijdstipinvoer.moment("2026-03-10");
    private static final Feit VERLENGD = new Feit(new ZaakVerlengd(Dakkapel.ZAAK, op("2026-04-01T10:00:00+02:00"), 14,
            NepVersleuteling.versleutel("Advies welstand")), op("2026-04-01T08:05:00Z"));

    private final MijnZakenWeergave weergave = new MijnZakenWeergave(Dakkapel.CATALOGUS);

    @Test
    void opDeGebeurdAs_isElkVeldVanDeKaartZoalsHetToenWas() {
        Zaakdetail toen = weergave.detail(laatGestuurd(), TIENDE_MAART, Tijdas.GEBEURD, LEESBAAR);

        assertThat(toen.status().code()).as("status").isEqualTo("aanvulling-gevraagd");
        assertThat(toen.volgendeStap().code()).as("volgendeStap").isEqualTo("in-behandeling");
        assertThat(toen.opgeschort()).as("de hervatting van 18 maart telt nog niet").isTrue();
        assertThat(toen.afgesloten()).as("afgesloten").isNull();
        // 29 April plus the running opschorting counted up to the 10th; not the verlenging of April.
        assertThat(toen.beslissingUiterlijk()).isEqualTo(LocalDate.parse("2026-04-30"));
        assertThat(toen.verlengingen()).isEmpty();
        assertThat(toen.opschortingen()).containsExactly(
                new Zaakdetail.Opschorting(Instant.parse("2026-03-09T10:00:00Z"), null));
        assertThat(toen.laatstGewijzigd()).as("laatstGewijzigd: de aanvulling van 9 maart, niet vandaag")
                .isEqualTo(Instant.parse("2026-03-09T10:00:00Z"))
                .isBeforeOrEqualTo(TIENDE_MAART);
    }

    @Test
    void opDeGebeurdAs_hangtEenVerledenPaginaNietAfVanWanneerDeEngineHetHoorde() {
        Zaakdossier optijd = Dakkapel.dossier(metVerlenging(Dakkapel.feiten()));
        for (Instant peil : List.of(TIENDE_MAART, op("2026-03-18T12:00:00+01:00"), op("2026-04-02T12:00:00+02:00"))) {
            Zaakdetail laat = weergave.detail(laatGestuurd(), peil, Tijdas.GEBEURD, LEESBAAR);
            Zaakdetail tijdig = weergave.detail(optijd, peil, Tijdas.GEBEURD, LEESBAAR);
            assertThat(laat).usingRecursiveComparison().ignoringFields("laatstGewijzigd").as(peil.toString())
                    .isEqualTo(tijdig);
            assertThat(laat.laatstGewijzigd()).as(peil.toString()).isBeforeOrEqualTo(peil);
            assertThat(tijdig.laatstGewijzigd()).as(peil.toString()).isBeforeOrEqualTo(peil);
        }
        assertThat(weergave.kaart(laatGestuurd(), op("2026-04-02T12:00:00+02:00"), Tijdas.GEBEURD, LEESBAAR)
                .beslissingUiterlijk()).as("de verlenging telt vanaf 1 april").isEqualTo(LocalDate.parse("2026-05-22"));
    }

    @Test
    void nu_blijftLaatstGewijzigdHetMomentWaaropDeEngineHetHoorde() {
        Zaakkaart nu = weergave.kaart(laatGestuurd(), VANDAAG.plusSeconds(60), Tijdas.GEBEURD, LEESBAAR);
        assertThat(nu.laatstGewijzigd()).isEqualTo(VANDAAG);
        assertThat(nu.afgesloten()).isNotNull();
    }

    @Test
    void opDeBekendAs_wasErOpTienMaartNogNiets() {
        assertThat(weergave.zichtbaar(laatGestuurd(), TIENDE_MAART, Tijdas.BEKEND)).isFalse();
        assertThat(weergave.zichtbaar(laatGestuurd(), TIENDE_MAART, Tijdas.GEBEURD)).isTrue();
    }

    /** Every fact of the story, verlenging included, stored today. */
    private static Zaakdossier laatGestuurd() {
        List<Feit> laat = new ArrayList<>();
        for (Feit feit : metVerlenging(Dakkapel.feiten())) {
            laat.add(new Feit(feit.event(), VANDAAG));
        }
        return Dakkapel.dossier(laat);
    }

    private static List<Feit> metVerlenging(List<Feit> feiten) {
        List<Feit> met = new ArrayList<>(feiten);
        met.add(VERLENGD);
        return met;
    }
}
