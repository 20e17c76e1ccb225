package nl.klantreis.api.ingestie;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/**
 * The registry of message types is the sealed {@link Bericht}: the compiler checks that every
 * message record is permitted and has the methods of {@link Bericht}; these check the rest of what
 * a message home must provide, which the compiler cannot see.
 */
class BerichtsoortenTest {

    /**
     * What a message home ({@code XxxBericht}, permitted by {@link Bericht} or {@link Zaakbericht})
     * must provide besides the methods the compiler asks for:
     * <ol>
     * <li>it is a record implementing {@link Bericht}, named {@code XxxBericht};</li>
     * <li>{@code static final String TYPE}, its CloudEvent type;</li>
     * <li>{@code static final Berichtsoort SOORT}, reading {@code TYPE} into this record;</li>
     * <li>its {@code data} for the OpenAPI description: a record nested in it with swagger's
     * {@code @Schema}, named {@code XxxData}, with a description;</li>
     * <li>the fields that record marks required are exactly those the keuring requires.</li>
     * </ol>
     */
    @Test
    void elkThuis_heeftWatEenBerichttypeNodigHeeft() throws ReflectiveOperationException {
        List<Class<?>> thuizen = Berichtsoorten.thuizen();
        assertThat(thuizen).hasSize(Berichtsoorten.alle().size()).isNotEmpty();
        BerichtKeuring keuring = BerichtKeuringFixture.keuringOp(BerichtBouwer.NU);
        for (Class<?> thuis : thuizen) {
            String naam = thuis.getSimpleName();
            assertThat(thuis.isRecord()).as("%s is een record", naam).isTrue();
            assertThat(Bericht.class.isAssignableFrom(thuis)).as("%s is een Bericht", naam).isTrue();
            assertThat(naam).endsWith("Bericht");

            Field typeveld = constante(thuis, "TYPE", String.class);
            String type = (String) typeveld.get(null);
            assertThat(type).as("%s.TYPE", naam).startsWith("nl.overheid.");

            Berichtsoort soort = (Berichtsoort) constante(thuis, Berichtsoorten.VELD, Berichtsoort.class).get(null);
            assertThat(soort.type()).as("%s.SOORT leest %s.TYPE", naam, naam).isEqualTo(type);
            assertThat(soort.bericht()).as("%s.SOORT leest in %s", naam, naam).isEqualTo(thuis);
            assertThat(Berichtsoorten.van(type)).isSameAs(soort);

            Class<?> data = soort.data();
            assertThat(data.getEnclosingClass()).as("de data van %s staat in %s", type, naam).isEqualTo(thuis);
            Schema schema = data.getAnnotation(Schema.class);
            assertThat(schema).as("@Schema op de data van %s", naam).isNotNull();
            assertThat(schema.name()).as("naam van de data van %s", naam).endsWith("Data");
            assertThat(schema.description()).as("beschrijving van de data van %s", naam).isNotBlank();

            assertThat(verplichtInHetSchema(data)).as("verplichte velden van %s in het schema en in de keuring", type)
                    .isEqualTo(verplichtInDeKeuring(keuring, type));
        }
    }

    @Test
    void deTypen_volgenDeVolgordeVanDePermits_enHebbenElkHunData() {
        List<String> inVolgorde = new ArrayList<>();
        for (Class<?> thuis : Berichtsoorten.thuizen()) {
            try {
                inVolgorde.add((String) thuis.getDeclaredField("TYPE").get(null));
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(thuis.getSimpleName(), e);
            }
        }
        assertThat(Berichtsoorten.alle().keySet()).containsExactlyElementsOf(inVolgorde);
        assertThat(Berichttypen.ALLE).containsExactlyElementsOf(inVolgorde);
        assertThat(Berichttypen.data().keySet()).containsExactlyElementsOf(inVolgorde);
        for (Map.Entry<String, Class<?>> data : Berichttypen.data().entrySet()) {
            assertThat(data.getValue()).isSameAs(Berichtsoorten.van(data.getKey()).data());
        }
    }

    @Test
    void onbekendType_heeftGeenSoort() {
        assertThat(Berichtsoorten.van("nl.overheid.zaken.zaak-verdwenen")).isNull();
        assertThat(Berichtsoorten.van(null)).isNull();
        assertThat(Berichttypen.bekend("nl.overheid.zaken.zaak-verdwenen")).isFalse();
        assertThat(Berichttypen.bekend(StatusGezetBericht.TYPE)).isTrue();
    }

    private static Field constante(Class<?> thuis, String naam, Class<?> soort) throws NoSuchFieldException {
        Field veld = thuis.getDeclaredField(naam);
        assertThat(Modifier.isStatic(veld.getModifiers()) && Modifier.isFinal(veld.getModifiers()))
                .as("%s.%s is static final", thuis.getSimpleName(), naam).isTrue();
        assertThat(veld.getType()).as("%s.%s", thuis.getSimpleName(), naam).isEqualTo(soort);
        return veld;
    }

    private static Set<String> verplichtInHetSchema(Class<?> data) throws NoSuchFieldException {
        Set<String> verplicht = new TreeSet<>();
        for (RecordComponent veld : data.getRecordComponents()) {
            Schema schema = data.getDeclaredField(veld.getName()).getAnnotation(Schema.class);
            if (schema != null && schema.requiredMode() == RequiredMode.REQUIRED) {
                verplicht.add(veld.getName());
            }
        }
        return verplicht;
    }

    /** The fields the keuring names as missing in a message of this type with empty {@code data}. */
    private static Set<String> verplichtInDeKeuring(BerichtKeuring keuring, String type) {
        Beoordeling beoordeling = keuring.keur(0, BerichtBouwer.eenStatusGezet().metAttribuut("type", type)
                .metAttribuut("data", Map.of()).bouw());
        Set<String> verplicht = new TreeSet<>();
        for (Fout fout : beoordeling.fouten()) {
            assertThat(fout.pointer()).as("%s: %s", type, fout.detail()).startsWith("/data/");
            if (fout.detail().equals(KeuringVelden.VERPLICHT)) {
                verplicht.add(fout.pointer().substring("/data/".length()));
            }
        }
        return verplicht;
    }
}
