package nl.klantreis.api.ingestie;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.jackson.JsonCloudEventData;
import io.cloudevents.jackson.JsonFormat;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import nl.klantreis.domein.gedeeld.Bsn;
import nl.klantreis.domein.referentie.Catalogus;
import nl.klantreis.domein.referentie.Kanalen;

/**
 * Judges one message of the ingestion contract (EVENTS.md) against its rules and the reference
 * data: the CloudEvents envelope and, whenever the type is known, the {@code data} of that
 * type. It names every broken rule of a message, not only the first, so a sender can repair a
 * message in one go. A message without fouten is read into its {@link Bericht}. The envelope is
 * judged here; the {@code data} of a type by that type's own {@link Berichtsoort}.
 *
 * <p>Thread-safe; meant to be shared. Facts that need state (duplicates, the zaak a status
 * belongs to, the zaak's own verlenging limit) are not judged here.
 */
final class BerichtKeuring {
    /** How far in the future a time in {@code data} may lie: clocks of senders drift. */
    static final Duration SPELING_TOEKOMST = Duration.ofMinutes(5);
    static final int LANGSTE_TEKST = 2_000;
    /**
     * {@code id}, {@code source}, {@code type}, {@code datacontenttype} and {@code medewerker}: they
     * identify something. (source, id) is a primary key: 2 x 256 code points are at most 2,048 bytes
     * of UTF-8, well below PostgreSQL's limit of about 2,700 bytes for a btree entry.
     */
    static final int LANGSTE_ATTRIBUUT = 256;
    /** {@code subject}, {@code dataschema} and extension attributes: longer, and neither stored nor indexed. */
    static final int LANGSTE_VRIJ_ATTRIBUUT = 1_024;

    private static final Set<String> ATTRIBUTEN = Set.of("specversion", "id", "source", "type", "time",
            "datacontenttype", "dataschema", "subject", "data", "data_base64");

    private static final String APPLICATION_JSON = "application/json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final EventFormat CLOUDEVENTS_JSON = new JsonFormat();

    private final Naslag naslag;
    private final Clock klok;
    private final EventFormat cloudevents;

    BerichtKeuring(Kanalen kanalen, Catalogus catalogus, Clock klok) {
        this(kanalen, catalogus, klok, CLOUDEVENTS_JSON);
    }

    /** With another reader of the envelope: lets a test show what happens when the SDK refuses. */
    BerichtKeuring(Kanalen kanalen, Catalogus catalogus, Clock klok, EventFormat cloudevents) {
        this.naslag = new Naslag(Objects.requireNonNull(kanalen, "kanalen"),
                Objects.requireNonNull(catalogus, "catalogus"));
        this.klok = Objects.requireNonNull(klok, "klok");
        this.cloudevents = Objects.requireNonNull(cloudevents, "cloudevents");
    }

    /**
     * @param positie the message's index in its batch, carried into the answer
     * @param bericht the message as parsed JSON
     */
    Beoordeling keur(int positie, JsonNode bericht) {
        if (bericht == null || !bericht.isObject()) {
            return new Beoordeling(positie, null, null, null, null,
                    List.of(new Fout("", "bericht moet een JSON-object zijn")));
        }
        String source = tekstOfNull(bericht.get("source"));
        String id = tekstOfNull(bericht.get("id"));
        String type = tekstOfNull(bericht.get("type"));

        // Characters first: a message with a broken string goes nowhere near the SDK or SQL.
        List<Fout> tekens = new ArrayList<>(0);
        List<Fout> lengtes = new ArrayList<>(0);
        KeuringTekens.keur(bericht, tekens, lengtes);
        List<Fout> fouten = new ArrayList<>(4);
        fouten.addAll(tekens);
        fouten.addAll(lengtes);
        keurEnvelop(bericht, type, fouten);

        JsonNode data = bericht.get("data");
        CloudEvent event = null;
        if (fouten.isEmpty()) {
            // The SDK has the last word on the envelope; its data is what the engine reads.
            try {
                event = cloudevents.deserialize(JSON.writeValueAsBytes(bericht));
                data = dataVan(event);
            } catch (IOException | RuntimeException e) {
                fouten.add(new Fout("", "geen geldig CloudEvent: " + KeuringTekst.zonderNummers(sdkMelding(e))));
                event = null;
                data = bericht.get("data");
            }
        }

        Bericht gelezen = null;
        Berichtsoort soort = Berichtsoorten.van(type);
        if (soort != null && data != null && data.isObject()) {
            Instant uiterst = klok.instant().plus(SPELING_TOEKOMST);
            KeuringVelden velden = new KeuringVelden(data, "/data", fouten, uiterst);
            Identiteit identiteit = event == null ? new Identiteit(source, id, type)
                    : new Identiteit(event.getSource().toString(), event.getId(), event.getType());
            gelezen = soort.lees(identiteit, velden, naslag);
        }
        if (gelezen == null && fouten.isEmpty()) {
            // Only when the SDK read something other than the JSON object checked above.
            fouten.add(new Fout("/data", "moet een JSON-object zijn"));
        }
        if (!fouten.isEmpty()) {
            return new Beoordeling(positie, teruggeefbaar(source), teruggeefbaar(id), teruggeefbaar(type), null,
                    eenPerVeld(fouten, tekens, lengtes));
        }
        return new Beoordeling(positie, source, id, type, gelezen, List.of());
    }

    /**
     * One fout per field where the character walk found one: a broken character says most (an
     * unknown kanaal with a lone surrogate in it is first of all broken), and a field's own limit
     * names the right number where the walk's general limit would name another.
     */
    private static List<Fout> eenPerVeld(List<Fout> fouten, List<Fout> tekens, List<Fout> lengtes) {
        if (tekens.isEmpty() && lengtes.isEmpty()) {
            return fouten;
        }
        Set<String> gebroken = tekens.stream().map(Fout::pointer).collect(Collectors.toSet());
        Set<String> eigen = new java.util.HashSet<>();
        List<Fout> uit = new ArrayList<>(fouten.size());
        uit.addAll(tekens);
        for (Fout fout : fouten.subList(tekens.size() + lengtes.size(), fouten.size())) {
            if (!gebroken.contains(fout.pointer())) {
                uit.add(fout);
                eigen.add(fout.pointer());
            }
        }
        for (Fout fout : lengtes) {
            if (!eigen.contains(fout.pointer()) && !gebroken.contains(fout.pointer())) {
                uit.add(fout);
            }
        }
        return uit;
    }

    /**
     * {@code source}, {@code id} and {@code type} are echoed in the answer to a rejected message
     * only when they can be written back as sent: not broken, no control characters, not huge.
     */
    private static String teruggeefbaar(String waarde) {
        if (waarde == null || waarde.length() > LANGSTE_ATTRIBUUT * 2 || KeuringTekens.tekens(waarde) > LANGSTE_ATTRIBUUT
                || KeuringTekens.fout(waarde) != null || KeuringTekens.heeftStuurteken(waarde)) {
            return null;
        }
        return waarde;
    }

    /** The SDK wraps Jackson's exceptions; their own message, without the parser location, says most. */
    private static String sdkMelding(Exception e) {
        Throwable oorzaak = e;
        while (oorzaak.getCause() != null && oorzaak.getCause() != oorzaak) {
            oorzaak = oorzaak.getCause();
        }
        if (oorzaak instanceof JsonProcessingException jackson) {
            return jackson.getOriginalMessage();
        }
        return oorzaak.getMessage() == null ? oorzaak.getClass().getSimpleName() : oorzaak.getMessage();
    }

    private static JsonNode dataVan(CloudEvent event) throws IOException {
        CloudEventData data = event.getData();
        if (data == null) {
            return null;
        }
        if (data instanceof JsonCloudEventData json) {
            return json.getNode();
        }
        return JSON.readTree(data.toBytes());
    }

    // ---------------------------------------------------------------- envelope

    private static void keurEnvelop(JsonNode bericht, String type, List<Fout> fouten) {
        JsonNode specversion = bericht.get("specversion");
        if (afwezig(specversion)) {
            fouten.add(new Fout("/specversion", KeuringVelden.VERPLICHT));
        } else if (!specversion.isTextual()) {
            fouten.add(new Fout("/specversion", KeuringVelden.GEEN_TEKST));
        } else if (!"1.0".equals(specversion.textValue())) {
            fouten.add(new Fout("/specversion", "moet \"1.0\" zijn (CloudEvents 1.0)"));
        }

        verplichteTekst(bericht, "id", fouten);
        if (verplichteTekst(bericht, "source", fouten) && !isUriReferentie(bericht.get("source").textValue())) {
            fouten.add(new Fout("/source", "geen geldige URI-referentie"));
        }
        if (verplichteTekst(bericht, "type", fouten) && !Berichttypen.bekend(type)) {
            fouten.add(new Fout("/type", "onbekend berichttype" + KeuringTekst.citaat(type)));
        }
        for (String attribuut : List.of("time", "datacontenttype", "dataschema", "subject")) {
            JsonNode waarde = bericht.get(attribuut);
            if (waarde != null && waarde.isTextual()) {
                attribuuttekens("/" + attribuut, waarde.textValue(),
                        attribuut.equals("datacontenttype") ? LANGSTE_ATTRIBUUT : LANGSTE_VRIJ_ATTRIBUUT, fouten);
            }
        }

        JsonNode time = bericht.get("time");
        if (!afwezig(time) && (!time.isTextual() || KeuringVelden.rfc3339(time.textValue()) == null)) {
            fouten.add(new Fout("/time", "geen geldig tijdstip volgens RFC 3339 met tijdzone"));
        }
        JsonNode datacontenttype = bericht.get("datacontenttype");
        if (!afwezig(datacontenttype)
                && (!datacontenttype.isTextual() || !isJson(datacontenttype.textValue()))) {
            fouten.add(new Fout("/datacontenttype", "moet application/json zijn"));
        }
        JsonNode dataschema = bericht.get("dataschema");
        if (!afwezig(dataschema) && (!dataschema.isTextual() || !isUriReferentie(dataschema.textValue()))) {
            fouten.add(new Fout("/dataschema", "geen geldige URI"));
        }
        JsonNode subject = bericht.get("subject");
        if (!afwezig(subject)) {
            if (!subject.isTextual()) {
                fouten.add(new Fout("/subject", KeuringVelden.GEEN_TEKST));
            } else if (Bsn.isGeldig(subject.textValue().trim())) {
                fouten.add(new Fout("/subject", "mag geen BSN zijn: het NL GOV-profiel verbiedt persoonsgegevens in attributen"));
            }
        }

        JsonNode data = bericht.get("data");
        if (afwezig(data)) {
            fouten.add(new Fout("/data", KeuringVelden.VERPLICHT));
        } else if (!data.isObject()) {
            fouten.add(new Fout("/data", "moet een JSON-object zijn"));
        }
        if (bericht.has("data_base64")) {
            fouten.add(new Fout("/data_base64", "niet toegestaan: stuur data als JSON-object"));
        }

        keurExtensies(bericht, fouten);
    }

    /** CloudEvents extension attributes: lower-case letters and digits, a string, boolean or integer value. */
    private static void keurExtensies(JsonNode bericht, List<Fout> fouten) {
        Iterator<Map.Entry<String, JsonNode>> velden = bericht.fields();
        while (velden.hasNext()) {
            Map.Entry<String, JsonNode> veld = velden.next();
            String naam = veld.getKey();
            if (ATTRIBUTEN.contains(naam)) {
                continue;
            }
            String pointer = "/" + KeuringTekst.pointerdeel(naam);
            if (!isExtensienaam(naam)) {
                fouten.add(new Fout(pointer, "ongeldige naam voor een extensie-attribuut: alleen kleine letters en cijfers"));
                continue;
            }
            JsonNode waarde = veld.getValue();
            boolean geldig = waarde.isNull() || waarde.isTextual() || waarde.isBoolean()
                    || (waarde.isIntegralNumber() && waarde.canConvertToInt());
            if (!geldig) {
                fouten.add(new Fout(pointer, "extensie-attribuut moet een tekst, true/false of geheel getal zijn"));
            } else if (waarde.isTextual()) {
                attribuuttekens(pointer, waarde.textValue(), LANGSTE_VRIJ_ATTRIBUUT, fouten);
            }
        }
    }

    private static boolean verplichteTekst(JsonNode bericht, String attribuut, List<Fout> fouten) {
        JsonNode waarde = bericht.get(attribuut);
        if (afwezig(waarde)) {
            fouten.add(new Fout("/" + attribuut, KeuringVelden.VERPLICHT));
            return false;
        }
        if (!waarde.isTextual()) {
            fouten.add(new Fout("/" + attribuut, KeuringVelden.GEEN_TEKST));
            return false;
        }
        if (waarde.textValue().isBlank()) {
            fouten.add(new Fout("/" + attribuut, KeuringVelden.LEEG));
            return false;
        }
        return attribuuttekens("/" + attribuut, waarde.textValue(), LANGSTE_ATTRIBUUT, fouten);
    }

    /**
     * The CloudEvents type system: an attribute's string holds no control characters (U+0000-U+001F,
     * U+007F-U+009F); and it has a length limit of its own. Surrogates are the walk's (KeuringTekens).
     */
    private static boolean attribuuttekens(String pointer, String waarde, int maxTekens, List<Fout> fouten) {
        if (waarde.length() > maxTekens && KeuringTekens.tekens(waarde) > maxTekens) {
            fouten.add(new Fout(pointer, "mag hoogstens " + maxTekens + " tekens bevatten"));
            return false;
        }
        if (KeuringTekens.heeftStuurteken(waarde)) {
            fouten.add(new Fout(pointer, KeuringTekens.STUURTEKEN));
            return false;
        }
        return true;
    }

    private static boolean afwezig(JsonNode waarde) {
        return waarde == null || waarde.isNull();
    }

    private static String tekstOfNull(JsonNode waarde) {
        return waarde != null && waarde.isTextual() ? waarde.textValue() : null;
    }

    private static boolean isUriReferentie(String tekst) {
        if (tekst.isEmpty()) {
            return false;
        }
        try {
            new URI(tekst);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /**
     * {@code application/json}, optionally with parameters such as {@code ;charset=utf-8}. Written
     * as the CloudEvents SDK reads it (lower case, no space before the {@code ;}): any other
     * spelling would make the SDK refuse the JSON object in {@code data}.
     */
    private static boolean isJson(String mediatype) {
        return mediatype.startsWith(APPLICATION_JSON)
                && (mediatype.length() == APPLICATION_JSON.length() || mediatype.charAt(APPLICATION_JSON.length()) == ';');
    }

    private static boolean isExtensienaam(String naam) {
        if (naam.isEmpty()) {
            return false;
        }
        for (int i = 0; i < naam.length(); i++) {
            char c = naam.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }
}
