package nl.klantreis.api.ingestie;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The CloudEvent types of the ingestion contract (EVENTS.md), for outside this package: the
 * OpenAPI description derives its schemas from them, so a new type is described without a
 * change there. Each type is declared by its own message record; any other type is rejected.
 */
public final class Berichttypen {
    /** Every type some {@link Berichtsoort} reads, in the order of the contract (the {@code permits}). */
    public static final Set<String> ALLE = Collections.unmodifiableSet(new LinkedHashSet<>(Berichtsoorten.alle().keySet()));

    private Berichttypen() {
    }

    public static boolean bekend(String type) {
        return Berichtsoorten.van(type) != null;
    }

    /**
     * The shape of each type's {@code data}, in the order of {@link #ALLE}: a record with swagger's
     * {@code @Schema}, named {@code XxxData}, for the OpenAPI description only (the keuring reads
     * the raw JSON itself, and checks more than a schema can say).
     */
    public static Map<String, Class<?>> data() {
        Map<String, Class<?>> data = new LinkedHashMap<>();
        Berichtsoorten.alle().forEach((type, soort) -> data.put(type, soort.data()));
        return Collections.unmodifiableMap(data);
    }
}
