package nl.klantreis.bronnen;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A CloudEvent of the ingestion contract made from a source's resource. Its {@code id} is derived from what
 * happened and the URL of the resource that says so ({@code status-gezet:} + a name-based UUID of the status's URL),
 * never from when it was fetched: a notification delivered twice, a zaak read again by the backfill, or a melding
 * retried after a crash gives the same (source, id), which the ingestion answers with {@code duplicate}.
 */
final class Bronbericht {
    private static final String PREFIX = "nl.overheid.";

    private Bronbericht() {
    }

    /**
     * @param type     the contract's type without {@code nl.overheid.}, e.g. {@code zaken.status-gezet}
     * @param bronUrl  the URL of the resource that records this fact
     */
    static ObjectNode maak(String source, String type, String bronUrl, ObjectNode data) {
        String kort = type.substring(type.indexOf('.') + 1);
        ObjectNode bericht = JsonNodeFactory.instance.objectNode();
        bericht.put("specversion", "1.0");
        bericht.put("id", kort + ":" + naamUuid(bronUrl));
        bericht.put("source", source);
        bericht.put("type", PREFIX + type);
        bericht.put("datacontenttype", "application/json");
        bericht.set("data", data);
        return bericht;
    }

    /** A version-5-style UUID (SHA-1 would do; SHA-256 truncated is used) of the URL: stable, 36 characters. */
    static UUID naamUuid(String url) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
            long hoog = 0;
            long laag = 0;
            for (int i = 0; i < 8; i++) {
                hoog = (hoog << 8) | (hash[i] & 0xff);
                laag = (laag << 8) | (hash[i + 8] & 0xff);
            }
            return new UUID(hoog, laag);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
