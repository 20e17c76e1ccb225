package nl.klantreis.api.openapi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Discriminator;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.tags.Tag;

import nl.klantreis.api.ingestie.Berichttypen;
import nl.klantreis.projecties.kpi.Kpivraag;

/**
 * Completes the generated OpenAPI document with what springdoc cannot see in the code: the
 * problem answers each operation really gives, the formats and enumerations of parameters that
 * the controllers take as plain strings (they parse them themselves, to name every bad one in
 * one 400), the shapes of {@code POST /api/v1/events} (read as bytes, answered as maps) and the
 * contract names of the shapes. Done here, once, rather than on every controller method: the rules
 * are global (every operation is secured, so every one can answer 401 and 403).
 */
@Component
class OpenApiBeschrijving implements OpenApiCustomizer {
    static final String PROBLEM_JSON = "application/problem+json";
    static final String EVENTS = "/api/v1/events";
    static final String EEN = "application/cloudevents+json";
    static final String BATCH = "application/cloudevents-batch+json";
    private static final String SCHEMAS = "#/components/schemas/";
    private static final String ANTWOORDEN = "#/components/responses/";
    private static final Pattern VERWIJZING = Pattern.compile("\"#/components/(schemas|responses)/([^\"]+)\"");
    private static final Set<String> UUID_VELDEN = Set.of("zaakId", "klantreisId", "klantcontactId");
    private static final String KLANT_ID_PATROON = "^[a-z]{1,8}-[0-9a-z-]{8,64}$";
    /** A date-time without zone offset, read in Europe/Amsterdam. */
    private static final String LOKAAL_MOMENT = "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?$";

    /** Every error status an operation may document, with its reusable answer. */
    enum Foutantwoord {
        ONGELDIG_VERZOEK("400", "OngeldigVerzoek", "Een parameter of de body is ongeldig of onleesbaar; elke"
                + " ongeldige parameter of elk ongeldig veld staat in `errors`. Er is niets opgeslagen."),
        NIET_AANGEMELD("401", "NietAangemeld", "Geen token, of een ongeldig, verlopen of niet voor deze engine"
                + " bestemd token. Met de uitdaging `WWW-Authenticate: Bearer` van RFC 6750."),
        GEEN_TOEGANG("403", "GeenToegang", "De rol in het token geeft geen toegang tot dit verzoek."),
        NIET_GEVONDEN("404", "NietGevonden", "Bestaat niet, of is niet van de aanvrager: beide krijgen hetzelfde"
                + " antwoord, zodat een ander zijn zaken niet kan aftasten."),
        NIET_AANVAARDBAAR("406", "NietAanvaardbaar", "De `Accept`-header vraagt een formaat dat deze operatie niet"
                + " geeft."),
        TE_GROOT("413", "TeGroot", "Het verzoek is groter dan de engine aanneemt (body of aantal berichten)."),
        MEDIATYPE_NIET_ONDERSTEUND("415", "MediatypeNietOndersteund", "Het `Content-Type` van de body wordt door"
                + " deze operatie niet gelezen."),
        TIJDELIJK_NIET_BESCHIKBAAR("503", "TijdelijkNietBeschikbaar", "Het verzoek kon nu niet worden verwerkt"
                + " (bijvoorbeeld de database is even weg); er is niets van opgeslagen. Probeer het later opnieuw.");

        final String status;
        final String naam;
        final String beschrijving;

        Foutantwoord(String status, String naam, String beschrijving) {
            this.status = status;
            this.naam = naam;
            this.beschrijving = beschrijving;
        }

        ApiResponse verwijzing() {
            return new ApiResponse().$ref(ANTWOORDEN + naam);
        }
    }

    /**
     * The {@code data} of each type of the ingestion contract, from the types' own records: a new
     * type is described without a change here.
     */
    private static final Map<String, Class<?>> DATA = Berichttypen.data();

    private final int maximumBatch;

    OpenApiBeschrijving(@Value("${klantreis.ingestie.maximum-batch:5000}") int maximumBatch) {
        this.maximumBatch = maximumBatch;
    }

    @Override
    public void customise(OpenAPI api) {
        api.getInfo().contact(new Contact().name("Klantreis"));
        api.setTags(tags());
        Components onderdelen = api.getComponents();
        nullbaar(onderdelen);
        voegSchemasToe(onderdelen, api.getOpenapi() != null && api.getOpenapi().startsWith("3.1"));
        for (Foutantwoord fout : Foutantwoord.values()) {
            ApiResponse antwoord = new ApiResponse().description(fout.beschrijving).content(probleem(SCHEMAS + "Probleem"));
            if (fout == Foutantwoord.NIET_AANGEMELD) {
                antwoord.addHeaderObject("WWW-Authenticate", new Header()
                        .description("`Bearer`, met `error=\"invalid_token\"` bij een ongeldig of verlopen token.")
                        .schema(new StringSchema()));
            }
            if (fout == Foutantwoord.TIJDELIJK_NIET_BESCHIKBAAR) {
                antwoord.addHeaderObject("Retry-After", new Header()
                        .description("Na hoeveel seconden het zin heeft het opnieuw te proberen (elk 503 heeft hem).")
                        .schema(new IntegerSchema().minimum(BigDecimal.ONE)));
            }
            onderdelen.addResponses(fout.naam, antwoord);
        }
        hernoem(api, "Kpiuitkomst", "Kpi");
        hernoem(api, "KlantbeeldZaakkaart", "Klantbeeld");
        beschrijfSchemas(onderdelen);
        PathItem events = api.getPaths().get(EVENTS);
        if (events != null && events.getPost() != null) {
            beschrijfIngestie(events.getPost());
        }
        api.getPaths().forEach((pad, item) -> item.readOperationsMap().forEach((methode, operatie) -> {
            if (operatie.getParameters() != null) {
                operatie.getParameters().forEach(parameter -> beschrijf(pad, parameter));
            }
            if (pad.startsWith("/api/")) {
                foutantwoorden(operatie);
            }
        }));
        ruimOp(api);
    }

    private static List<Tag> tags() {
        return List.of(
                new Tag().name(Documentatie.INGESTIE).description("De voordeur: kanaal- en zaaksystemen (rol `bron`)"
                        + " sturen feiten als CloudEvents (NL GOV-profiel, EVENTS.md), los of in een batch."),
                new Tag().name(Documentatie.MIJNZAKEN).description("Track & trace voor de burger (rol `burger`):"
                        + " zijn zaken, een zaak in detail en live, nu of zoals ze waren (`alsOp`, `tijdas`)."),
                new Tag().name(Documentatie.KLANTEN).description("De klant voor de medewerker (rol `medewerker`):"
                        + " vinden op BSN of KVK-nummer (in de body, nooit in een URL), zijn klantbeeld en zijn"
                        + " klantreizen. Elke inzage wordt gelogd voordat het antwoord vertrekt."),
                new Tag().name(Documentatie.KLANTREIZEN).description("Een klantreis stap voor stap, voor de"
                        + " medewerker en, zonder persoonsgegevens, voor de analist."),
                new Tag().name(Documentatie.KPI).description("De KPI's van KLANTREIS-EN-KPI.md voor de analist (rol"
                        + " `analist`): alleen aggregaten."),
                new Tag().name(Documentatie.VERWERKINGSLOG).description("Logboek Dataverwerkingen: zoeken en de"
                        + " integriteitscontrole voor de auditor, en voor de burger wie zijn gegevens verwerkte"
                        + " (AVG art. 15)."),
                new Tag().name(Documentatie.VERGETEN).description("Het recht op vergetelheid (AVG art. 17) voor de"
                        + " beheerder: crypto-shredding van een klant."));
    }

    private static Content probleem(String ref) {
        return new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref(ref)));
    }

    @SuppressWarnings("rawtypes")
    private static void voegSchemasToe(Components onderdelen, boolean openapi31) {
        List<Class<?>> typen = new ArrayList<>(List.of(Probleem.class, Ingestieschemas.CloudEventEnvelop.class,
                Ingestieschemas.Berichtuitslag.class, Ingestieschemas.Batchuitslag.class,
                Ingestieschemas.Batchafwijzing.class));
        typen.addAll(DATA.values());
        for (Class<?> type : typen) {
            // In the document's own version, so that a null among the types comes out as such.
            Map<String, Schema> schemas = ModelConverters.getInstance(openapi31).readAll(type);
            schemas.forEach(onderdelen::addSchemas);
        }
        opsomming(onderdelen.getSchemas().get("CloudEventEnvelop"), "type", new ArrayList<>(DATA.keySet()));
        // One schema per type: the envelope with that type and its data; CloudEvent is one of them, by type.
        ComposedSchema cloudEvent = new ComposedSchema();
        Discriminator discriminator = new Discriminator().propertyName("type");
        DATA.forEach((type, data) -> {
            String dataNaam = data.getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class).name();
            String naam = dataNaam.replaceFirst("Data$", "Event");
            onderdelen.addSchemas(naam, new ComposedSchema()
                    .addAllOfItem(new Schema<>().$ref(SCHEMAS + "CloudEventEnvelop"))
                    .addAllOfItem(new ObjectSchema()
                            .addProperty("type", new StringSchema()._enum(List.of(type)))
                            .addProperty("data", new Schema<>().$ref(SCHEMAS + dataNaam)))
                    .description("Een CloudEvent van het type `" + type + "`."));
            cloudEvent.addOneOfItem(new Schema<>().$ref(SCHEMAS + naam));
            discriminator.mapping(type, SCHEMAS + naam);
        });
        onderdelen.addSchemas("CloudEvent", cloudEvent.discriminator(discriminator)
                .description("Een CloudEvent 1.0 in structured JSON mode volgens het NL GOV-profiel (EVENTS.md), met de"
                        + " `data` van zijn `type`. Een bericht dat een regel overtreedt wordt in zijn geheel"
                        + " afgewezen; er wordt niets van opgeslagen. Tijden RFC 3339 met offset, ten hoogste 5"
                        + " minuten in de toekomst."));
        onderdelen.addSchemas("Ingestieprobleem", new ComposedSchema()
                .addAllOfItem(new Schema<>().$ref(SCHEMAS + "Probleem"))
                .addAllOfItem(new Schema<>().$ref(SCHEMAS + "Batchafwijzing"))
                .description("Een afgewezen bericht, of een batch waarvan geen enkel bericht is aangenomen: het"
                        + " probleem met `errors` (enkel bericht) of met de uitslag per positie (batch)."));
    }

    /** The one operation of two controller methods (one per media type), described as one. */
    private void beschrijfIngestie(Operation operatie) {
        operatie.operationId("berichtenAannemen").tags(List.of(Documentatie.INGESTIE))
                .summary("Berichten aannemen: een CloudEvent of een batch")
                .description("Neemt een CloudEvent (`" + EEN + "`) of een batch ervan (`" + BATCH + "`) aan. Elk"
                        + " bericht wordt op zichzelf beoordeeld tegen EVENTS.md: aangenomen (`accepted`, duurzaam"
                        + " opgeslagen voordat het antwoord vertrekt), al bekend (`duplicate`, idempotent op"
                        + " (`source`, `id`)) of afgewezen (`rejected`, met elke reden; niets opgeslagen). Een batch"
                        + " met minstens één aangenomen of bekend bericht krijgt 200 met de uitslag per positie; een"
                        + " batch zonder enig aangenomen bericht, of een afgewezen enkel bericht, krijgt 400.");
        Content inhoud = operatie.getRequestBody() == null || operatie.getRequestBody().getContent() == null
                ? new Content() : operatie.getRequestBody().getContent();
        Content nieuw = new Content();
        nieuw.addMediaType(EEN, new MediaType().schema(new Schema<>().$ref(SCHEMAS + "CloudEvent")));
        nieuw.addMediaType(BATCH, new MediaType().schema(new ArraySchema().items(new Schema<>().$ref(SCHEMAS + "CloudEvent"))
                .maxItems(maximumBatch).description("Een JSON-array van CloudEvents, ten hoogste " + maximumBatch
                        + " (`klantreis.ingestie.maximum-batch`); een lege batch slaat niets op.")));
        // Another way in (such as the binary content mode) keeps what its own annotations say,
        // but never a byte string: that would make a generator base64 the body.
        inhoud.forEach((soort, media) -> {
            if (!nieuw.containsKey(soort)) {
                Schema<?> schema = media.getSchema();
                if (schema == null || "byte".equals(schema.getFormat()) || "binary".equals(schema.getFormat())) {
                    media.schema(new ObjectSchema().description("De `data` van het CloudEvent; de attributen in"
                            + " `ce-*`-headers (binary content mode)."));
                }
                nieuw.addMediaType(soort, media);
            }
        });
        operatie.requestBody(new RequestBody().required(true).content(nieuw)
                .description("Een CloudEvent of een batch van CloudEvents (EVENTS.md)."));
        ApiResponses antwoorden = new ApiResponses();
        antwoorden.addApiResponse("200", new ApiResponse()
                .description("Beoordeeld; wat aangenomen is, is duurzaam opgeslagen. Een enkel bericht: een"
                        + " `Berichtuitslag`; een batch: een `Batchuitslag`.")
                .content(new Content().addMediaType("application/json", new MediaType().schema(new ComposedSchema()
                        .addOneOfItem(new Schema<>().$ref(SCHEMAS + "Berichtuitslag"))
                        .addOneOfItem(new Schema<>().$ref(SCHEMAS + "Batchuitslag"))))));
        antwoorden.addApiResponse("400", new ApiResponse()
                .description("Het verzoek is onleesbaar (geen JSON, geen object of array), het bericht is afgewezen"
                        + " of geen enkel bericht van de batch is aangenomen. Er is niets opgeslagen.")
                .content(probleem(SCHEMAS + "Ingestieprobleem")));
        antwoorden.addApiResponse("413", new ApiResponse()
                .description("Meer dan " + maximumBatch + " berichten in een batch, of een body groter dan de"
                        + " engine aanneemt (`spring.codec.max-in-memory-size`). Er is niets opgeslagen.")
                .content(probleem(SCHEMAS + "Probleem")));
        operatie.responses(antwoorden);
    }

    /** The error answers an operation can really give, by the rules of Probleemafhandeling and the security chain. */
    private static void foutantwoorden(Operation operatie) {
        ApiResponses antwoorden = operatie.getResponses() == null ? new ApiResponses() : operatie.getResponses();
        List<Foutantwoord> fouten = new ArrayList<>();
        boolean parameters = operatie.getParameters() != null && operatie.getParameters().stream()
                .anyMatch(p -> "path".equals(p.getIn()) || "query".equals(p.getIn()));
        boolean padparameter = operatie.getParameters() != null && operatie.getParameters().stream()
                .anyMatch(p -> "path".equals(p.getIn()));
        boolean body = operatie.getRequestBody() != null;
        if (parameters || body) {
            fouten.add(Foutantwoord.ONGELDIG_VERZOEK);
        }
        fouten.add(Foutantwoord.NIET_AANGEMELD);
        fouten.add(Foutantwoord.GEEN_TOEGANG);
        if (padparameter) {
            fouten.add(Foutantwoord.NIET_GEVONDEN);
        }
        fouten.add(Foutantwoord.NIET_AANVAARDBAAR);
        if (body) {
            fouten.add(Foutantwoord.TE_GROOT);
            fouten.add(Foutantwoord.MEDIATYPE_NIET_ONDERSTEUND);
        }
        fouten.add(Foutantwoord.TIJDELIJK_NIET_BESCHIKBAAR);
        for (Foutantwoord fout : fouten) {
            antwoorden.putIfAbsent(fout.status, fout.verwijzing());
        }
        // In status order, as a reader looks them up.
        ApiResponses geordend = new ApiResponses();
        antwoorden.keySet().stream().sorted().forEach(status -> geordend.addApiResponse(status, antwoorden.get(status)));
        operatie.responses(geordend);
    }

    /** A moment as {@code Tijdstipinvoer} reads it, for API and tools alike: a date-time or a date. */
    private static Schema<?> moment() {
        return new ComposedSchema().anyOf(List.of(new StringSchema().format("date-time"),
                new StringSchema().format("date"), new StringSchema().pattern(LOKAAL_MOMENT)));
    }

    /**
     * What the controllers take as strings and check themselves: the format, range or values they
     * accept. Named here once, since the same parameter recurs on several paths.
     */
    private static void beschrijf(String pad, Parameter parameter) {
        String naam = parameter.getName();
        switch (naam) {
            case "alsOp" -> parameter.schema(moment())
                    .description("Het antwoord zoals het op dit moment was: RFC 3339 met tijdzone, een datum-tijd"
                            + " zonder tijdzone (Europe/Amsterdam) of een datum (het einde van die dag in"
                            + " Europe/Amsterdam); jaren 1900-9999; standaard nu.");
            case "tijdas" -> parameter.schema(new StringSchema()._enum(List.of("gebeurd", "bekend"))._default("gebeurd"))
                    .description("Wat meetelt bij `alsOp`: wat er toen gebeurd was (`gebeurd`) of wat de engine toen"
                            + " ontvangen had (`bekend`).");
            case "zaakId" -> parameter.schema(new StringSchema().format("uuid")).description("De zaak (UUID).");
            case "klantreisId" -> parameter.schema(new StringSchema().format("uuid"))
                    .description("De klantreis (UUID).");
            case "klantId" -> parameter.schema(new StringSchema().pattern(KLANT_ID_PATROON))
                    .description("Het pseudoniem van de klant, gevonden met `POST /api/v1/klanten/zoeken`; nooit"
                            + " een BSN of KVK-nummer.");
            case "kpi" -> parameter.schema(new StringSchema()._enum(Kpivraag.KPIS))
                    .description("De KPI (KLANTREIS-EN-KPI.md §3); een andere naam krijgt 404.");
            case "van", "tot" -> {
                if (pad.startsWith("/api/v1/kpi")) {
                    parameter.required(true).schema(new StringSchema().format("date")).description("van".equals(naam)
                            ? "Begin van de periode (datum, inclusief), naar de eerste stap van de klantreis."
                            : "Einde van de periode (datum, exclusief).");
                } else {
                    parameter.schema(new StringSchema().format("date-time")).description("van".equals(naam)
                            ? "Alleen verwerkingen vanaf dit tijdstip (RFC 3339 met tijdzone, inclusief)."
                            : "Alleen verwerkingen voor dit tijdstip (RFC 3339 met tijdzone, exclusief; na `van`).");
                }
            }
            case "peilmoment" -> parameter.schema(moment())
                    .description("Het moment waarop gemeten wordt: RFC 3339 met tijdzone, een datum-tijd zonder"
                            + " tijdzone (Europe/Amsterdam) of een datum (het einde van die dag); jaren 1900-9999;"
                            + " standaard nu.");
            case "per" -> parameter.schema(new StringSchema()._enum(List.of(Kpivraag.PER_KANAAL, Kpivraag.PER_ZAAKTYPE)))
                    .description("Uitsplitsing per kanaal of per zaaktype, voor zover de KPI die kent (anders 400).");
            case "limiet" -> {
                Number maximum = parameter.getSchema() == null ? null : parameter.getSchema().getMaximum();
                IntegerSchema schema = new IntegerSchema();
                schema.minimum(java.math.BigDecimal.ONE);
                schema.maximum(maximum == null ? null : new java.math.BigDecimal(maximum.toString()));
                parameter.schema(schema).description("Ten hoogste zoveel verwerkingen, de nieuwste eerst; standaard"
                        + " het maximum. `meer` zegt of er meer waren.");
            }
            case "betrokkene" -> parameter.schema(new StringSchema().pattern(KLANT_ID_PATROON))
                    .description("Alleen verwerkingen van deze klant (zijn `klantId`).");
            case "actor" -> parameter.schema(new StringSchema().minLength(1).maxLength(256))
                    .description("Alleen verwerkingen door deze gebruiker (het `sub` van zijn token).");
            case "traceId" -> parameter.schema(new StringSchema().pattern("^[0-9a-fA-F]{32}$"))
                    .description("Alleen verwerkingen van dit verzoek (W3C Trace Context, 32 hexadecimale tekens).");
            case "Last-Event-ID" -> parameter.description("Het `id` van het laatst ontvangen event, bij opnieuw"
                    + " verbinden: gelijk aan de huidige positie geeft pas bij de volgende wijziging een event.");
            default -> {
                // A parameter this class does not know keeps what its own annotations say.
            }
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void beschrijfSchemas(Components onderdelen) {
        Map<String, Schema> schemas = onderdelen.getSchemas();
        Map<String, String> beschrijvingen = new LinkedHashMap<>();
        beschrijvingen.put("Zaakkaart", "Een zaak in de MijnZaken-lijst. Een zaak boven `zaakvertrouwelijk` toont alleen"
                + " `zaakId`, `identificatie`, `zaaktype` en `status.groep`; de andere velden zijn dan null.");
        beschrijvingen.put("Zaakdetail", "Een `Zaakkaart` plus de geschiedenis van de zaak: statussen (oudste"
                + " eerst), klantcontacten, opschortingen en verlengingen.");
        beschrijvingen.put("MijnZakenAntwoord", "De zaken van de burger van het token, nieuwste eerst.");
        beschrijvingen.put("Klantbeeld", "Een klant over alle kanalen heen voor de medewerker: voorkeuren, open"
                + " zaken, recente contacten (nieuwste eerst), open vervolgacties, kanaalmix (laatste 12 maanden)"
                + " en lopende klantreizen.");
        beschrijvingen.put("Klantreis", "Een klantreis stap voor stap. Voor de analist zonder `klantId`.");
        beschrijvingen.put("KlantreizenAntwoord", "De klantreizen van een klant.");
        beschrijvingen.put("Kpi", "Een KPI over een periode (naar de eerste stap van de klantreis) op een"
                + " peilmoment: `waarde` met `teller` en `noemer` (verhoudingen, gemiddelden), `aantal`"
                + " (tellingen) of de eigen velden van de KPI; met `per` ook een `uitsplitsing`.");
        beschrijvingen.put("Integriteitsrapport", "Of alle ketens van het verwerkingslog (per tabel een of meer) heel"
                + " zijn, hoeveel records gecontroleerd zijn en de eerste breuk.");
        beschrijvingen.forEach((naam, tekst) -> {
            if (schemas.containsKey(naam)) {
                schemas.get(naam).description(tekst);
            }
        });
        for (Schema schema : schemas.values()) {
            Map<String, Schema> velden = schema.getProperties();
            if (velden == null) {
                continue;
            }
            velden.forEach((veld, eigenschap) -> {
                if (UUID_VELDEN.contains(veld) && soorten(eigenschap).contains("string") && eigenschap.getFormat() == null) {
                    eigenschap.format("uuid");
                }
            });
        }
        opsomming(schemas.get("Klantreis"), "status", List.of("lopend", "beeindigd"));
        opsomming(schemas.get("Stap"), "soort", List.of("klantcontact", "zaak-geregistreerd"));
        Schema kpi = schemas.get("Kpi");
        Schema deel = schemas.get("Kpideel");
        if (kpi != null && deel != null && kpi.getProperties() != null) {
            // @JsonUnwrapped: a part of an uitsplitsing carries the same figures as the whole.
            Map<String, Schema> velden = new LinkedHashMap<>(deel.getProperties());
            ((Map<String, Schema>) kpi.getProperties()).forEach((veld, eigenschap) -> {
                if (!Set.of("kpi", "van", "tot", "peilmoment", "uitsplitsing").contains(veld)) {
                    velden.putIfAbsent(veld, eigenschap);
                }
            });
            deel.properties(velden).description("Een deel van de uitsplitsing: de sleutel (`kanaal` of `zaaktype`)"
                    + " en dezelfde cijfers als het geheel.");
        }
    }

    /**
     * The read models' records are written with every field, a null one as {@code null} (only
     * fields marked NON_NULL are left out), so each of their fields may be null unless the schema
     * requires it; lists are never null. Said here, since the records live in the projections
     * module, which knows nothing of OpenAPI. Only schemas without a description of their own: those
     * springdoc made from the records; the api's own {@code @Schema} records all carry one, and their
     * optional fields are absent rather than null. Runs before this class adds its schemas and
     * descriptions.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void nullbaar(Components onderdelen) {
        if (onderdelen.getSchemas() == null) {
            return;
        }
        for (Schema schema : onderdelen.getSchemas().values()) {
            Map<String, Schema> velden = schema.getProperties();
            if (velden == null || schema.getDescription() != null) {
                continue;
            }
            List<String> verplicht = schema.getRequired() == null ? List.of() : schema.getRequired();
            for (Map.Entry<String, Schema> veld : new ArrayList<>(velden.entrySet())) {
                Schema eigenschap = veld.getValue();
                if (verplicht.contains(veld.getKey()) || "array".equals(eigenschap.getType())) {
                    continue;
                }
                if (eigenschap.get$ref() != null) {
                    Schema<Object> ofNull = new Schema<>();
                    ofNull.addAnyOfItem(new Schema<>().$ref(eigenschap.get$ref()));
                    Schema<Object> leeg = new Schema<>();
                    leeg.addType("null");
                    ofNull.addAnyOfItem(leeg);
                    velden.put(veld.getKey(), ofNull);
                } else if (!soorten(eigenschap).isEmpty()) {
                    // OpenAPI 3.1 (springdoc's default): null is a type, there is no `nullable`.
                    Set<String> soorten = soorten(eigenschap);
                    soorten.add("null");
                    eigenschap.types(soorten);
                }
            }
        }
    }

    /** The JSON types of a schema, whether it was made for OpenAPI 3.1 ({@code types}) or 3.0 ({@code type}). */
    @SuppressWarnings("rawtypes")
    private static Set<String> soorten(Schema schema) {
        Set<String> soorten = new LinkedHashSet<>();
        if (schema.getTypes() != null) {
            soorten.addAll(schema.getTypes());
        } else if (schema.getType() != null) {
            soorten.add(schema.getType());
        }
        return soorten;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void opsomming(Schema schema, String veld, List<String> waarden) {
        if (schema != null && schema.getProperties() != null && schema.getProperties().get(veld) instanceof Schema s) {
            s._enum(waarden);
        }
    }

    /** Gives a generated schema its contract name (API.md), and every reference to it with it. */
    @SuppressWarnings("rawtypes")
    private static void hernoem(OpenAPI api, String oud, String nieuw) {
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        if (schemas == null || !schemas.containsKey(oud) || schemas.containsKey(nieuw)) {
            return;
        }
        schemas.put(nieuw, schemas.remove(oud));
        schemas.get(nieuw).name(nieuw);
        api.getPaths().values().forEach(item -> item.readOperations().forEach(operatie -> {
            if (operatie.getResponses() != null) {
                operatie.getResponses().values().forEach(antwoord -> {
                    if (antwoord.getContent() != null) {
                        antwoord.getContent().values().forEach(media -> {
                            if (media.getSchema() != null && (SCHEMAS + oud).equals(media.getSchema().get$ref())) {
                                media.getSchema().$ref(SCHEMAS + nieuw);
                            }
                        });
                    }
                });
            }
        }));
    }

    /**
     * Drops the components nothing refers to any more (the empty {@code JsonNode} and
     * {@code ServerSentEvent} schemas the annotations replaced): an unused component is noise to a
     * reader and a warning to Spectral.
     */
    private static void ruimOp(OpenAPI api) {
        Components onderdelen = api.getComponents();
        Set<String> gebruikt = new LinkedHashSet<>();
        Set<String> gezien;
        do {
            gezien = new LinkedHashSet<>(gebruikt);
            gebruikt.clear();
            OpenAPI zonderComponenten = new OpenAPI().paths(api.getPaths());
            verzamel(Json.pretty(zonderComponenten), gebruikt);
            Components deel = new Components();
            for (String naam : gezien) {
                String[] delen = naam.split("/", 2);
                if (delen[0].equals("schemas") && onderdelen.getSchemas() != null) {
                    deel.addSchemas(delen[1], onderdelen.getSchemas().get(delen[1]));
                } else if (delen[0].equals("responses") && onderdelen.getResponses() != null) {
                    deel.addResponses(delen[1], onderdelen.getResponses().get(delen[1]));
                }
            }
            verzamel(Json.pretty(deel), gebruikt);
        } while (!gebruikt.equals(gezien));
        if (onderdelen.getSchemas() != null) {
            onderdelen.getSchemas().keySet().removeIf(naam -> !gebruikt.contains("schemas/" + naam));
        }
        if (onderdelen.getResponses() != null) {
            onderdelen.getResponses().keySet().removeIf(naam -> !gebruikt.contains("responses/" + naam));
        }
    }

    private static void verzamel(String json, Set<String> gebruikt) {
        Matcher matcher = VERWIJZING.matcher(json);
        while (matcher.find()) {
            gebruikt.add(matcher.group(1) + "/" + matcher.group(2));
        }
    }
}
