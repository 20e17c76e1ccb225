package nl.klantreis.bronnen.nabootsing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;

/**
 * One of the trimmed published OpenAPI 3.0 specifications (resources {@code nabootsing/specificaties}), able to say
 * whether a JSON body is what it promises: the response schema of (method, path template, status), the request
 * schema of an operation, or a named component schema. A real validator with the OpenAPI 3.0 dialect
 * ({@code nullable}, {@code oneOf} with {@code discriminator}, {@code readOnly}, {@code format}) does the work, so
 * the stand-in, and with it the adapter's tests, cannot drift from what Open Zaak, Open Klant and Open
 * Notificaties really send.
 */
public final class Specificatie {

    /** The four APIs the stand-in serves; the name is the resource file's. */
    public enum Api {
        ZAKEN("zaken"), CATALOGI("catalogi"), KLANTINTERACTIES("klantinteracties"), NOTIFICATIES("notificaties");

        final String bestand;

        Api(String bestand) {
            this.bestand = bestand;
        }
    }

    private static final String IRI = "https://nabootsing.klantreis.invalid/specificaties/";
    /** ExpandZaak's {@code _expand.zaaktype} refers to the Catalogi API's published file; the local copy stands in. */
    private static final String CATALOGI_OP_GITHUB = "https://raw.githubusercontent.com/vng-Realisatie/catalogi-api/1.2.0/src/openapi.yaml";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Api, Specificatie> GELADEN = new ConcurrentHashMap<>();
    private static final Map<String, String> INHOUD = new ConcurrentHashMap<>();
    /** OpenAPI 3.0's dialect; the document's top-level fields are no schema keywords and are passed over quietly. */
    private static final JsonMetaSchema DIALECT = JsonMetaSchema.builder(OpenApi30.getInstance())
            .keywords(List.of(new NonValidationKeyword("openapi"), new NonValidationKeyword("info"),
                    new NonValidationKeyword("servers"), new NonValidationKeyword("paths"),
                    new NonValidationKeyword("components"), new NonValidationKeyword("tags")))
            .build();
    private static final JsonSchemaFactory FABRIEK = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
            b -> b.metaSchema(DIALECT).defaultMetaSchemaIri(DIALECT.getIri())
                    .schemaMappers(m -> m.mapPrefix(CATALOGI_OP_GITHUB, IRI + Api.CATALOGI.bestand + ".json"))
                    .schemaLoaders(l -> l.schemas(iri -> {
                        if (!iri.startsWith(IRI)) {
                            return null;
                        }
                        String naam = iri.substring(IRI.length(), iri.length() - ".json".length());
                        return INHOUD.computeIfAbsent(naam, n -> van(Api.valueOf(n.toUpperCase(Locale.ROOT))).alsJson());
                    })));
    // Responses may carry readOnly properties; a request body may not (as the real APIs ignore or refuse them).
    private static final SchemaValidatorsConfig ANTWOORD = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).nullableKeywordEnabled(true).build();
    private static final SchemaValidatorsConfig VERZOEK = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).nullableKeywordEnabled(true)
            .readOnly(true).build();

    private final Api api;
    private final JsonNode document;
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    private Specificatie(Api api) {
        this.api = api;
        try (InputStream in = Specificatie.class.getResourceAsStream(bron(api))) {
            if (in == null) {
                throw new IllegalStateException("specificatie " + bron(api) + " niet op het classpath");
            }
            this.document = new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        nullbaar(document);
        onderscheid(document);
    }

    /**
     * {@code oneOf} with a {@code discriminator} (Rol by betrokkeneType, Partij by soortPartij, Actor by soortActor,
     * GeoJSON by type) means: the alternative the discriminator's value names, and no other. The validator's own
     * discriminator support counts every alternative that fits (they all fit, having no additionalProperties:
     * false), so each alternative gets the condition "the property has one of my values", which is exactly what
     * the discriminator says; an unknown value then fits none.
     */
    private static void onderscheid(JsonNode knoop) {
        if (knoop.isArray()) {
            knoop.forEach(Specificatie::onderscheid);
            return;
        }
        if (!knoop.isObject()) {
            return;
        }
        ObjectNode o = (ObjectNode) knoop;
        o.elements().forEachRemaining(Specificatie::onderscheid);
        JsonNode d = o.get("discriminator");
        if (d == null || !o.path("oneOf").isArray()) {
            return;
        }
        String eigenschap = d.path("propertyName").asText();
        ArrayNode alternatieven = o.putArray("oneOf-nieuw");
        for (JsonNode alternatief : o.get("oneOf")) {
            String ref = alternatief.path("$ref").asText();
            List<String> waarden = new ArrayList<>();
            d.path("mapping").fields().forEachRemaining(e -> {
                if (e.getValue().asText().equals(ref)) {
                    waarden.add(e.getKey());
                }
            });
            if (waarden.isEmpty()) {
                waarden.add(ref.substring(ref.lastIndexOf('/') + 1));
            }
            ObjectNode voorwaarde = JSON.createObjectNode();
            voorwaarde.putArray("required").add(eigenschap);
            ArrayNode e = voorwaarde.putObject("properties").putObject(eigenschap).putArray("enum");
            waarden.forEach(e::add);
            ObjectNode beide = alternatieven.addObject();
            beide.putArray("allOf").add(alternatief).add(voorwaarde);
        }
        o.set("oneOf", o.remove("oneOf-nieuw"));
        o.remove("discriminator");
    }

    private String alsJson() {
        try {
            return JSON.writeValueAsString(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * OpenAPI 3.0's {@code nullable} only widens a {@code type} in the same schema object; the specifications (made by
     * drf-spectacular) also put it beside {@code allOf: [$ref]} to mean "this object or null", which a validator
     * reads as "never null". Such a schema becomes {@code anyOf: [the schema, null]}, keeping readOnly/writeOnly
     * outside, so null is accepted exactly where the publisher meant it.
     */
    private static void nullbaar(JsonNode knoop) {
        if (knoop.isArray()) {
            knoop.forEach(Specificatie::nullbaar);
            return;
        }
        if (!knoop.isObject()) {
            return;
        }
        ObjectNode o = (ObjectNode) knoop;
        o.elements().forEachRemaining(Specificatie::nullbaar);
        if (o.path("nullable").asBoolean(false) && !o.has("type")) {
            ObjectNode binnen = o.deepCopy();
            binnen.remove(List.of("nullable", "readOnly", "writeOnly", "description", "title"));
            o.retain("readOnly", "writeOnly", "description", "title");
            ArrayNode anyOf = o.putArray("anyOf");
            anyOf.add(binnen);
            anyOf.addObject().putArray("enum").addNull();
        }
    }

    public static Specificatie van(Api api) {
        return GELADEN.computeIfAbsent(api, Specificatie::new);
    }

    private static String bron(Api api) {
        return "/nabootsing/specificaties/" + api.bestand + ".yaml";
    }

    public Api api() {
        return api;
    }

    /** The differences of {@code body} from component schema {@code naam}; empty when it fits. */
    public List<String> afwijkingen(String naam, JsonNode body) {
        if (!document.path("components").path("schemas").has(naam)) {
            throw new IllegalArgumentException(api + " kent geen schema " + naam);
        }
        return meldingen(schema("#/components/schemas/" + naam, ANTWOORD, false), body, naam);
    }

    /**
     * The differences of a response body from what the specification says (method, path template as in the
     * specification, e.g. {@code /zaken/{uuid}}, and status); a status the operation does not document, or one without
     * a JSON body schema where a body is given, is itself a difference.
     */
    public List<String> afwijkingenAntwoord(String methode, String pad, int status, JsonNode body) {
        JsonNode operatie = operatie(methode, pad);
        JsonNode antwoorden = operatie.path("responses");
        JsonNode antwoord = antwoorden.path(Integer.toString(status));
        String plaats = methode.toUpperCase(Locale.ROOT) + " " + pad + " " + status;
        if (antwoord.isMissingNode()) {
            // Open Klant's specification documents only its successes; its errors are the shared Fout shape.
            if (status >= 400 && api == Api.KLANTINTERACTIES) {
                return Specificatie.van(Api.ZAKEN).afwijkingen(status == 400 ? "ValidatieFout" : "Fout", body);
            }
            return List.of(plaats + ": status niet in de specificatie (" + iterabel(antwoorden.fieldNames()) + ")");
        }
        String inhoudtype = "application/json";
        JsonNode schema = antwoord.path("content").path(inhoudtype).path("schema");
        if (schema.isMissingNode()) {
            inhoudtype = "application/problem+json";
            schema = antwoord.path("content").path(inhoudtype).path("schema");
        }
        if (schema.isMissingNode()) {
            return body == null || body.isMissingNode() ? List.of() : List.of(plaats + ": geen body gespecificeerd");
        }
        String wijzer = "#/paths/" + escape(pad) + "/" + methode.toLowerCase(Locale.ROOT) + "/responses/" + status
                + "/content/" + inhoudtype.replace("/", "~1") + "/schema";
        return meldingen(schema(wijzer, ANTWOORD, false), body, plaats);
    }

    /** The differences of a request body from the operation's request schema (readOnly properties not allowed). */
    public List<String> afwijkingenVerzoek(String methode, String pad, JsonNode body) {
        operatie(methode, pad);
        String wijzer = "#/paths/" + escape(pad) + "/" + methode.toLowerCase(Locale.ROOT)
                + "/requestBody/content/application~1json/schema";
        return meldingen(schema(wijzer, VERZOEK, true), body, methode.toUpperCase(Locale.ROOT) + " " + pad + " verzoek");
    }

    /** One invalid field of a request, as Notificaties' ValidatieFout names it ({@code invalidParams}). */
    record Ongeldig(String naam, String code, String reden) {
    }

    /** The invalid fields of a request body; empty when it fits. */
    List<Ongeldig> ongeldigeVelden(String methode, String pad, JsonNode body) {
        operatie(methode, pad);
        String wijzer = "#/paths/" + escape(pad) + "/" + methode.toLowerCase(Locale.ROOT)
                + "/requestBody/content/application~1json/schema";
        List<Ongeldig> uit = new ArrayList<>();
        for (ValidationMessage m : schema(wijzer, VERZOEK, true).validate(body)) {
            if (vereistMaarNietHier(m, "readOnly")) {
                continue;
            }
            String plaats = m.getInstanceLocation().toString().replaceFirst("^\\$\\.?", "");
            if ("required".equals(m.getType())) {
                String veld = m.getProperty();
                uit.add(new Ongeldig(plaats.isEmpty() ? veld : plaats + "." + veld, "required", "Dit veld is vereist."));
            } else {
                uit.add(new Ongeldig(plaats.isEmpty() ? "nonFieldErrors" : plaats, "invalid", m.getMessage()));
            }
        }
        return uit;
    }

    /** Throws {@link Afwijking} when {@code body} does not fit component schema {@code naam}. */
    public void controleer(String naam, JsonNode body) {
        List<String> a = afwijkingen(naam, body);
        if (!a.isEmpty()) {
            throw new Afwijking(api + " " + naam + ": " + a);
        }
    }

    /** Throws {@link Afwijking} when a response body does not fit the specification. */
    public void controleerAntwoord(String methode, String pad, int status, JsonNode body) {
        List<String> a = afwijkingenAntwoord(methode, pad, status, body);
        if (!a.isEmpty()) {
            throw new Afwijking(api + " " + methode + " " + pad + " " + status + ": " + a);
        }
    }

    private JsonNode operatie(String methode, String pad) {
        JsonNode operatie = document.path("paths").path(pad).path(methode.toLowerCase(Locale.ROOT));
        if (operatie.isMissingNode()) {
            throw new IllegalArgumentException(api + " specificeert " + methode + " " + pad + " niet");
        }
        return operatie;
    }

    private static String escape(String pad) {
        // JSON pointer (~1 for '/'), then URI fragment encoding of the braces of path templates.
        return pad.replace("~", "~0").replace("/", "~1").replace("{", "%7B").replace("}", "%7D");
    }

    private JsonSchema schema(String wijzer, SchemaValidatorsConfig config, boolean verzoek) {
        return schemas.computeIfAbsent((verzoek ? "v" : "a") + wijzer, k -> {
            JsonSchema s = FABRIEK.getSchema(SchemaLocation.of(IRI + api.bestand + ".json" + wijzer), config);
            // Resolved now, in one thread, not lazily by the server's threads at once.
            s.initializeValidators();
            return s;
        });
    }

    private List<String> meldingen(JsonSchema schema, JsonNode body, String plaats) {
        if (body == null || body.isMissingNode()) {
            return List.of(plaats + ": geen body");
        }
        List<String> uit = new ArrayList<>();
        for (ValidationMessage m : schema.validate(body)) {
            if (!vereistMaarNietHier(m, "writeOnly")) {
                uit.add(m.getMessage());
            }
        }
        return uit;
    }

    /**
     * OpenAPI 3.0: a required property that is writeOnly is required in requests only, one that is readOnly in
     * responses only (Abonnement's {@code auth} is never sent back).
     */
    private boolean vereistMaarNietHier(ValidationMessage m, String markering) {
        if (!"required".equals(m.getType())) {
            return false;
        }
        String locatie = m.getSchemaLocation().toString();
        int hekje = locatie.indexOf('#');
        if (hekje < 0 || !locatie.endsWith("/required")) {
            return false;
        }
        String wijzer = locatie.substring(hekje + 1, locatie.length() - "/required".length());
        JsonNode eigenschap = document.at(wijzer.replace("%7B", "{").replace("%7D", "}")).path("properties").path(m.getProperty());
        return eigenschap.path(markering).asBoolean(false);
    }

    private static String iterabel(java.util.Iterator<String> namen) {
        List<String> l = new ArrayList<>();
        namen.forEachRemaining(l::add);
        return String.join(", ", l);
    }

    /** A body that is not what the published specification says. */
    public static final class Afwijking extends AssertionError {
        public Afwijking(String bericht) {
            super(bericht);
        }
    }
}
