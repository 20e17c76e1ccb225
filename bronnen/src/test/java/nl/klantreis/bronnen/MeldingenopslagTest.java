package nl.klantreis.bronnen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.klantreis.bronnen.Meldingenopslag.Nieuw;
import nl.klantreis.bronnen.Meldingenopslag.Toestand;
import nl.klantreis.bronnen.Meldingenopslag.Toevoeging;
import nl.klantreis.infrastructuur.TestDatabase;
import nl.klantreis.infrastructuur.Verstelbareklok;

/** The queue on real PostgreSQL: dedup, absorption, claims by several owners, leases, retries and opnieuw. */
class MeldingenopslagTest {
    private static final String ZAKEN = "https://oz.example.nl/zaken/api/v1/zaken/";
    private static DataSource database;
    private final Verstelbareklok klok = new Verstelbareklok(Instant.parse("2026-12-06T12:00:00Z"));
    private Meldingenopslag opslag;

    @BeforeAll
    static void database() {
        database = TestDatabase.nieuweDatabase();
    }

    @BeforeEach
    void leeg() throws Exception {
        try (var c = database.getConnection(); var s = c.createStatement()) {
            s.execute("DELETE FROM bronmelding");
        }
        opslag = new Meldingenopslag(database, klok, Duration.ofSeconds(10));
    }

    private static Nieuw zaak(String uuid, String actie, String aanmaakdatum) {
        return new Nieuw(Melding.Soort.ZAAK, ZAKEN + uuid, "zaken", "status", ZAKEN.replace("zaken/", "statussen/") + uuid,
                actie, Instant.parse(aanmaakdatum));
    }

    @Test
    void dezelfdeNotificatieTweemaal_isEenMelding_enDubbel() {
        assertThat(opslag.voegToe(zaak("a", "create", "2026-12-06T11:00:00Z"))).isEqualTo(Toevoeging.OPGESLAGEN);
        opslag.claim(10, "knoop-1", Duration.ofMinutes(1));
        // Claimed, so not absorbing; the same notification is still recognised by its key.
        assertThat(opslag.voegToe(zaak("a", "create", "2026-12-06T11:00:00Z"))).isEqualTo(Toevoeging.DUBBEL);
        assertThat(opslag.telling().get(Toestand.WACHTEND)).isEqualTo(1);
    }

    @Test
    void eenWachtendeMelding_neemtEenNieuweNotificatieVoorDezelfdeZaakOp_eenGeclaimdeNiet() {
        assertThat(opslag.voegToe(zaak("a", "create", "2026-12-06T11:00:00Z"))).isEqualTo(Toevoeging.OPGESLAGEN);
        assertThat(opslag.voegToe(zaak("a", "update", "2026-12-06T11:00:01Z"))).isEqualTo(Toevoeging.SAMENGEVOEGD);
        assertThat(opslag.voegToe(zaak("b", "update", "2026-12-06T11:00:01Z"))).isEqualTo(Toevoeging.OPGESLAGEN);
        assertThat(opslag.voegInleesmeldingToe(Melding.Soort.ZAAK, ZAKEN + "a")).isEqualTo(Toevoeging.SAMENGEVOEGD);
        assertThat(opslag.claim(10, "knoop-1", Duration.ofMinutes(1))).hasSize(2);
        assertThat(opslag.voegToe(zaak("a", "update", "2026-12-06T11:00:02Z"))).isEqualTo(Toevoeging.OPGESLAGEN);
        assertThat(opslag.voegInleesmeldingToe(Melding.Soort.ZAAK, ZAKEN + "c")).isEqualTo(Toevoeging.OPGESLAGEN);
        assertThat(opslag.telling().get(Toestand.WACHTEND)).isEqualTo(4);
    }

    @Test
    void tweeEigenaarsTegelijk_krijgenNooitDezelfdeMelding() throws Exception {
        for (int i = 0; i < 200; i++) {
            opslag.voegToe(zaak("z" + i, "create", "2026-12-06T11:00:00Z"));
        }
        ExecutorService draden = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<Long>>> resultaten = new ArrayList<>();
            for (String eigenaar : List.of("knoop-1", "knoop-2")) {
                Callable<List<Long>> claimer = () -> {
                    List<Long> ids = new ArrayList<>();
                    List<Melding> deel;
                    while (!(deel = opslag.claim(7, eigenaar, Duration.ofMinutes(1))).isEmpty()) {
                        deel.forEach(m -> ids.add(m.id()));
                    }
                    return ids;
                };
                resultaten.add(draden.submit(claimer));
            }
            List<Long> alle = new ArrayList<>();
            for (Future<List<Long>> r : resultaten) {
                alle.addAll(r.get());
            }
            assertThat(alle).hasSize(200);
            assertThat(new HashSet<>(alle)).hasSize(200);
        } finally {
            draden.shutdownNow();
        }
    }

    @Test
    void eenClaimNaZijnLease_gaatNaarEenAndereEigenaar_enDeEersteKanNietMeerAfhandelen() {
        opslag.voegToe(zaak("a", "create", "2026-12-06T11:00:00Z"));
        Melding m = opslag.claim(1, "dood-knoop", Duration.ofSeconds(60)).get(0);
        assertThat(opslag.claim(1, "knoop-2", Duration.ofSeconds(60))).isEmpty();
        klok.verzet(Duration.ofSeconds(61));
        List<Melding> overgenomen = opslag.claim(1, "knoop-2", Duration.ofSeconds(60));
        assertThat(overgenomen).extracting(Melding::id).containsExactly(m.id());
        assertThat(opslag.markeer(m.id(), "dood-knoop", Toestand.VERWERKT, null)).isFalse();
        assertThat(opslag.markeer(m.id(), "knoop-2", Toestand.VERWERKT, null)).isTrue();
        assertThat(opslag.lijst(Toestand.VERWERKT, 0, 10)).singleElement()
                .satisfies(r -> assertThat(r.melding().pogingen()).isEqualTo(1));
    }

    @Test
    void opnieuwOm_wachtTotHetMoment_enTeltDePoging() {
        opslag.voegToe(zaak("a", "create", "2026-12-06T11:00:00Z"));
        Melding m = opslag.claim(1, "k", Duration.ofMinutes(1)).get(0);
        assertThat(opslag.opnieuwOm(m.id(), "k", klok.instant().plusSeconds(30), "bron tijdelijk weg")).isTrue();
        assertThat(opslag.claim(1, "k", Duration.ofMinutes(1))).isEmpty();
        klok.verzet(Duration.ofSeconds(30));
        assertThat(opslag.claim(1, "k", Duration.ofMinutes(1))).singleElement()
                .satisfies(o -> assertThat(o.pogingen()).isEqualTo(1));
    }

    @Test
    void eenKlantcontact_wordtPasNaZijnRustGeclaimd() {
        opslag.voegToe(new Nieuw(Melding.Soort.KLANTCONTACT, "https://ok.example.nl/klantinteracties/api/v1/klantcontacten/x",
                "klantcontacten", "klantcontact", "https://ok.example.nl/klantinteracties/api/v1/klantcontacten/x",
                "create", klok.instant()));
        assertThat(opslag.claim(1, "k", Duration.ofMinutes(1))).isEmpty();
        klok.verzet(Duration.ofSeconds(9));
        assertThat(opslag.claim(1, "k", Duration.ofMinutes(1))).isEmpty();
        klok.verzet(Duration.ofSeconds(1));
        assertThat(opslag.claim(1, "k", Duration.ofMinutes(1))).hasSize(1);
    }

    @Test
    void geefVrij_laatEenAnderMeteenClaimen() {
        opslag.voegToe(zaak("a", "create", "2026-12-06T11:00:00Z"));
        opslag.claim(1, "k1", Duration.ofMinutes(5));
        assertThat(opslag.geefVrij("k1")).isEqualTo(1);
        assertThat(opslag.claim(1, "k2", Duration.ofMinutes(5))).hasSize(1);
    }

    @Test
    void opnieuw_zetDodeEnGeweigerdeTerugOpWachtend_metNulPogingen_perIdPerToestandOfAlles() {
        List<Long> ids = new ArrayList<>();
        List<Toestand> einden = List.of(Toestand.DOOD, Toestand.GEWEIGERD, Toestand.ONGEKOPPELD, Toestand.WEG,
                Toestand.VERWERKT, Toestand.GENEGEERD, Toestand.DOOD);
        for (int i = 0; i < einden.size(); i++) {
            opslag.voegToe(zaak("o" + i, "create", "2026-12-06T11:00:00Z"));
        }
        List<Melding> geclaimd = opslag.claim(10, "k", Duration.ofMinutes(1));
        for (int i = 0; i < einden.size(); i++) {
            assertThat(opslag.markeer(geclaimd.get(i).id(), "k", einden.get(i), "reden " + i)).isTrue();
            ids.add(geclaimd.get(i).id());
        }
        assertThat(opslag.opnieuw(List.of(ids.get(0), ids.get(4)))).isEqualTo(1);
        assertThat(opslag.opnieuw(Toestand.GEWEIGERD)).isEqualTo(1);
        assertThatThrownBy(() -> opslag.opnieuw(Toestand.VERWERKT)).isInstanceOf(IllegalArgumentException.class);
        assertThat(opslag.opnieuwAlles()).isEqualTo(3);
        assertThat(opslag.telling()).containsEntry(Toestand.WACHTEND, 5L).containsEntry(Toestand.VERWERKT, 1L)
                .containsEntry(Toestand.GENEGEERD, 1L).containsEntry(Toestand.DOOD, 0L);
        assertThat(opslag.lijst(Toestand.WACHTEND, 0, 10)).allSatisfy(r -> assertThat(r.melding().pogingen()).isZero());
    }

    @Test
    void lijst_bladertOpId_enOudsteWachtendeTelt() {
        assertThat(opslag.oudsteWachtende()).isZero();
        for (int i = 0; i < 5; i++) {
            opslag.voegToe(zaak("l" + i, "create", "2026-12-06T11:00:00Z"));
            klok.verzet(Duration.ofSeconds(1));
        }
        List<Meldingenopslag.Regel> eerste = opslag.lijst(Toestand.WACHTEND, 0, 3);
        List<Meldingenopslag.Regel> tweede = opslag.lijst(Toestand.WACHTEND, eerste.get(2).melding().id(), 3);
        assertThat(eerste).hasSize(3);
        assertThat(tweede).hasSize(2);
        assertThat(opslag.oudsteWachtende()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void eenTeLangeReden_wordtIngekort() {
        opslag.voegToe(zaak("r", "create", "2026-12-06T11:00:00Z"));
        Melding m = opslag.claim(1, "k", Duration.ofMinutes(1)).get(0);
        opslag.markeer(m.id(), "k", Toestand.DOOD, "x".repeat(5000));
        assertThat(opslag.lijst(Toestand.DOOD, 0, 1).get(0).reden()).hasSize(Meldingenopslag.MAXIMALE_REDEN);
    }

    @Test
    void deSleutel_isHetzelfdeMomentOngeachtDeSchrijfwijze() {
        Set<String> sleutels = new HashSet<>();
        for (String datum : List.of("2026-12-06T11:00:00Z", "2026-12-06T12:00:00+01:00")) {
            Instant moment = java.time.OffsetDateTime.parse(datum).toInstant();
            sleutels.add(java.util.HexFormat.of().formatHex(
                    new Nieuw(Melding.Soort.ZAAK, "u", "zaken", "zaak", "u", "create", moment).sleutel()));
        }
        assertThat(sleutels).hasSize(1);
    }
}
