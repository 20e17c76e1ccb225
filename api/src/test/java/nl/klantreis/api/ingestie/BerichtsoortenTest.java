package nl.klantreis.api.ingestie;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The registry of message types is found, not listed: these guard that finding every type's home
 * still works (a home that is not found would reject its type as unknown).
 */
class BerichtsoortenTest {

    @Test
    void elkeSoortWordtGevonden_ookDieDeOpenApiBeschrijvingNoemt() throws IllegalAccessException {
        Set<String> genoemd = new java.util.HashSet<>();
        for (Field veld : Berichttypen.class.getFields()) {
            if (veld.getType() == String.class) {
                genoemd.add((String) veld.get(null));
            }
        }
        assertThat(genoemd).isNotEmpty();
        assertThat(Berichtsoorten.alle().keySet()).containsAll(genoemd);
        assertThat(Berichttypen.ALLE).isEqualTo(Berichtsoorten.alle().keySet());
    }

    /** The home of a type is its record: the Soort is nested in it and reads the type the record declares. */
    @Test
    void elkeSoort_leestHetTypeVanHetBerichtWaarinZeStaat() throws ReflectiveOperationException {
        for (Map.Entry<String, Berichtsoort> soort : Berichtsoorten.alle().entrySet()) {
            Class<?> thuis = soort.getValue().getClass().getEnclosingClass();
            assertThat(thuis).isNotNull().matches(Class::isRecord, "een record");
            assertThat(Bericht.class.isAssignableFrom(thuis)).as(thuis.getSimpleName()).isTrue();
            assertThat(thuis.getDeclaredField("TYPE").get(null)).isEqualTo(soort.getKey());
        }
    }

    @Test
    void onbekendType_heeftGeenSoort() {
        assertThat(Berichtsoorten.van("nl.overheid.zaken.zaak-verdwenen")).isNull();
        assertThat(Berichtsoorten.van(null)).isNull();
        assertThat(Berichttypen.bekend("nl.overheid.zaken.zaak-verdwenen")).isFalse();
        assertThat(Berichttypen.bekend(StatusGezetBericht.TYPE)).isTrue();
    }
}
