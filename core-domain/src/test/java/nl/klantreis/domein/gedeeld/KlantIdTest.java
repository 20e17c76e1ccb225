package nl.klantreis.domein.gedeeld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KlantIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"k-testklant0001", "anoniem-a1b2c3d4", "k-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"})
    void pseudoniemVanDeJuisteVorm_isEenKlantId(String waarde) {
        assertThat(new KlantId(waarde).toString()).isEqualTo(waarde);
    }

    @ParameterizedTest
    @ValueSource(strings = {"999990342", "k-kort", "K-testklant0001", "k_testklant0001", "abcdefghi-testklant0001",
            "k-testklant0001 ", "k-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0"})
    void bsnOfAndereVorm_isGeenKlantId(String waarde) {
        assertThatIllegalArgumentException().isThrownBy(() -> new KlantId(waarde));
    }

    @org.junit.jupiter.api.Test
    void null_isGeenKlantId() {
        assertThatNullPointerException().isThrownBy(() -> new KlantId(null));
    }
}
