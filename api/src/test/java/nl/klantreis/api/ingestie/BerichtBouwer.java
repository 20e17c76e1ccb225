package nl.klantreis.api.ingestie;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test data builder for ingestion messages: a valid message of each type with obviously fake
 * values, changed one field at a time ({@code eenKlantcontact().met("kanaal", "postduif")}).
 * Times lie shortly before {@link #NU}.
 */
final class BerichtBouwer {
    static final String NU = "2026-03-20T12:00:00Z";
    static final String TEST_BSN = "999990342";
    static final String TEST_KVK = "12345678";
    static final String ZAAK_ID = "5b0e1c3a-8f1d-4f3e-9c55-2b7d1e6a9f01";
    static final String SOURCE = "urn:nld:oin:00000001234567890000:systeem:testsysteem";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger VOLGNUMMER = new AtomicInteger();

    private final ObjectNode bericht;

    private BerichtBouwer(String type, Map<String, ?> data) {
        bericht = JSON.createObjectNode();
        bericht.put("specversion", "1.0");
        bericht.put("id", "test-" + VOLGNUMMER.incrementAndGet());
        bericht.put("source", SOURCE);
        bericht.put("type", type);
        bericht.put("time", "2026-03-20T11:59:00+01:00");
        bericht.put("datacontenttype", "application/json");
        bericht.set("data", JSON.valueToTree(data));
    }

    static BerichtBouwer eenKlantcontact() {
        return new BerichtBouwer(KlantcontactBericht.TYPE, Map.of(
                "klantcontactId", "0b7f2f7e-3a51-4bb9-9a53-2f6e7a0c1d11",
                "plaatsgevondenOp", "2026-03-16T10:05:00+01:00",
                "klant", Map.of("bsn", TEST_BSN),
                "kanaal", "telefoon",
                "onderwerp", "omgevingsvergunning",
                "resultaat", "beantwoord"));
    }

    static BerichtBouwer eenZaakGeregistreerd() {
        return new BerichtBouwer(ZaakGeregistreerdBericht.TYPE, Map.of(
                "zaakId", ZAAK_ID,
                "identificatie", "ZAAK-2026-0000123",
                "zaaktype", "omgevingsvergunning",
                "initiator", Map.of("bsn", TEST_BSN),
                "kanaal", "webformulier",
                "geregistreerdOp", "2026-03-04T20:31:10+01:00"));
    }

    static BerichtBouwer eenStatusGezet() {
        return new BerichtBouwer(StatusGezetBericht.TYPE, Map.of(
                "zaakId", ZAAK_ID,
                "statustype", "ontvangen",
                "datumStatusGezet", "2026-03-04T20:31:12+01:00"));
    }

    static BerichtBouwer eenZaakOpgeschort() {
        return new BerichtBouwer(ZaakOpgeschortBericht.TYPE, Map.of(
                "zaakId", ZAAK_ID,
                "opgeschortOp", "2026-03-09T11:00:00+01:00",
                "reden", "Aanvullende gegevens gevraagd"));
    }

    static BerichtBouwer eenZaakHervat() {
        return new BerichtBouwer(ZaakHervatBericht.TYPE, Map.of(
                "zaakId", ZAAK_ID,
                "hervatOp", "2026-03-18T09:30:00+01:00"));
    }

    static BerichtBouwer eenZaakVerlengd() {
        return new BerichtBouwer(ZaakVerlengdBericht.TYPE, Map.of(
                "zaakId", ZAAK_ID,
                "verlengdOp", "2026-03-19T09:00:00+01:00",
                "duurDagen", 42,
                "reden", "Advies welstandscommissie nodig"));
    }

    static BerichtBouwer eenZaakAfgesloten() {
        return new BerichtBouwer(ZaakAfgeslotenBericht.TYPE, Map.of(
                "zaakId", ZAAK_ID,
                "afgeslotenOp", "2026-03-19T08:00:00+01:00",
                "resultaat", "toegekend"));
    }

    static BerichtBouwer eenKanaalvoorkeur() {
        return new BerichtBouwer(KanaalvoorkeurBericht.TYPE, Map.of(
                "klant", Map.of("bsn", TEST_BSN),
                "kanaal", "email",
                "vastgelegdOp", "2026-03-10T15:00:00+01:00"));
    }

    /** Sets a field of {@code data}; {@code null} becomes JSON null, maps and lists become objects and arrays. */
    BerichtBouwer met(String veld, Object waarde) {
        data().set(veld, JSON.valueToTree(waarde));
        return this;
    }

    BerichtBouwer zonder(String veld) {
        data().remove(veld);
        return this;
    }

    /** Sets an envelope attribute (or any top-level member, such as {@code data} itself). */
    BerichtBouwer metAttribuut(String naam, Object waarde) {
        bericht.set(naam, JSON.valueToTree(waarde));
        return this;
    }

    BerichtBouwer zonderAttribuut(String naam) {
        bericht.remove(naam);
        return this;
    }

    JsonNode bouw() {
        return bericht.deepCopy();
    }

    private ObjectNode data() {
        return (ObjectNode) bericht.get("data");
    }
}
