package nl.klantreis.simulatie;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Makes the CloudEvents envelope (structured mode, NL GOV profile) of one klant's messages.
 * Ids are unique per source: every id carries a label of the seed, the klant's index and a
 * running number, so runs with other seeds can share a database without their messages being
 * taken for resends.
 */
final class Berichtmaker {
    static final String OIN = "00000001234567890000";
    static final String KLANTCONTACT_GEREGISTREERD = "nl.overheid.klantinteracties.klantcontact-geregistreerd";
    static final String KANAALVOORKEUR_VASTGELEGD = "nl.overheid.klantinteracties.kanaalvoorkeur-vastgelegd";
    static final String ZAAK_GEREGISTREERD = "nl.overheid.zaken.zaak-geregistreerd";
    static final String STATUS_GEZET = "nl.overheid.zaken.status-gezet";
    static final String ZAAK_OPGESCHORT = "nl.overheid.zaken.zaak-opgeschort";
    static final String ZAAK_HERVAT = "nl.overheid.zaken.zaak-hervat";
    static final String ZAAK_VERLENGD = "nl.overheid.zaken.zaak-verlengd";
    static final String ZAAK_AFGESLOTEN = "nl.overheid.zaken.zaak-afgesloten";

    /** RFC 3339 with the numeric offset Dutch systems write (+01:00 or +02:00, never Z). */
    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final String zaadlabel;
    private final int klant;
    private int volgnummer;

    Berichtmaker(String zaadlabel, int klant) {
        this.zaadlabel = zaadlabel;
        this.klant = klant;
    }

    /** The envelope; the caller fills {@code data}. */
    ObjectNode envelop(String systeem, String voorvoegsel, String type, Instant gelogd) {
        ObjectNode bericht = JSON.objectNode();
        bericht.put("specversion", "1.0");
        bericht.put("id", voorvoegsel + '-' + zaadlabel + '-' + klant + '-' + (++volgnummer));
        bericht.put("source", "urn:nld:oin:" + OIN + ":systeem:" + systeem);
        bericht.put("type", type);
        bericht.put("time", tijd(gelogd));
        bericht.put("datacontenttype", "application/json");
        bericht.putObject("data");
        return bericht;
    }

    static ObjectNode data(ObjectNode bericht) {
        return (ObjectNode) bericht.get("data");
    }

    static String tijd(Instant moment) {
        return RFC3339.format(moment.atZone(Simulatie.AMSTERDAM));
    }
}
