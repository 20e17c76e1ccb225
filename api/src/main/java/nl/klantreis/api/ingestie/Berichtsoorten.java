package nl.klantreis.api.ingestie;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every {@link Berichtsoort}, collected once, at class load, from the records that {@link Bericht}
 * permits (directly or through {@link Zaakbericht}): each declares its own as a constant
 * {@code SOORT}. The sealed interfaces are the one list of types, checked by the compiler (a
 * message record that is not permitted does not compile), read without class-path scanning, and
 * in their order, which is the order of the OpenAPI description.
 */
final class Berichtsoorten {
    /** The name of the constant each message record declares its soort in. */
    static final String VELD = "SOORT";
    private static final Map<String, Berichtsoort> PER_TYPE = verzamel();

    private Berichtsoorten() {
    }

    /** The reader of a type, or {@code null} for a type the contract does not know. */
    static Berichtsoort van(String type) {
        return type == null ? null : PER_TYPE.get(type);
    }

    /** Every soort by its type, in the order of the {@code permits} clauses. */
    static Map<String, Berichtsoort> alle() {
        return PER_TYPE;
    }

    /** The message records, depth first through the sealed interfaces, in the order they are permitted. */
    static List<Class<?>> thuizen() {
        List<Class<?>> thuizen = new ArrayList<>();
        thuizen(Bericht.class, thuizen);
        return thuizen;
    }

    private static void thuizen(Class<?> klasse, List<Class<?>> thuizen) {
        if (klasse.isRecord()) {
            thuizen.add(klasse);
        } else if (klasse.isSealed()) {
            for (Class<?> toegestaan : klasse.getPermittedSubclasses()) {
                thuizen(toegestaan, thuizen);
            }
        } else {
            throw new IllegalStateException(klasse.getName() + " is geen record en niet sealed: een bericht hoort"
                    + " een record te zijn, of een sealed interface van records");
        }
    }

    private static Map<String, Berichtsoort> verzamel() {
        Map<String, Berichtsoort> soorten = new LinkedHashMap<>();
        for (Class<?> thuis : thuizen()) {
            Berichtsoort soort = soortVan(thuis);
            if (soorten.putIfAbsent(soort.type(), soort) != null) {
                throw new IllegalStateException("twee berichtsoorten voor " + soort.type());
            }
        }
        return Collections.unmodifiableMap(soorten);
    }

    private static Berichtsoort soortVan(Class<?> thuis) {
        try {
            Field veld = thuis.getDeclaredField(VELD);
            if (!Modifier.isStatic(veld.getModifiers()) || veld.getType() != Berichtsoort.class) {
                throw new IllegalStateException(thuis.getName() + "." + VELD + " is geen static Berichtsoort");
            }
            Berichtsoort soort = (Berichtsoort) veld.get(null);
            if (soort == null || soort.bericht() != thuis) {
                throw new IllegalStateException(thuis.getName() + "." + VELD + " leest niet in " + thuis.getSimpleName()
                        + " maar in " + (soort == null ? null : soort.bericht().getSimpleName()));
            }
            return soort;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(thuis.getName() + " mist zijn berichtsoort (static final Berichtsoort "
                    + VELD + ")", e);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(thuis.getName() + "." + VELD + " is niet te lezen", e);
        }
    }
}
