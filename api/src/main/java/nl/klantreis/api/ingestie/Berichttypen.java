package nl.klantreis.api.ingestie;

import java.util.Set;

/**
 * The CloudEvent types of the ingestion contract (EVENTS.md); any other type is rejected. Each
 * type is declared by its own message record; the constants here are for the OpenAPI
 * description, which names them in annotations and so needs compile-time constants.
 */
public final class Berichttypen {
    public static final String KLANTCONTACT_GEREGISTREERD = KlantcontactBericht.TYPE;
    public static final String ZAAK_GEREGISTREERD = ZaakGeregistreerdBericht.TYPE;
    public static final String STATUS_GEZET = StatusGezetBericht.TYPE;
    public static final String ZAAK_OPGESCHORT = ZaakOpgeschortBericht.TYPE;
    public static final String ZAAK_HERVAT = ZaakHervatBericht.TYPE;
    public static final String ZAAK_VERLENGD = ZaakVerlengdBericht.TYPE;
    public static final String ZAAK_AFGESLOTEN = ZaakAfgeslotenBericht.TYPE;
    public static final String KANAALVOORKEUR_VASTGELEGD = KanaalvoorkeurBericht.TYPE;

    /** Every type some {@link Berichtsoort} reads. */
    public static final Set<String> ALLE = Set.copyOf(Berichtsoorten.alle().keySet());

    private Berichttypen() {
    }

    public static boolean bekend(String type) {
        return Berichtsoorten.van(type) != null;
    }
}
