package nl.klantreis.domein.zaak;

import static nl.klantreis.domein.zaak.ZaakTestdata.t;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class OpschortingTest {
    private static final Instant OP_9_MAART = t("2026-03-09T11:00:00+01:00");
    private static final Instant OP_12_MAART = t("2026-03-12T11:00:00+01:00");
    private static final Instant OP_18_MAART = t("2026-03-18T09:30:00+01:00");
    private static final Instant OP_1_APRIL = t("2026-04-01T10:00:00+02:00");
    private static final Instant OP_3_APRIL = t("2026-04-03T10:00:00+02:00");

    @Test
    void opschortingLooptTotDeEersteHervattingErna() {
        assertThat(Opschorting.paren(List.of(OP_9_MAART), List.of(OP_18_MAART)))
                .containsExactly(new Opschorting(OP_9_MAART, OP_18_MAART));
    }

    @Test
    void hervattingDieAlsEersteBinnenkomt_wordtNogSteedsAanDeOpschortingGekoppeld() {
        // arrival order says nothing: the input lists are in the order the engine learned them
        assertThat(Opschorting.paren(List.of(OP_1_APRIL, OP_9_MAART), List.of(OP_3_APRIL, OP_18_MAART)))
                .containsExactly(new Opschorting(OP_9_MAART, OP_18_MAART), new Opschorting(OP_1_APRIL, OP_3_APRIL));
    }

    @Test
    void tweedeOpschortingTerwijlOpgeschort_verandertNiets() {
        assertThat(Opschorting.paren(List.of(OP_12_MAART, OP_9_MAART), List.of(OP_18_MAART)))
                .containsExactly(new Opschorting(OP_9_MAART, OP_18_MAART));
    }

    @Test
    void hervattingZonderLopendeOpschorting_verandertNiets() {
        assertThat(Opschorting.paren(List.of(), List.of(OP_18_MAART))).isEmpty();
        assertThat(Opschorting.paren(List.of(OP_12_MAART), List.of(OP_9_MAART, OP_18_MAART)))
                .containsExactly(new Opschorting(OP_12_MAART, OP_18_MAART));
    }

    @Test
    void opschortingZonderHervatting_looptNog() {
        assertThat(Opschorting.paren(List.of(OP_9_MAART), List.of()))
                .containsExactly(new Opschorting(OP_9_MAART, null));
        assertThat(Opschorting.paren(List.of(OP_9_MAART, OP_1_APRIL), List.of(OP_18_MAART)))
                .containsExactly(new Opschorting(OP_9_MAART, OP_18_MAART), new Opschorting(OP_1_APRIL, null));
    }

    @Test
    void opgeschortEnHervatOpHetzelfdeMoment_isEenPeriodeVanNul() {
        assertThat(Opschorting.paren(List.of(OP_9_MAART), List.of(OP_9_MAART)))
                .containsExactly(new Opschorting(OP_9_MAART, OP_9_MAART));
    }

    @Test
    void geschuddeInvoer_geeftDezelfdePerioden() {
        Random random = new Random(20260309L);
        for (int i = 0; i < 200; i++) {
            List<Instant> opgeschort = momenten(random);
            List<Instant> hervat = momenten(random);
            List<Opschorting> verwacht = Opschorting.paren(opgeschort, hervat);

            List<Instant> opgeschortGeschud = new ArrayList<>(opgeschort);
            List<Instant> hervatGeschud = new ArrayList<>(hervat);
            Collections.shuffle(opgeschortGeschud, random);
            Collections.shuffle(hervatGeschud, random);
            assertThat(Opschorting.paren(opgeschortGeschud, hervatGeschud)).isEqualTo(verwacht);

            // and the periods are what the rule says: ordered, not overlapping, each from an
            // opschorting to the first hervatting after it
            Instant vorigeEind = Instant.MIN;
            for (Opschorting periode : verwacht) {
                assertThat(opgeschort).contains(periode.van());
                assertThat(periode.van()).isAfterOrEqualTo(vorigeEind);
                if (periode.tot() == null) {
                    assertThat(hervat).allMatch(h -> h.isBefore(periode.van()));
                    vorigeEind = Instant.MAX;
                } else {
                    assertThat(hervat).contains(periode.tot());
                    assertThat(hervat).noneMatch(h -> !h.isBefore(periode.van()) && h.isBefore(periode.tot()));
                    vorigeEind = periode.tot();
                }
            }
        }
    }

    private static List<Instant> momenten(Random random) {
        List<Instant> momenten = new ArrayList<>();
        int aantal = random.nextInt(5);
        for (int i = 0; i < aantal; i++) {
            Instant moment = OP_9_MAART.plus(Duration.ofHours(random.nextInt(60 * 24)));
            if (!momenten.contains(moment)) {
                momenten.add(moment);
            }
        }
        return momenten;
    }
}
