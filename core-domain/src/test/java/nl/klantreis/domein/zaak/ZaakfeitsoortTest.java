package nl.klantreis.domein.zaak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ZaakfeitsoortTest {

    @Test
    void elkeSoort_heeftDeCodeVanHetOpgeslagenEvent_enWordtErWeerUitGelezen() {
        assertThat(Zaakfeitsoort.values()).extracting(Zaakfeitsoort::code).containsExactly("status-gezet",
                "zaak-opgeschort", "zaak-hervat", "zaak-verlengd", "zaak-afgesloten");
        for (Zaakfeitsoort soort : Zaakfeitsoort.values()) {
            assertThat(Zaakfeitsoort.metCode(soort.code())).isSameAs(soort);
            assertThat(soort).hasToString(soort.code());
        }
    }

    @Test
    void eenOnbekendeCode_wordtGeweigerd() {
        assertThatThrownBy(() -> Zaakfeitsoort.metCode("STATUS_GEZET")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Zaakfeitsoort.metCode(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
