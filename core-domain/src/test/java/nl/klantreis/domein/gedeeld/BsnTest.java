package nl.klantreis.domein.gedeeld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class BsnTest {

    @Test
    void testBsnVanHetVoorbeeld_voldoetAanDeElfproef() {
        // 9*9 + 8*9 + 7*9 + 6*9 + 5*9 + 4*0 + 3*3 + 2*4 - 1*2 = 330 = 30 * 11
        assertThat(Bsn.isGeldig("999990342")).isTrue();
        assertThat(new Bsn("999990342").nummer()).isEqualTo("999990342");
    }

    @Test
    void nummerDatDeElfproefNietHaalt_isOngeldig() {
        // 9*1 + 8*2 + ... + 2*8 - 1*9 = 147, not divisible by 11
        assertThat(Bsn.isGeldig("123456789")).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> new Bsn("123456789"));
    }

    @Test
    void laatsteCijferTeltMetMinEen_inDeElfproef() {
        // first eight digits of 999990342 weigh 332; 332 + 9 = 341 = 31 * 11 would pass if the ninth digit
        // counted +1, but the elfproef subtracts it: 332 - 9 = 323, not divisible by 11
        assertThat(Bsn.isGeldig("999990349")).isFalse();
        assertThat(Bsn.isGeldig("111111110")).isTrue(); // 44 - 0 = 4 * 11
    }

    @ParameterizedTest
    @ValueSource(strings = {"99999034", "9999903420", "0999990342", " 999990342", "999 990 342"})
    void verkeerdeLengte_isOngeldig(String nummer) {
        assertThat(Bsn.isGeldig(nummer)).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> new Bsn(nummer));
    }

    @ParameterizedTest
    @ValueSource(strings = {"99999034a", "ABCDEFGHI", "99999-342", "٩٩٩٩٩٠٣٤٢"})
    void letters_enAndereTekens_zijnOngeldig(String nummer) {
        assertThat(Bsn.isGeldig(nummer)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void leegOfNull_isOngeldig(String nummer) {
        assertThat(Bsn.isGeldig(nummer)).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> new Bsn(nummer));
    }

    @Test
    void alleenNullen_isOngeldig_ookAlHaaltHetDeElfproef() {
        assertThat(Bsn.isGeldig("000000000")).isFalse();
    }

    @Test
    void toString_toontHetNummerNooit() {
        Bsn bsn = new Bsn("999990342");

        assertThat(bsn.toString()).doesNotContain("999990342").doesNotContain("0342").doesNotContain("99999");
        assertThat(String.valueOf(java.util.List.of(bsn))).doesNotContain("999990342");
    }

    @Test
    void foutmelding_toontHetNummerNooit() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Bsn("123456789"))
                .withMessageNotContaining("123456789");
    }

    @Test
    void tweeBsnsMetHetzelfdeNummer_zijnGelijk() {
        assertThat(new Bsn("999990342")).isEqualTo(new Bsn("999990342")).isNotEqualTo(new Bsn("111111110"));
    }

    @Test
    void achtCijfers_wordenAangevuldTotEenGeldigBsn_ofNietAlsDeElfproefTienOverlaat() {
        assertThat(Bsn.aangevuld("99999034")).contains("999990342");
        int geldig = 0;
        for (int n = 10_000_000; n < 10_002_000; n++) {
            java.util.Optional<String> bsn = Bsn.aangevuld(Integer.toString(n));
            bsn.ifPresent(b -> assertThat(Bsn.isGeldig(b)).isTrue());
            geldig += bsn.isPresent() ? 1 : 0;
        }
        // One in eleven sums leaves 10: no ninth digit exists for those.
        assertThat(geldig).isBetween(1_780, 1_860);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Bsn.aangevuld("1234567"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void willekeurig_geeftGeldigeNummersMetHetVoorvoegsel() {
        java.util.Random kans = new java.util.Random(1);
        for (int i = 0; i < 200; i++) {
            String bsn = Bsn.willekeurig(kans, "9999");
            assertThat(bsn).startsWith("9999").hasSize(9);
            assertThat(Bsn.isGeldig(bsn)).isTrue();
        }
    }
}
