package nl.klantreis.domein.zaak;

import static nl.klantreis.domein.zaak.ZaakTestdata.t;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** KLANTREIS-EN-KPI.md §4, with the dakkapel of the worked example as the main case. */
class UiterlijkeEinddatumTest {
    private static final LocalDate BASIS_DAKKAPEL = LocalDate.of(2026, 4, 29);
    private static final Opschorting AANVULLING = new Opschorting(t("2026-03-09T11:00:00+01:00"),
            t("2026-03-18T09:30:00+01:00"));

    @Test
    void basis_isDeRegistratiedatumPlusServicenorm() {
        assertThat(UiterlijkeEinddatum.basis(t("2026-03-04T20:31:10+01:00"), null, 56)).isEqualTo(BASIS_DAKKAPEL);
    }

    @Test
    void basis_gebruiktDeDatumInAmsterdam_nietInUtc() {
        // 2026-03-04T23:30Z is 2026-03-05 00:30 in Amsterdam; 2026-06-30T22:30Z is 2026-07-01 00:30 (summer time)
        assertThat(UiterlijkeEinddatum.basis(t("2026-03-04T23:30:00Z"), null, 56)).isEqualTo(LocalDate.of(2026, 4, 30));
        assertThat(UiterlijkeEinddatum.basis(t("2026-06-30T22:30:00Z"), null, 7)).isEqualTo(LocalDate.of(2026, 7, 8));
    }

    @Test
    void basis_isDeMeegestuurdeUiterlijkeEinddatum_alsDieEr_is() {
        LocalDate opgegeven = LocalDate.of(2026, 5, 15);

        assertThat(UiterlijkeEinddatum.basis(t("2026-03-04T20:31:10+01:00"), opgegeven, 56)).isEqualTo(opgegeven);
    }

    @Test
    void dakkapel_negenDagenOpschorting_geeft8Mei() {
        UiterlijkeEinddatum einddatum = UiterlijkeEinddatum.bereken(BASIS_DAKKAPEL, List.of(), List.of(AANVULLING), null);

        assertThat(einddatum).isEqualTo(new UiterlijkeEinddatum(LocalDate.of(2026, 5, 8), BASIS_DAKKAPEL, 0, 9, null));
    }

    @Test
    void verlengingen_tellenOp() {
        UiterlijkeEinddatum einddatum = UiterlijkeEinddatum.bereken(BASIS_DAKKAPEL, List.of(10, 5), List.of(), null);

        assertThat(einddatum.datum()).isEqualTo(LocalDate.of(2026, 5, 14));
        assertThat(einddatum.verlengingDagen()).isEqualTo(15);
    }

    @Test
    void lopendeOpschorting_teltTotDePeildatum() {
        Opschorting lopend = new Opschorting(t("2026-03-09T11:00:00+01:00"), null);

        UiterlijkeEinddatum einddatum = UiterlijkeEinddatum.bereken(BASIS_DAKKAPEL, List.of(), List.of(lopend),
                LocalDate.of(2026, 3, 20));

        assertThat(einddatum).isEqualTo(new UiterlijkeEinddatum(LocalDate.of(2026, 5, 10), BASIS_DAKKAPEL, 0, 11,
                t("2026-03-09T11:00:00+01:00")));
    }

    @Test
    void lopendeOpschorting_zonderPeildatum_teltNul_maarWordtGenoemd() {
        Opschorting lopend = new Opschorting(t("2026-03-09T11:00:00+01:00"), null);

        UiterlijkeEinddatum einddatum = UiterlijkeEinddatum.bereken(BASIS_DAKKAPEL, List.of(), List.of(lopend), null);

        assertThat(einddatum.datum()).isEqualTo(BASIS_DAKKAPEL);
        assertThat(einddatum.opgeschortSinds()).isEqualTo(t("2026-03-09T11:00:00+01:00"));
    }

    @Test
    void lopendeOpschorting_metPeildatumOpOfVoorDeStart_teltNul() {
        Opschorting lopend = new Opschorting(t("2026-03-09T11:00:00+01:00"), null);

        assertThat(UiterlijkeEinddatum.bereken(BASIS_DAKKAPEL, List.of(), List.of(lopend), LocalDate.of(2026, 3, 9))
                .opschortingDagen()).isZero();
        assertThat(UiterlijkeEinddatum.bereken(BASIS_DAKKAPEL, List.of(), List.of(lopend), LocalDate.of(2026, 3, 1))
                .opschortingDagen()).isZero();
    }

    @Test
    void opschortingDagen_zijnKalenderdagenInAmsterdam_ookOverDeZomertijdwissel() {
        // 03-28 12:00 CET to 03-30 11:30 CEST: 46.5 hours, but two calendar days
        Opschorting overDeWissel = new Opschorting(t("2026-03-28T12:00:00+01:00"), t("2026-03-30T11:30:00+02:00"));
        // 03-29 00:30 in Amsterdam is still 03-28 in UTC: two days in Amsterdam, three in UTC
        Opschorting naMiddernacht = new Opschorting(t("2026-03-29T00:30:00+01:00"), t("2026-03-31T12:00:00+02:00"));

        assertThat(UiterlijkeEinddatum.bereken(BASIS_DAKKAPEL, List.of(), List.of(overDeWissel), null)
                .opschortingDagen()).isEqualTo(2);
        assertThat(UiterlijkeEinddatum.bereken(BASIS_DAKKAPEL, List.of(), List.of(naMiddernacht), null)
                .opschortingDagen()).isEqualTo(2);
    }

    @Test
    void meerdereOpschortingen_enVerlengingen_tellenAllemaal() {
        Opschorting tweede = new Opschorting(t("2026-04-01T10:00:00+02:00"), t("2026-04-03T16:00:00+02:00"));
        Opschorting lopend = new Opschorting(t("2026-04-20T09:00:00+02:00"), null);

        UiterlijkeEinddatum einddatum = UiterlijkeEinddatum.bereken(BASIS_DAKKAPEL, List.of(10, 5),
                List.of(AANVULLING, tweede, lopend), LocalDate.of(2026, 4, 25));

        // 9 + 2 + 5 days of opschorting, 15 of verlenging
        assertThat(einddatum).isEqualTo(new UiterlijkeEinddatum(BASIS_DAKKAPEL.plusDays(31), BASIS_DAKKAPEL, 15, 16,
                t("2026-04-20T09:00:00+02:00")));
    }

    @Test
    void geschuddeInvoer_geeftDezelfdeEinddatum() {
        List<Instant> opgeschort = List.of(t("2026-03-09T11:00:00+01:00"), t("2026-04-01T10:00:00+02:00"),
                t("2026-04-02T10:00:00+02:00"), t("2026-04-20T09:00:00+02:00"));
        List<Instant> hervat = List.of(t("2026-03-18T09:30:00+01:00"), t("2026-04-03T16:00:00+02:00"),
                t("2026-03-01T08:00:00+01:00"));
        List<Integer> verlengingen = List.of(10, 5, 1);
        UiterlijkeEinddatum verwacht = UiterlijkeEinddatum.bereken(BASIS_DAKKAPEL, verlengingen,
                Opschorting.paren(opgeschort, hervat), LocalDate.of(2026, 4, 25));
        assertThat(verwacht.datum()).isEqualTo(BASIS_DAKKAPEL.plusDays(16 + 9 + 2 + 5));

        Random random = new Random(8L);
        for (int i = 0; i < 100; i++) {
            List<Instant> o = new ArrayList<>(opgeschort);
            List<Instant> h = new ArrayList<>(hervat);
            List<Integer> v = new ArrayList<>(verlengingen);
            Collections.shuffle(o, random);
            Collections.shuffle(h, random);
            Collections.shuffle(v, random);
            List<Opschorting> perioden = new ArrayList<>(Opschorting.paren(o, h));
            Collections.shuffle(perioden, random);
            assertThat(UiterlijkeEinddatum.bereken(BASIS_DAKKAPEL, v, perioden, LocalDate.of(2026, 4, 25)))
                    .isEqualTo(verwacht);
        }
    }
}
