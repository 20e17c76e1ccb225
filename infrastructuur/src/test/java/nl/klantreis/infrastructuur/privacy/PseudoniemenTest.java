package nl.klantreis.infrastructuur.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.klantreis.domein.gedeeld.Bsn;
import nl.klantreis.domein.gedeeld.Identificatiesoort;
import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.gedeeld.KlantcontactId;
import nl.klantreis.domein.gedeeld.Kvknummer;
import nl.klantreis.infrastructuur.TestDatabase;

class PseudoniemenTest {

    private static final String BSN = "111222333";
    private static final String KVK = "12345678";

    private static byte[] geheim(int vulling) {
        byte[] geheim = new byte[32];
        Arrays.fill(geheim, (byte) vulling);
        return geheim;
    }

    @Test
    void pseudoniem_isStabiel_voorHetzelfdeNummer() {
        KlantId eerste = new Pseudoniemen(geheim(1)).voor(Identificatiesoort.BSN, BSN);
        KlantId tweede = new Pseudoniemen(geheim(1)).voor(Identificatiesoort.BSN, BSN);

        assertThat(eerste).isEqualTo(tweede);
        assertThat(eerste.waarde()).matches("k-[a-z2-7]{32}");
    }

    @Test
    void pseudoniem_isDeHmacVanSoortEnNummer_inBase32() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(geheim(7), "HmacSHA256"));
        byte[] verwacht = mac.doFinal(("KVK:" + KVK).getBytes(StandardCharsets.UTF_8));

        KlantId klant = new Pseudoniemen(geheim(7)).voor(Identificatiesoort.KVK, KVK);

        assertThat(klant.waarde()).isEqualTo("k-" + Pseudoniemen.base32(verwacht, 20));
    }

    @Test
    void base32_volgtRfc4648_inKleineLetters() {
        // RFC 4648 section 10 test vectors, lowercase and without padding.
        assertThat(Pseudoniemen.base32("foobar".getBytes(StandardCharsets.US_ASCII), 6)).isEqualTo("mzxw6ytboi");
        assertThat(Pseudoniemen.base32("fooba".getBytes(StandardCharsets.US_ASCII), 5)).isEqualTo("mzxw6ytb");
        assertThat(Pseudoniemen.base32("f".getBytes(StandardCharsets.US_ASCII), 1)).isEqualTo("my");
    }

    @Test
    void pseudoniem_verschiltPerGeheim() {
        assertThat(new Pseudoniemen(geheim(1)).voor(Identificatiesoort.BSN, BSN))
                .isNotEqualTo(new Pseudoniemen(geheim(2)).voor(Identificatiesoort.BSN, BSN));
    }

    @Test
    void pseudoniem_verschiltPerSoort_ookBijDezelfdeCijfers() {
        Pseudoniemen pseudoniemen = new Pseudoniemen(geheim(1));
        // 8 digits that are a valid KVK number and, with a leading zero, a valid BSN.
        String cijfers = IntStream.range(10_000_000, 99_999_999)
                .mapToObj(Integer::toString)
                .filter(n -> Bsn.isGeldig("0" + n))
                .findFirst().orElseThrow();

        assertThat(pseudoniemen.voor(Identificatiesoort.KVK, cijfers))
                .isNotEqualTo(pseudoniemen.voor(Identificatiesoort.BSN, "0" + cijfers));
        assertThat(pseudoniemen.voor(new Kvknummer(cijfers)))
                .isEqualTo(pseudoniemen.voor(Identificatiesoort.KVK, cijfers));
        assertThat(pseudoniemen.voor(new Bsn("0" + cijfers)))
                .isEqualTo(pseudoniemen.voor(Identificatiesoort.BSN, "0" + cijfers));
    }

    @Test
    void pseudoniem_bevatNooitHetNummer() {
        Pseudoniemen pseudoniemen = new Pseudoniemen(geheim(3));
        List<String> bsns = IntStream.range(0, 100_000_000).mapToObj(i -> String.format("%09d", 222_222_222 + i * 37))
                .filter(Bsn::isGeldig).limit(2_000).toList();
        Set<KlantId> gezien = new HashSet<>();

        for (String bsn : bsns) {
            KlantId klant = pseudoniemen.voor(Identificatiesoort.BSN, bsn);
            assertThat(klant.waarde()).doesNotContain(bsn).doesNotContain(bsn.substring(1));
            gezien.add(klant);
        }
        assertThat(gezien).hasSize(bsns.size());
    }

    @Test
    void ongeldigNummer_wordtGeweigerd_zonderHetNummerTeNoemen() {
        Pseudoniemen pseudoniemen = new Pseudoniemen(geheim(1));

        assertThatThrownBy(() -> pseudoniemen.voor(Identificatiesoort.BSN, "111222334"))
                .isInstanceOf(IllegalArgumentException.class)
                .message().doesNotContain("111222334");
        assertThatThrownBy(() -> pseudoniemen.voor(Identificatiesoort.BSN, " 111222333"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> pseudoniemen.voor(Identificatiesoort.ANONIEM, BSN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anoniemeKlant_isHetKlantcontact() {
        UUID contact = UUID.fromString("00000000-0000-4000-8000-00000000abcd");

        KlantId klant = new Pseudoniemen(geheim(1)).anoniem(new KlantcontactId(contact));

        assertThat(klant.waarde()).isEqualTo("anoniem-00000000-0000-4000-8000-00000000abcd");
    }

    @Test
    void teKortGeheim_wordtGeweigerd() {
        assertThatThrownBy(() -> new Pseudoniemen(new byte[31])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pseudoniemen_zijnThreadSafe() {
        Pseudoniemen pseudoniemen = new Pseudoniemen(geheim(4));
        List<String> bsns = IntStream.range(0, 1_000_000).mapToObj(i -> String.format("%09d", 100_000_000 + i * 11))
                .filter(Bsn::isGeldig).limit(5_000).toList();
        List<KlantId> volgtijdelijk = bsns.stream().map(n -> pseudoniemen.voor(Identificatiesoort.BSN, n)).toList();

        List<KlantId> parallel = bsns.parallelStream().map(n -> pseudoniemen.voor(Identificatiesoort.BSN, n)).toList();

        assertThat(parallel).isEqualTo(volgtijdelijk);
    }

    @Test
    void geheim_wordtEenmaalGemaakt_enDaarnaHergebruikt() {
        DataSource database = TestDatabase.nieuweDatabase();

        KlantId eerste = Pseudoniemen.uit(database, Optional.empty()).voor(Identificatiesoort.BSN, BSN);
        KlantId tweede = Pseudoniemen.uit(database, Optional.empty()).voor(Identificatiesoort.BSN, BSN);

        assertThat(tweede).isEqualTo(eerste);
        JdbcTemplate jdbc = new JdbcTemplate(database);
        assertThat(jdbc.queryForObject("select count(*) from pseudoniem_geheim", Integer.class)).isEqualTo(1);
        byte[] opgeslagen = jdbc.queryForObject("select geheim from pseudoniem_geheim", byte[].class);
        assertThat(opgeslagen).hasSize(32);
        assertThat(new Pseudoniemen(opgeslagen).voor(Identificatiesoort.BSN, BSN)).isEqualTo(eerste);
    }

    @Test
    void geheim_vanTweeGelijkStartendeNodes_isHetzelfde() throws Exception {
        DataSource database = TestDatabase.nieuweDatabase();
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<CompletableFuture<KlantId>> nodes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            nodes.add(CompletableFuture.supplyAsync(() -> {
                wacht(start);
                return Pseudoniemen.uit(database, Optional.empty()).voor(Identificatiesoort.BSN, BSN);
            }, threads));
        }

        try {
            assertThat(nodes.get(0).get(30, TimeUnit.SECONDS)).isEqualTo(nodes.get(1).get(30, TimeUnit.SECONDS));
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void geconfigureerdGeheim_gaatVoor_enRaaktDeDatabaseNiet() {
        DataSource database = TestDatabase.nieuweDatabase();
        String geconfigureerd = Base64.getEncoder().encodeToString(geheim(9));

        KlantId klant = Pseudoniemen.uit(database, Optional.of(geconfigureerd)).voor(Identificatiesoort.BSN, BSN);

        assertThat(klant).isEqualTo(new Pseudoniemen(geheim(9)).voor(Identificatiesoort.BSN, BSN));
        assertThat(new JdbcTemplate(database).queryForObject("select count(*) from pseudoniem_geheim", Integer.class))
                .isZero();
    }

    @Test
    void geconfigureerdGeheim_moetBase64VanMinstens32BytesZijn() {
        DataSource database = TestDatabase.nieuweDatabase();

        assertThatThrownBy(() -> Pseudoniemen.uit(database, Optional.of("geen base64!")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Pseudoniemen.uit(database, Optional.of(Base64.getEncoder().encodeToString(new byte[16]))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void snelheid_wordtGeprint() {
        Pseudoniemen pseudoniemen = new Pseudoniemen(geheim(5));
        for (int i = 0; i < 200_000; i++) {
            pseudoniemen.voor(Identificatiesoort.BSN, BSN);
        }
        int aantal = 500_000;
        long start = System.nanoTime();
        for (int i = 0; i < aantal; i++) {
            pseudoniemen.voor(Identificatiesoort.BSN, BSN);
        }
        System.out.printf("Pseudoniemen.voor: %.2f µs per pseudoniem%n", (System.nanoTime() - start) / 1_000.0 / aantal);
    }

    private static void wacht(CyclicBarrier barriere) {
        try {
            barriere.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
