package nl.klantreis.infrastructuur.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import nl.klantreis.domein.gedeeld.Versleuteld;

class VersleutelingTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final Versleuteling versleuteling = new Versleuteling();

    private static Sleutel nieuweSleutel() {
        byte[] materiaal = new byte[32];
        RANDOM.nextBytes(materiaal);
        return new Sleutel(UUID.randomUUID(), materiaal);
    }

    private static Function<String, Optional<Sleutel>> alleen(Sleutel... sleutels) {
        return id -> Arrays.stream(sleutels).filter(s -> s.id().toString().equals(id)).findFirst();
    }

    @Test
    void versleuteldeTekst_komtOnveranderdTerug() {
        Sleutel sleutel = nieuweSleutel();
        for (String tekst : new String[] {"", "Mevrouw belt over haar WMO-aanvraag", "ë€😀\n\t\"'", "x".repeat(10_000)}) {
            Versleuteld waarde = versleuteling.versleutel(sleutel, tekst);

            assertThat(versleuteling.ontsleutel(waarde, alleen(sleutel))).contains(tekst);
        }
    }

    @Test
    void versleuteldeWaarde_noemtDeSleutel_inVersie1MetBase64urlZonderOpvulling() {
        Sleutel sleutel = nieuweSleutel();

        Versleuteld waarde = versleuteling.versleutel(sleutel, "abc");

        assertThat(waarde.sleutel()).isEqualTo(sleutel.id().toString());
        assertThat(waarde.waarde()).matches("[A-Za-z0-9_-]+").doesNotContain("abc");
        byte[] bytes = Base64.getUrlDecoder().decode(waarde.waarde());
        assertThat(bytes).hasSize(1 + 12 + 3 + 16);
        assertThat(bytes[0]).isEqualTo((byte) 1);
    }

    @Test
    void zelfdeTekst_versleuteltElkeKeerAnders() {
        Sleutel sleutel = nieuweSleutel();

        assertThat(versleuteling.versleutel(sleutel, "zelfde").waarde())
                .isNotEqualTo(versleuteling.versleutel(sleutel, "zelfde").waarde());
    }

    @Test
    void null_blijftLeeg() {
        assertThat(versleuteling.versleutel(nieuweSleutel(), null)).isNull();
        assertThat(versleuteling.ontsleutel(null, id -> Optional.empty())).isEmpty();
    }

    @Test
    void verdwenenSleutel_geeftLeeg() {
        Versleuteld waarde = versleuteling.versleutel(nieuweSleutel(), "vergeten tekst");

        assertThat(versleuteling.ontsleutel(waarde, id -> Optional.empty())).isEmpty();
    }

    @Test
    void verkeerdeSleutelMetDezelfdeId_wordtGeweigerd() {
        Sleutel sleutel = nieuweSleutel();
        Sleutel vervalst = new Sleutel(sleutel.id(), nieuweSleutel().materiaal());
        Versleuteld waarde = versleuteling.versleutel(sleutel, "geheim");

        assertThatThrownBy(() -> versleuteling.ontsleutel(waarde, alleen(vervalst)))
                .isInstanceOf(OntsleutelenMislukt.class)
                .hasMessageContaining(sleutel.id().toString());
    }

    @Test
    void sleutelMetAndereId_wordtGeweigerd() {
        Sleutel sleutel = nieuweSleutel();
        Sleutel ander = nieuweSleutel();
        Versleuteld waarde = versleuteling.versleutel(sleutel, "geheim");

        assertThatThrownBy(() -> versleuteling.ontsleutel(waarde, id -> Optional.of(ander)))
                .isInstanceOf(OntsleutelenMislukt.class);
    }

    @Test
    void waardeVerhuisdNaarAndereSleutelId_wordtGeweigerd_ookBijGelijkMateriaal() {
        Sleutel sleutel = nieuweSleutel();
        Sleutel tweeling = new Sleutel(UUID.randomUUID(), sleutel.materiaal());
        Versleuteld waarde = versleuteling.versleutel(sleutel, "geheim");
        Versleuteld verhuisd = new Versleuteld(tweeling.id().toString(), waarde.waarde());

        assertThatThrownBy(() -> versleuteling.ontsleutel(verhuisd, alleen(tweeling)))
                .isInstanceOf(OntsleutelenMislukt.class);
    }

    @Test
    void gewijzigdeWaarde_wordtGeweigerd() {
        Sleutel sleutel = nieuweSleutel();
        Versleuteld waarde = versleuteling.versleutel(sleutel, "Meneer wil bezwaar maken");
        byte[] bytes = Base64.getUrlDecoder().decode(waarde.waarde());

        for (int positie : new int[] {1, 12, 13, 20, bytes.length - 1}) {
            byte[] gewijzigd = bytes.clone();
            gewijzigd[positie] ^= 0x01;
            Versleuteld vervalst = new Versleuteld(waarde.sleutel(),
                    Base64.getUrlEncoder().withoutPadding().encodeToString(gewijzigd));

            assertThatThrownBy(() -> versleuteling.ontsleutel(vervalst, alleen(sleutel)))
                    .as("byte %d gewijzigd", positie)
                    .isInstanceOf(OntsleutelenMislukt.class)
                    .hasMessageContaining("gewijzigd");
        }
    }

    @Test
    void afgekapteOfOnbekendeWaarde_wordtGeweigerd() {
        Sleutel sleutel = nieuweSleutel();
        Versleuteld waarde = versleuteling.versleutel(sleutel, "tekst");
        byte[] bytes = Base64.getUrlDecoder().decode(waarde.waarde());
        byte[] andereVersie = bytes.clone();
        andereVersie[0] = 2;
        Base64.Encoder codeerder = Base64.getUrlEncoder().withoutPadding();

        for (String vervalst : new String[] {
                waarde.waarde().substring(0, 20),
                codeerder.encodeToString(Arrays.copyOf(bytes, bytes.length - 1)),
                codeerder.encodeToString(andereVersie),
                "geen*base64"}) {
            assertThatThrownBy(() -> versleuteling.ontsleutel(new Versleuteld(waarde.sleutel(), vervalst),
                    alleen(sleutel)))
                    .isInstanceOf(OntsleutelenMislukt.class);
        }
    }

    @Test
    void sleutel_toontZijnMateriaalNooit_enLaatHetNietWijzigen() {
        byte[] materiaal = new byte[32];
        Arrays.fill(materiaal, (byte) 0x5a);
        Sleutel sleutel = new Sleutel(UUID.randomUUID(), materiaal);

        assertThat(sleutel.toString())
                .contains(sleutel.id().toString())
                .doesNotContain(HexFormat.of().formatHex(materiaal))
                .doesNotContain(Base64.getEncoder().encodeToString(materiaal))
                .doesNotContain(Arrays.toString(materiaal));
        materiaal[0] = 0;
        sleutel.materiaal()[1] = 0;
        assertThat(sleutel.materiaal()).containsOnly((byte) 0x5a);
        assertThat(sleutel).isEqualTo(new Sleutel(sleutel.id(), sleutel.materiaal()));
        assertThatThrownBy(() -> new Sleutel(UUID.randomUUID(), new byte[16]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void snelheid_wordtGeprint() {
        Sleutel sleutel = nieuweSleutel();
        String tekst = "Klant belt over de voortgang van zijn aanvraag en wil weten wanneer er een besluit komt. "
                + "Uitgelegd dat de behandeltermijn acht weken is; terugbelverzoek aangemaakt voor de casemanager. "
                + "Akkoord, dag!!!";
        assertThat(tekst).hasSize(200);
        Map<String, Optional<Sleutel>> sleutels = Map.of(sleutel.id().toString(), Optional.of(sleutel));
        Versleuteld waarde = versleuteling.versleutel(sleutel, tekst);
        for (int i = 0; i < 200_000; i++) {
            versleuteling.versleutel(sleutel, tekst);
            versleuteling.ontsleutel(waarde, sleutels::get);
        }

        int aantal = 500_000;
        long start = System.nanoTime();
        for (int i = 0; i < aantal; i++) {
            waarde = versleuteling.versleutel(sleutel, tekst);
        }
        double versleutelen = (System.nanoTime() - start) / 1_000.0 / aantal;
        start = System.nanoTime();
        for (int i = 0; i < aantal; i++) {
            versleuteling.ontsleutel(waarde, sleutels::get);
        }
        double ontsleutelen = (System.nanoTime() - start) / 1_000.0 / aantal;

        System.out.printf("Versleuteling van 200 tekens: versleutel %.2f µs, ontsleutel %.2f µs%n",
                versleutelen, ontsleutelen);
    }
}
