package nl.klantreis.infrastructuur.beveiliging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LokaleSleutelTest {

    @Test
    void eersteStart_maaktEenSleutelbestand_alleenVoorDeEigenaar(@TempDir Path dataMap) throws Exception {
        LokaleSleutel sleutel = LokaleSleutel.laadOfMaak(dataMap);

        Path bestand = dataMap.resolve("sleutels").resolve("token-ondertekening.jwk");
        assertThat(sleutel.pad()).isEqualTo(bestand.toAbsolutePath().normalize());
        assertThat(bestand).isRegularFile();
        assertThat(sleutel.jwk().isPrivate()).isTrue();
        assertThat(sleutel.jwk().size()).isEqualTo(2048);
        assumeTrue(dataMap.getFileSystem().supportedFileAttributeViews().contains("posix"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(bestand))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(bestand.getParent())))
                .isEqualTo("rwx------");
    }

    @Test
    void volgendeStart_gebruiktDezelfdeSleutel(@TempDir Path dataMap) throws Exception {
        LokaleSleutel eerste = LokaleSleutel.laadOfMaak(dataMap);
        String inhoud = Files.readString(eerste.pad());

        LokaleSleutel tweede = LokaleSleutel.laadOfMaak(dataMap);
        LokaleSleutel alleenLaden = LokaleSleutel.laad(dataMap);

        assertThat(tweede.jwk()).isEqualTo(eerste.jwk());
        assertThat(alleenLaden.jwk()).isEqualTo(eerste.jwk());
        assertThat(tweede.sleutelId()).isEqualTo(eerste.sleutelId()).isNotBlank();
        assertThat(Files.readString(eerste.pad())).isEqualTo(inhoud);
    }

    @Test
    void tegelijkStarten_eindigtMetEenSleutel_dieIedereenGebruikt(@TempDir Path dataMap) throws Exception {
        int processen = 8;
        ExecutorService pool = Executors.newFixedThreadPool(processen);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<LokaleSleutel>> sleutels = new ArrayList<>();
            for (int i = 0; i < processen; i++) {
                sleutels.add(pool.submit(() -> {
                    start.await();
                    return LokaleSleutel.laadOfMaak(dataMap);
                }));
            }
            start.countDown();
            Set<String> ids = new java.util.HashSet<>();
            for (Future<LokaleSleutel> sleutel : sleutels) {
                ids.add(sleutel.get().sleutelId());
            }
            assertThat(ids).hasSize(1);
            assertThat(ids).containsExactly(LokaleSleutel.laad(dataMap).sleutelId());
            try (Stream<Path> bestanden = Files.list(dataMap.resolve("sleutels"))) {
                assertThat(bestanden.map(p -> p.getFileName().toString()).collect(Collectors.toList()))
                        .containsExactly("token-ondertekening.jwk");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void laden_zonderSleutel_maaktGeenSleutel(@TempDir Path dataMap) {
        assertThatThrownBy(() -> LokaleSleutel.laad(dataMap)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("start de engine eerst");
        assertThat(dataMap.resolve("sleutels").resolve("token-ondertekening.jwk")).doesNotExist();
    }

    @Test
    void eenOnleesbaarSleutelbestand_wordtNietStilVervangen(@TempDir Path dataMap) throws Exception {
        Path bestand = LokaleSleutel.bestand(dataMap);
        Files.createDirectories(bestand.getParent());
        Files.writeString(bestand, "geen sleutel");

        assertThatThrownBy(() -> LokaleSleutel.laadOfMaak(dataMap)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("geen leesbare JWK");
        assertThat(Files.readString(bestand)).isEqualTo("geen sleutel");
    }

    @Test
    void hetPubliekeDeel_entoString_bevattenGeenGeheim(@TempDir Path dataMap) {
        LokaleSleutel sleutel = LokaleSleutel.laadOfMaak(dataMap);

        assertThat(sleutel.publiekeJwk().isPrivate()).isFalse();
        assertThat(sleutel.publiekeJwkSet().toJSONObject().toString()).doesNotContain("\"d\"").doesNotContain("\"p\"");
        assertThat(sleutel.publiekeSleutel().getModulus()).isEqualTo(sleutel.jwk().getModulus().decodeToBigInteger());
        assertThat(sleutel.toString()).contains(sleutel.sleutelId())
                .doesNotContain(sleutel.jwk().getPrivateExponent().toString());
    }
}
