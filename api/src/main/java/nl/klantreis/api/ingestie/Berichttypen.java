package nl.klantreis.api.ingestie;

import java.util.Set;

/** The CloudEvent types of the ingestion contract (EVENTS.md); any other type is rejected. */
public final class Berichttypen {
    public static final String KLANTCONTACT_GEREGISTREERD = "nl.overheid.klantinteracties.klantcontact-geregistreerd";
    public static final String ZAAK_GEREGISTREERD = "nl.overheid.zaken.zaak-geregistreerd";
    public static final String STATUS_GEZET = "nl.overheid.zaken.status-gezet";
    public static final String ZAAK_OPGESCHORT = "nl.overheid.zaken.zaak-opgeschort";
    public static final String ZAAK_HERVAT = "nl.overheid.zaken.zaak-hervat";
    public static final String ZAAK_VERLENGD = "nl.overheid.zaken.zaak-verlengd";
    public static final String ZAAK_AFGESLOTEN = "nl.overheid.zaken.zaak-afgesloten";
    public static final String KANAALVOORKEUR_VASTGELEGD = "nl.overheid.klantinteracties.kanaalvoorkeur-vastgelegd";

    public static final Set<String> ALLE = Set.of(KLANTCONTACT_GEREGISTREERD, ZAAK_GEREGISTREERD, STATUS_GEZET,
            ZAAK_OPGESCHORT, ZAAK_HERVAT, ZAAK_VERLENGD, ZAAK_AFGESLOTEN, KANAALVOORKEUR_VASTGELEGD);

    private Berichttypen() {
    }

    public static boolean bekend(String type) {
        return type != null && ALLE.contains(type);
    }
}
