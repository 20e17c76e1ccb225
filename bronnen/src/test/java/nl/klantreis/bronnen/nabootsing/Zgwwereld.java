package nl.klantreis.bronnen.nabootsing;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The state of one municipality's Open Zaak (Zaken, Catalogi) and Open Klant (Klantinteracties), kept consistent
 * the way the real systems keep it: a status moves {@code zaak.status} to the newest and closes the zaak on an
 * eindstatus, a resultaat sets {@code zaak.resultaat}, an opschorting or verlenging changes the zaak and leaves an
 * audittrail entry with the zaak before and after, a betrokkene brings its partij and partij-identificator. Every
 * change returns the resource and the ZGW notification the source would send for it (kanalen {@code zaken} and
 * {@code klantcontacten}, kenmerken as in Open Zaak's {@code zaken/api/kanalen.py} and Open Klant's
 * {@code klantinteracties/kanalen.py}), and the notifications are also kept in order ({@link #notificaties()}).
 *
 * <p>Thread-safe (every method holds the world's lock); what it hands out are copies.
 */
public final class Zgwwereld {

    public static final String BRONORGANISATIE = "002220647";
    public static final String CATALOGUS_UUID = "f7afd156-c8f5-4666-b8b5-28a4a9b5dfc7";
    /**
     * Catalogi's {@code eindeObject} is required and not nullable in the published specification, so the stand-in
     * gives the far date, where Open Zaak itself sends null for a type still valid.
     */
    static final String OPEN_EINDE = "9999-12-31";
    static final DateTimeFormatter MOMENT = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String basis;
    /** collection name (as in the URL) to uuid to resource, in insertion order. */
    private final Map<String, Map<String, ObjectNode>> verzamelingen = new LinkedHashMap<>();
    private final Map<String, List<ObjectNode>> audittrails = new LinkedHashMap<>();
    private final Map<String, List<ObjectNode>> statussenPerZaak = new java.util.HashMap<>();
    private final Map<String, String> partijPerIdentificatie = new LinkedHashMap<>();
    private final List<ObjectNode> notificaties = new ArrayList<>();
    private long teller;
    private int klantcontactnummer;
    private int partijnummer;

    /** @param basis the stand-in's base URL, e.g. {@code http://127.0.0.1:40123} (the APIs are below it) */
    public Zgwwereld(String basis) {
        this.basis = basis.endsWith("/") ? basis.substring(0, basis.length() - 1) : basis;
    }

    public String basis() {
        return basis;
    }

    public String zakenApi() {
        return basis + "/zaken/api/v1";
    }

    public String catalogiApi() {
        return basis + "/catalogi/api/v1";
    }

    public String klantinteractiesApi() {
        return basis + "/klantinteracties/api/v1";
    }

    public String notificatiesApi() {
        return basis + "/notificaties/api/v1";
    }

    public String catalogus() {
        return catalogiApi() + "/catalogussen/" + CATALOGUS_UUID;
    }

    // ---------------------------------------------------------------- results

    /**
     * What a change made.
     *
     * @param url         the created or changed resource's URL
     * @param resource    the resource as the API now serves it (a copy)
     * @param notificatie the notification the source sends for it; null where the source sends none (Open Klant sends
     *                    none for betrokkenen and onderwerpobjecten)
     */
    public record Wijziging(String url, ObjectNode resource, ObjectNode notificatie) {
        public String uuid() {
            return url.substring(url.lastIndexOf('/') + 1);
        }
    }

    /** A zaaktype of the catalogus with its statustypen (by volgnummer, from 1) and resultaattypen (by omschrijving). */
    public record Zaaktype(String url, String identificatie, List<String> statustypen, Map<String, String> resultaattypen) {
        public String statustype(int volgnummer) {
            return statustypen.get(volgnummer - 1);
        }

        public String eindstatus() {
            return statustypen.get(statustypen.size() - 1);
        }

        public String resultaattype(String omschrijving) {
            String url = resultaattypen.get(omschrijving);
            if (url == null) {
                throw new IllegalArgumentException("geen resultaattype " + omschrijving + " in " + resultaattypen.keySet());
            }
            return url;
        }
    }

    /** One statustype to create: {@code omschrijving} and the {@code statustekst} the burger sees. */
    public record Statustype(String omschrijving, String statustekst) {
    }

    // ---------------------------------------------------------------- Catalogi

    /** A published zaaktype; its statustypen get volgnummer 1..n, the last is the eindstatus (as Open Zaak derives). */
    public synchronized Zaaktype zaaktype(String identificatie, String omschrijving, List<Statustype> statustypen,
                                          List<String> resultaattypen) {
        String uuid = nieuweUuid();
        String url = catalogiApi() + "/zaaktypen/" + uuid;
        List<String> statusUrls = new ArrayList<>();
        for (int i = 0; i < statustypen.size(); i++) {
            Statustype st = statustypen.get(i);
            String su = nieuweUuid();
            ObjectNode s = JSON.createObjectNode();
            s.put("url", catalogiApi() + "/statustypen/" + su);
            s.put("omschrijving", st.omschrijving());
            s.put("omschrijvingGeneriek", "");
            s.put("statustekst", st.statustekst() == null ? "" : st.statustekst());
            s.put("zaaktype", url);
            s.put("zaaktypeIdentificatie", identificatie);
            s.put("volgnummer", i + 1);
            s.put("isEindstatus", i == statustypen.size() - 1);
            s.put("informeren", true);
            s.putNull("doorlooptijd");
            s.put("toelichting", "");
            s.putArray("checklistitemStatustype");
            s.put("catalogus", catalogus());
            s.putArray("eigenschappen");
            s.putArray("zaakobjecttypen");
            s.put("beginGeldigheid", "2026-01-01");
            s.putNull("eindeGeldigheid");
            s.put("beginObject", "2026-01-01");
            s.put("eindeObject", OPEN_EINDE);
            bewaar("statustypen", su, s);
            statusUrls.add(s.get("url").asText());
        }
        Map<String, String> resultaatUrls = new LinkedHashMap<>();
        for (String r : resultaattypen) {
            String ru = nieuweUuid();
            ObjectNode o = JSON.createObjectNode();
            o.put("url", catalogiApi() + "/resultaattypen/" + ru);
            o.put("zaaktype", url);
            o.put("zaaktypeIdentificatie", identificatie);
            o.put("omschrijving", r);
            o.put("resultaattypeomschrijving",
                    "https://selectielijst.openzaak.nl/api/v1/resultaattypeomschrijvingen/fb65d251-1518-4185-865f-b8bdcfad07b1");
            o.put("omschrijvingGeneriek", "Toegekend");
            o.put("selectielijstklasse", "https://selectielijst.openzaak.nl/api/v1/resultaten/afa30940-855b-4a7e-aa21-9e15a8078814");
            o.put("toelichting", "");
            o.put("archiefnominatie", "blijvend_bewaren");
            o.put("archiefactietermijn", "P10Y");
            o.putNull("brondatumArchiefprocedure");
            o.put("procesobjectaard", "");
            o.putNull("indicatieSpecifiek");
            o.putNull("procestermijn");
            o.put("catalogus", catalogus());
            o.putArray("besluittypen");
            o.putArray("besluittypeOmschrijving");
            o.putArray("informatieobjecttypen");
            o.putArray("informatieobjecttypeOmschrijving");
            o.put("beginGeldigheid", "2026-01-01");
            o.putNull("eindeGeldigheid");
            o.put("beginObject", "2026-01-01");
            o.put("eindeObject", OPEN_EINDE);
            bewaar("resultaattypen", ru, o);
            resultaatUrls.put(r, o.get("url").asText());
        }
        ObjectNode z = JSON.createObjectNode();
        z.put("url", url);
        z.put("identificatie", identificatie);
        z.put("omschrijving", omschrijving);
        z.put("omschrijvingGeneriek", "");
        z.put("vertrouwelijkheidaanduiding", "openbaar");
        z.put("doel", omschrijving);
        z.put("aanleiding", "Een aanvraag van een burger of bedrijf.");
        z.put("toelichting", "");
        z.put("indicatieInternOfExtern", "extern");
        z.put("handelingInitiator", "aanvragen");
        z.put("onderwerp", omschrijving.length() > 80 ? omschrijving.substring(0, 80) : omschrijving);
        z.put("handelingBehandelaar", "behandelen");
        z.put("doorlooptijd", "P56D");
        z.putNull("servicenorm");
        z.put("opschortingEnAanhoudingMogelijk", true);
        z.put("verlengingMogelijk", true);
        z.put("verlengingstermijn", "P42D");
        z.putArray("trefwoorden");
        z.put("publicatieIndicatie", false);
        z.put("publicatietekst", "");
        z.putArray("verantwoordingsrelatie");
        z.putArray("productenOfDiensten");
        z.put("selectielijstProcestype", "https://selectielijst.openzaak.nl/api/v1/procestypen/aa8aa2fd-b9c6-4e34-9a6c-58a677f60ea0");
        ObjectNode proces = z.putObject("referentieproces");
        proces.put("naam", omschrijving.length() > 80 ? omschrijving.substring(0, 80) : omschrijving);
        proces.put("link", "https://www.gemmaonline.nl/index.php/Procesarchitectuur_Referentieprocessen");
        z.put("concept", false);
        z.put("verantwoordelijke", BRONORGANISATIE);
        z.put("beginGeldigheid", "2026-01-01");
        z.putNull("eindeGeldigheid");
        z.put("versiedatum", "2026-01-01");
        z.put("beginObject", "2026-01-01");
        z.put("eindeObject", OPEN_EINDE);
        z.put("catalogus", catalogus());
        ArrayNode st = z.putArray("statustypen");
        statusUrls.forEach(st::add);
        ArrayNode rt = z.putArray("resultaattypen");
        resultaatUrls.values().forEach(rt::add);
        z.putArray("eigenschappen");
        z.putArray("informatieobjecttypen");
        z.putArray("roltypen").add(catalogiApi() + "/roltypen/" + roltypeUuid(uuid));
        z.putArray("besluittypen");
        z.putArray("deelzaaktypen");
        z.putArray("gerelateerdeZaaktypen");
        z.putArray("zaakobjecttypen");
        bewaar("zaaktypen", uuid, z);
        return new Zaaktype(url, identificatie, List.copyOf(statusUrls), Map.copyOf(resultaatUrls));
    }

    // ---------------------------------------------------------------- Zaken

    /**
     * Registers a zaak (Open Zaak's {@code POST /zaken}): audittrail {@code create} at {@code geregistreerdOp}.
     *
     * @param communicatiekanaalNaam null when the zaak names none
     */
    public synchronized Wijziging zaak(String uuid, String identificatie, Zaaktype zaaktype, LocalDate registratiedatum,
                                       OffsetDateTime geregistreerdOp, String omschrijving, String communicatiekanaalNaam,
                                       String vertrouwelijkheidaanduiding) {
        String url = zakenApi() + "/zaken/" + uuid;
        if (verzameling("zaken").containsKey(uuid)) {
            throw new IllegalArgumentException("zaak " + uuid + " bestaat al");
        }
        ObjectNode z = JSON.createObjectNode();
        z.put("url", url);
        z.put("uuid", uuid);
        z.put("identificatie", identificatie);
        z.put("bronorganisatie", BRONORGANISATIE);
        z.put("omschrijving", omschrijving);
        z.put("toelichting", "");
        z.put("zaaktype", zaaktype.url());
        z.put("registratiedatum", registratiedatum.toString());
        z.put("verantwoordelijkeOrganisatie", BRONORGANISATIE);
        z.put("startdatum", registratiedatum.toString());
        z.putNull("einddatum");
        z.putNull("einddatumGepland");
        z.putNull("uiterlijkeEinddatumAfdoening");
        z.putNull("publicatiedatum");
        z.put("laatstGemuteerd", geregistreerdOp.format(MOMENT));
        z.putNull("laatstGeopend");
        z.put("communicatiekanaalNaam", communicatiekanaalNaam == null ? "" : communicatiekanaalNaam);
        z.putArray("productenOfDiensten");
        z.put("vertrouwelijkheidaanduiding", vertrouwelijkheidaanduiding);
        z.put("betalingsindicatie", "");
        z.put("betalingsindicatieWeergave", "");
        z.putNull("laatsteBetaaldatum");
        z.putNull("zaakgeometrie");
        z.putNull("verlenging");
        ObjectNode opschorting = z.putObject("opschorting");
        opschorting.put("indicatie", false);
        opschorting.put("eerdereOpschorting", false);
        opschorting.put("reden", "");
        z.putNull("hoofdzaak");
        z.putArray("deelzaken");
        z.putArray("relevanteAndereZaken");
        z.putArray("gerelateerdeZaken");
        z.putArray("eigenschappen");
        z.putArray("rollen");
        z.putNull("status");
        z.putArray("zaakinformatieobjecten");
        z.putArray("zaakobjecten");
        z.putArray("kenmerken");
        z.putNull("archiefnominatie");
        z.put("archiefstatus", "nog_te_archiveren");
        z.putNull("archiefactiedatum");
        z.putNull("resultaat");
        z.put("processobjectaard", "");
        z.putNull("startdatumBewaartermijn");
        z.putNull("processobject");
        bewaar("zaken", uuid, z);
        audittrail(z, "zaak", url, "create", 201, geregistreerdOp, null, z);
        return new Wijziging(url, z.deepCopy(), zaaknotificatie(z, "zaak", url, "create", geregistreerdOp));
    }

    /** The zaak's initiator, a natuurlijk persoon (Rol {@code natuurlijk_persoon} with {@code inpBsn}). */
    public synchronized Wijziging initiatorBsn(String zaakUrl, String bsn, OffsetDateTime moment) {
        ObjectNode id = JSON.createObjectNode();
        id.put("inpBsn", bsn);
        id.put("anpIdentificatie", "");
        id.put("geslachtsnaam", "");
        id.put("voorvoegselGeslachtsnaam", "");
        id.put("voorletters", "");
        id.put("voornamen", "");
        id.put("geslachtsaanduiding", "");
        id.put("geboortedatum", "");
        id.putNull("verblijfsadres");
        id.putNull("subVerblijfBuitenland");
        return rol(zaakUrl, "natuurlijk_persoon", id, moment);
    }

    /**
     * The zaak's initiator, a company: Rol {@code vestiging} when {@code vestigingsnummer} is given, else
     * {@code niet_natuurlijk_persoon}; both with {@code kvkNummer}.
     */
    public synchronized Wijziging initiatorKvk(String zaakUrl, String kvkNummer, String vestigingsnummer,
                                               OffsetDateTime moment) {
        ObjectNode id = JSON.createObjectNode();
        if (vestigingsnummer != null) {
            id.put("vestigingsNummer", vestigingsnummer);
            id.putArray("handelsnaam");
            id.putNull("verblijfsadres");
            id.putNull("subVerblijfBuitenland");
            id.put("kvkNummer", kvkNummer);
            return rol(zaakUrl, "vestiging", id, moment);
        }
        id.put("annIdentificatie", "");
        id.put("kvkNummer", kvkNummer);
        id.put("vestigingsNummer", "");
        id.put("statutaireNaam", "");
        id.put("innRechtsvorm", "");
        id.put("bezoekadres", "");
        id.putNull("verblijfsadres");
        id.putNull("subVerblijfBuitenland");
        return rol(zaakUrl, "niet_natuurlijk_persoon", id, moment);
    }

    private Wijziging rol(String zaakUrl, String betrokkeneType, ObjectNode identificatie, OffsetDateTime moment) {
        ObjectNode zaak = zaakVan(zaakUrl);
        String uuid = nieuweUuid();
        String url = zakenApi() + "/rollen/" + uuid;
        String zaaktypeUuid = laatste(zaak.get("zaaktype").asText());
        ObjectNode r = JSON.createObjectNode();
        r.put("url", url);
        r.put("uuid", uuid);
        r.put("zaak", zaakUrl);
        r.put("betrokkeneType", betrokkeneType);
        r.put("afwijkendeNaamBetrokkene", "");
        r.put("roltype", catalogiApi() + "/roltypen/" + roltypeUuid(zaaktypeUuid));
        r.put("omschrijving", "Aanvrager");
        r.put("omschrijvingGeneriek", "initiator");
        r.put("roltoelichting", "");
        r.put("registratiedatum", moment.format(MOMENT));
        r.put("indicatieMachtiging", "");
        r.putNull("contactpersoonRol");
        r.putArray("statussen");
        r.putNull("beginGeldigheid");
        r.putNull("eindeGeldigheid");
        r.set("betrokkeneIdentificatie", identificatie);
        r.putNull("authenticatieContext");
        bewaar("rollen", uuid, r);
        ((ArrayNode) zaak.get("rollen")).add(url);
        return new Wijziging(url, r.deepCopy(), zaaknotificatie(zaak, "rol", url, "create", moment));
    }

    /**
     * Sets a status (Open Zaak's {@code POST /statussen}): {@code zaak.status} points at the newest by
     * {@code datumStatusGezet}, only that one has {@code indicatieLaatstGezetteStatus}; an eindstatus sets
     * {@code zaak.einddatum} to its date.
     *
     * @param statustoelichting null for none
     */
    public synchronized Wijziging status(String zaakUrl, String statustypeUrl, OffsetDateTime datumStatusGezet,
                                         String statustoelichting) {
        ObjectNode zaak = zaakVan(zaakUrl);
        ObjectNode statustype = verzameling("statustypen").get(laatste(statustypeUrl));
        if (statustype == null || !statustype.get("zaaktype").asText().equals(zaak.get("zaaktype").asText())) {
            throw new IllegalArgumentException(statustypeUrl + " is geen statustype van het zaaktype van " + zaakUrl);
        }
        String uuid = nieuweUuid();
        String url = zakenApi() + "/statussen/" + uuid;
        ObjectNode s = JSON.createObjectNode();
        s.put("url", url);
        s.put("uuid", uuid);
        s.put("zaak", zaakUrl);
        s.put("statustype", statustypeUrl);
        s.put("datumStatusGezet", datumStatusGezet.format(MOMENT));
        s.put("statustoelichting", statustoelichting == null ? "" : statustoelichting);
        s.put("indicatieLaatstGezetteStatus", false);
        s.putNull("gezetdoor");
        s.putArray("zaakinformatieobjecten");
        bewaar("statussen", uuid, s);
        List<ObjectNode> vanZaak = statussenPerZaak.computeIfAbsent(zaakUrl, k -> new ArrayList<>());
        vanZaak.add(s);
        ObjectNode nieuwste = null;
        for (ObjectNode o : vanZaak) {
            o.put("indicatieLaatstGezetteStatus", false);
            if (nieuwste == null || moment(o, "datumStatusGezet").compareTo(moment(nieuwste, "datumStatusGezet")) >= 0) {
                nieuwste = o;
            }
        }
        nieuwste.put("indicatieLaatstGezetteStatus", true);
        zaak.put("status", nieuwste.get("url").asText());
        if (statustype.get("isEindstatus").asBoolean()) {
            zaak.put("einddatum", datumStatusGezet.toLocalDate().toString());
        }
        zaak.put("laatstGemuteerd", datumStatusGezet.format(MOMENT));
        return new Wijziging(url, s.deepCopy(), zaaknotificatie(zaak, "status", url, "create", datumStatusGezet));
    }

    /** Sets the resultaat (Open Zaak's {@code POST /resultaten}); {@code zaak.resultaat} points at it. */
    public synchronized Wijziging resultaat(String zaakUrl, String resultaattypeUrl, String toelichting,
                                            OffsetDateTime moment) {
        ObjectNode zaak = zaakVan(zaakUrl);
        String uuid = nieuweUuid();
        String url = zakenApi() + "/resultaten/" + uuid;
        ObjectNode r = JSON.createObjectNode();
        r.put("url", url);
        r.put("uuid", uuid);
        r.put("zaak", zaakUrl);
        r.put("resultaattype", resultaattypeUrl);
        r.put("toelichting", toelichting == null ? "" : toelichting);
        bewaar("resultaten", uuid, r);
        zaak.put("resultaat", url);
        zaak.put("laatstGemuteerd", moment.format(MOMENT));
        return new Wijziging(url, r.deepCopy(), zaaknotificatie(zaak, "resultaat", url, "create", moment));
    }

    /** Suspends the zaak ({@code PATCH /zaken/{uuid}} with {@code opschorting}); audittrail {@code partial_update}. */
    public synchronized Wijziging opschorten(String zaakUrl, OffsetDateTime moment, String reden) {
        return wijzigZaak(zaakUrl, moment, z -> {
            ObjectNode o = (ObjectNode) z.get("opschorting");
            o.put("indicatie", true);
            o.put("reden", reden);
        });
    }

    /** Resumes a suspended zaak; {@code eerdereOpschorting} becomes true, as Open Zaak keeps it. */
    public synchronized Wijziging hervatten(String zaakUrl, OffsetDateTime moment) {
        return wijzigZaak(zaakUrl, moment, z -> {
            ObjectNode o = (ObjectNode) z.get("opschorting");
            o.put("indicatie", false);
            o.put("eerdereOpschorting", true);
            o.put("reden", "");
        });
    }

    /** Extends the zaak ({@code verlenging.duur} as an ISO-8601 duration in days). */
    public synchronized Wijziging verlengen(String zaakUrl, OffsetDateTime moment, int duurDagen, String reden) {
        return wijzigZaak(zaakUrl, moment, z -> {
            ObjectNode v = z.putObject("verlenging");
            v.put("reden", reden);
            v.put("duur", "P" + duurDagen + "D");
        });
    }

    private Wijziging wijzigZaak(String zaakUrl, OffsetDateTime moment, java.util.function.Consumer<ObjectNode> wijziging) {
        ObjectNode zaak = zaakVan(zaakUrl);
        ObjectNode oud = zaak.deepCopy();
        wijziging.accept(zaak);
        zaak.put("laatstGemuteerd", moment.format(MOMENT));
        audittrail(zaak, "zaak", zaakUrl, "partial_update", 200, moment, oud, zaak);
        return new Wijziging(zaakUrl, zaak.deepCopy(), zaaknotificatie(zaak, "zaak", zaakUrl, "partial_update", moment));
    }

    private void audittrail(ObjectNode zaak, String resource, String resourceUrl, String actie, int resultaat,
                            OffsetDateTime moment, ObjectNode oud, ObjectNode nieuw) {
        ObjectNode a = JSON.createObjectNode();
        a.put("uuid", nieuweUuid());
        a.put("bron", "zrc");
        a.put("applicatieId", "");
        a.put("applicatieWeergave", "Zaaksysteem");
        a.put("gebruikersId", "");
        a.put("gebruikersWeergave", "");
        a.put("actie", actie);
        a.put("actieWeergave", "create".equals(actie) ? "Object aangemaakt" : "Object deels bijgewerkt");
        a.put("resultaat", resultaat);
        a.put("hoofdObject", zaak.get("url").asText());
        a.put("resource", resource);
        a.put("resourceUrl", resourceUrl);
        a.put("toelichting", "");
        a.put("resourceWeergave", zaak.get("identificatie").asText());
        a.put("aanmaakdatum", moment.format(MOMENT));
        ObjectNode w = a.putObject("wijzigingen");
        if (oud == null) {
            w.putNull("oud");
        } else {
            w.set("oud", oud.deepCopy());
        }
        w.set("nieuw", nieuw.deepCopy());
        audittrails.computeIfAbsent(zaak.get("uuid").asText(), k -> new ArrayList<>()).add(a);
    }

    private ObjectNode zaaknotificatie(ObjectNode zaak, String resource, String resourceUrl, String actie,
                                       OffsetDateTime moment) {
        ObjectNode n = JSON.createObjectNode();
        n.put("kanaal", "zaken");
        n.put("hoofdObject", zaak.get("url").asText());
        n.put("resource", resource);
        n.put("resourceUrl", resourceUrl);
        n.put("actie", actie);
        n.put("aanmaakdatum", moment.format(MOMENT));
        ObjectNode k = n.putObject("kenmerken");
        k.put("bronorganisatie", zaak.get("bronorganisatie").asText());
        k.put("zaaktype", zaak.get("zaaktype").asText());
        k.put("zaaktype.catalogus", catalogus());
        k.put("vertrouwelijkheidaanduiding", zaak.get("vertrouwelijkheidaanduiding").asText());
        notificaties.add(n);
        return n.deepCopy();
    }

    // ---------------------------------------------------------------- Klantinteracties

    /**
     * Registers a klantcontact (Open Klant's {@code POST /klantcontacten}); notification on kanaal
     * {@code klantcontacten} at {@code plaatsgevondenOp}.
     *
     * @param inhoud   null for none
     * @param metadata what the channel system keeps beside the standard fields (strings); null or empty for none
     */
    public synchronized Wijziging klantcontact(String uuid, OffsetDateTime plaatsgevondenOp, String kanaal,
                                               String onderwerp, String inhoud, boolean indicatieContactGelukt,
                                               Map<String, String> metadata) {
        if (verzameling("klantcontacten").containsKey(uuid)) {
            throw new IllegalArgumentException("klantcontact " + uuid + " bestaat al");
        }
        String url = klantinteractiesApi() + "/klantcontacten/" + uuid;
        ObjectNode k = JSON.createObjectNode();
        k.put("uuid", uuid);
        k.put("url", url);
        k.putArray("gingOverOnderwerpobjecten");
        k.putArray("hadBetrokkenActoren");
        k.putArray("omvatteBijlagen");
        k.putArray("hadBetrokkenen");
        k.putArray("leiddeTotInterneTaken");
        k.put("nummer", String.format("%010d", ++klantcontactnummer));
        k.putNull("referentienummer");
        k.put("kanaal", kanaal);
        k.put("onderwerp", onderwerp);
        k.put("inhoud", inhoud == null ? "" : inhoud);
        k.put("reactie", "");
        k.put("indicatieContactGelukt", indicatieContactGelukt);
        k.put("verdereActieOndernomen", false);
        k.put("taal", "nld");
        k.put("vertrouwelijk", false);
        k.put("plaatsgevondenOp", plaatsgevondenOp.format(MOMENT));
        ObjectNode m = k.putObject("metadata");
        if (metadata != null) {
            metadata.forEach(m::put);
        }
        bewaar("klantcontacten", uuid, k);
        ObjectNode n = JSON.createObjectNode();
        n.put("kanaal", "klantcontacten");
        n.put("hoofdObject", url);
        n.put("resource", "klantcontact");
        n.put("resourceUrl", url);
        n.put("actie", "create");
        n.put("aanmaakdatum", plaatsgevondenOp.format(MOMENT));
        ObjectNode ken = n.putObject("kenmerken");
        // Open Klant's kanaal names these three; Notificaties' Message allows only text values in kenmerken.
        ken.put("hoofdOnderwerpType", "");
        ken.put("indicatieContactGelukt", Boolean.toString(indicatieContactGelukt));
        ken.put("verdereActieOndernomen", "false");
        notificaties.add(n);
        return new Wijziging(url, k.deepCopy(), n.deepCopy());
    }

    /** The klant as betrokkene (initiator, rol {@code klant}), a persoon identified by bsn (BRP). */
    public synchronized Wijziging betrokkeneBsn(String klantcontactUrl, String bsn) {
        return betrokkene(klantcontactUrl, "persoon", "natuurlijk_persoon", "bsn", "brp", bsn);
    }

    /** The klant as betrokkene (initiator, rol {@code klant}), an organisatie identified by kvk_nummer (HR). */
    public synchronized Wijziging betrokkeneKvk(String klantcontactUrl, String kvkNummer) {
        return betrokkene(klantcontactUrl, "organisatie", "niet_natuurlijk_persoon", "kvk_nummer", "hr", kvkNummer);
    }

    private Wijziging betrokkene(String klantcontactUrl, String soortPartij, String codeObjecttype,
                                 String codeSoortObjectId, String codeRegister, String objectId) {
        ObjectNode kc = klantcontactVan(klantcontactUrl);
        String partijUuid = partijPerIdentificatie.computeIfAbsent(codeSoortObjectId + ":" + objectId,
                k -> partij(soortPartij, codeObjecttype, codeSoortObjectId, codeRegister, objectId));
        ObjectNode partij = verzameling("partijen").get(partijUuid);
        String uuid = nieuweUuid();
        String url = klantinteractiesApi() + "/betrokkenen/" + uuid;
        ObjectNode b = JSON.createObjectNode();
        b.put("uuid", uuid);
        b.put("url", url);
        b.set("wasPartij", sleutel(partij));
        b.set("hadKlantcontact", sleutel(kc));
        b.putArray("digitaleAdressen");
        b.putNull("bezoekadres");
        b.putNull("correspondentieadres");
        b.putNull("contactnaam");
        b.put("volledigeNaam", "");
        b.put("rol", "klant");
        b.put("organisatienaam", "");
        b.put("initiator", true);
        bewaar("betrokkenen", uuid, b);
        ((ArrayNode) kc.get("hadBetrokkenen")).add(sleutel(b));
        ((ArrayNode) partij.get("betrokkenen")).add(sleutel(b));
        return new Wijziging(url, b.deepCopy(), null);
    }

    private String partij(String soortPartij, String codeObjecttype, String codeSoortObjectId, String codeRegister,
                          String objectId) {
        String uuid = nieuweUuid();
        ObjectNode p = JSON.createObjectNode();
        p.put("uuid", uuid);
        p.put("url", klantinteractiesApi() + "/partijen/" + uuid);
        p.put("nummer", String.format("%010d", ++partijnummer));
        p.put("interneNotitie", "");
        p.putArray("betrokkenen");
        p.putArray("categorieRelaties");
        p.putArray("digitaleAdressen");
        p.putNull("voorkeursDigitaalAdres");
        p.putArray("vertegenwoordigden");
        p.putArray("rekeningnummers");
        p.putNull("voorkeursRekeningnummer");
        ArrayNode ids = p.putArray("partijIdentificatoren");
        p.put("soortPartij", soortPartij);
        p.put("indicatieGeheimhouding", false);
        p.put("voorkeurstaal", "nld");
        p.put("indicatieActief", true);
        p.putNull("bezoekadres");
        p.putNull("correspondentieadres");
        ObjectNode identificatie = p.putObject("partijIdentificatie");
        if ("persoon".equals(soortPartij)) {
            identificatie.putNull("contactnaam");
            identificatie.put("volledigeNaam", "");
        } else {
            identificatie.put("naam", "");
        }
        String piUuid = nieuweUuid();
        ObjectNode pi = JSON.createObjectNode();
        pi.put("uuid", piUuid);
        pi.put("url", klantinteractiesApi() + "/partij-identificatoren/" + piUuid);
        pi.set("identificeerdePartij", sleutel(p));
        pi.put("anderePartijIdentificator", "");
        ObjectNode groep = pi.putObject("partijIdentificator");
        groep.put("codeObjecttype", codeObjecttype);
        groep.put("codeSoortObjectId", codeSoortObjectId);
        groep.put("objectId", objectId);
        groep.put("codeRegister", codeRegister);
        pi.putNull("subIdentificatorVan");
        bewaar("partij-identificatoren", piUuid, pi);
        ids.add(pi.deepCopy());
        bewaar("partijen", uuid, p);
        return uuid;
    }

    /** The klantcontact was about a zaak of Open Zaak (onderwerpobject {@code zaak}/{@code openzaak}/{@code uuid}). */
    public synchronized Wijziging onderwerpobject(String klantcontactUrl, String zaakUuid) {
        ObjectNode id = JSON.createObjectNode();
        id.put("objectId", zaakUuid);
        id.put("codeObjecttype", "zaak");
        id.put("codeRegister", "openzaak");
        id.put("codeSoortObjectId", "uuid");
        return onderwerpobject(klantcontactUrl, null, id);
    }

    /** This klantcontact continues an earlier one: an onderwerpobject with {@code wasKlantcontact}. */
    public synchronized Wijziging vervolgVan(String klantcontactUrl, String eerderKlantcontactUrl) {
        return onderwerpobject(klantcontactUrl, klantcontactVan(eerderKlantcontactUrl), null);
    }

    private Wijziging onderwerpobject(String klantcontactUrl, ObjectNode was, ObjectNode identificator) {
        ObjectNode kc = klantcontactVan(klantcontactUrl);
        String uuid = nieuweUuid();
        String url = klantinteractiesApi() + "/onderwerpobjecten/" + uuid;
        ObjectNode o = JSON.createObjectNode();
        o.put("uuid", uuid);
        o.put("url", url);
        o.set("klantcontact", sleutel(kc));
        if (was == null) {
            o.putNull("wasKlantcontact");
        } else {
            o.set("wasKlantcontact", sleutel(was));
        }
        if (identificator == null) {
            o.putNull("onderwerpobjectidentificator");
        } else {
            o.set("onderwerpobjectidentificator", identificator);
        }
        bewaar("onderwerpobjecten", uuid, o);
        ((ArrayNode) kc.get("gingOverOnderwerpobjecten")).add(sleutel(o));
        return new Wijziging(url, o.deepCopy(), null);
    }

    /** A medewerker (actor) who took part in the klantcontact. */
    public synchronized Wijziging medewerker(String klantcontactUrl, String naam, String medewerkerId) {
        ObjectNode kc = klantcontactVan(klantcontactUrl);
        String uuid = nieuweUuid();
        String url = klantinteractiesApi() + "/actoren/" + uuid;
        ObjectNode a = JSON.createObjectNode();
        a.put("uuid", uuid);
        a.put("url", url);
        a.put("naam", naam);
        a.put("soortActor", "medewerker");
        a.put("indicatieActief", true);
        ObjectNode id = a.putObject("actoridentificator");
        id.put("objectId", medewerkerId);
        id.put("codeObjecttype", "mdw");
        id.put("codeRegister", "obj");
        id.put("codeSoortObjectId", "idf");
        ObjectNode mw = a.putObject("actorIdentificatie");
        mw.put("functie", "");
        // Required by the specification and checked against its pattern; Open Klant stores the KCC's number.
        mw.put("telefoonnummer", "0201234567");
        bewaar("actoren", uuid, a);
        ((ArrayNode) kc.get("hadBetrokkenActoren")).add(a.deepCopy());
        return new Wijziging(url, a.deepCopy(), null);
    }

    // ---------------------------------------------------------------- generator

    /**
     * {@code aantal} synthetic zaken for the backfill: spread over three zaaktypen, registered through 2025, each with
     * an initiator (bsn; every seventh a company), 1-5 statuses, those at the eindstatus closed with a resultaat.
     * Reproducible for one {@code zaad}. Returns the zaak URLs in creation order.
     */
    /**
     * The mapping (a list item of a bronnen YAML's {@code zaaktypen}) of one of {@link #genereer}'s zaaktypen ('A', 'B'
     * or 'C') onto an engine zaaktype whose statustypen fit its five (the eindstatus, 5, closes the zaak).
     */
    public static String koppelingVanGegenereerd(char welk, long zaad) {
        String zaaktype;
        String statussen;
        String resultaten;
        switch (welk) {
            case 'A' -> {
                zaaktype = "omgevingsvergunning";
                statussen = "ontvangen, in-behandeling, aanvulling-gevraagd, besluit-genomen";
                resultaten = "Verleend: toegekend, Geweigerd: afgewezen";
            }
            case 'B' -> {
                zaaktype = "bijstandsaanvraag";
                statussen = "ontvangen, intake, meer-informatie-nodig, besluit-genomen";
                resultaten = "Verleend: toegekend, Geweigerd: afgewezen";
            }
            case 'C' -> {
                zaaktype = "melding-openbare-ruimte";
                statussen = "gemeld, ingepland, reactie-gevraagd, in-behandeling";
                resultaten = "Afgehandeld: afgehandeld";
            }
            default -> throw new IllegalArgumentException("genereer maakt de zaaktypen A, B en C");
        }
        String[] codes = statussen.split(", ");
        StringBuilder yaml = new StringBuilder("  - identificatie: ZT-GEN-" + welk + "-" + zaad + "\n")
                .append("    zaaktype: ").append(zaaktype).append("\n")
                .append("    kanaal: webformulier\n")
                .append("    statustypen: {");
        for (int i = 0; i < codes.length; i++) {
            yaml.append('"').append(i + 1).append("\": ").append(codes[i]).append(", ");
        }
        return yaml.append("\"5\": \"-\"}\n    resultaattypen: {").append(resultaten).append("}\n").toString();
    }

    public synchronized List<String> genereer(int aantal, long zaad) {
        java.util.Random r = new java.util.Random(zaad);
        List<Statustype> statussen = List.of(new Statustype("Ontvangen", "Wij hebben uw aanvraag ontvangen."),
                new Statustype("In behandeling", "Wij beoordelen uw aanvraag."),
                new Statustype("Aanvulling gevraagd", "Wij hebben meer informatie nodig."),
                new Statustype("Besluit genomen", "Er is een besluit genomen."),
                new Statustype("Afgehandeld", "Uw aanvraag is afgehandeld."));
        List<Zaaktype> typen = List.of(
                zaaktype("ZT-GEN-A-" + zaad, "Omgevingsvergunning (gegenereerd)", statussen, List.of("Verleend", "Geweigerd")),
                zaaktype("ZT-GEN-B-" + zaad, "Parkeervergunning (gegenereerd)", statussen, List.of("Verleend", "Geweigerd")),
                zaaktype("ZT-GEN-C-" + zaad, "Melding openbare ruimte (gegenereerd)", statussen, List.of("Afgehandeld")));
        String[] kanalen = {"webformulier", "telefoon", "balie", "email"};
        List<String> urls = new ArrayList<>(aantal);
        OffsetDateTime begin = OffsetDateTime.parse("2025-01-01T08:00:00+01:00");
        for (int i = 0; i < aantal; i++) {
            Zaaktype t = typen.get(i % typen.size());
            OffsetDateTime geregistreerd = begin.plusMinutes((long) i * 525_600L / Math.max(aantal, 1))
                    .plusSeconds(r.nextInt(60));
            String uuid = UUID.nameUUIDFromBytes(("gegenereerde-zaak-" + zaad + "-" + i).getBytes(StandardCharsets.UTF_8))
                    .toString();
            String url = zaak(uuid, String.format("ZAAK-%d-%07d", zaad, i + 1), t,
                    geregistreerd.toLocalDate(), geregistreerd, "Gegenereerde zaak " + (i + 1), kanalen[r.nextInt(kanalen.length)],
                    "openbaar").url();
            if (i % 7 == 6) {
                initiatorKvk(url, String.format("%08d", 10_000_000 + r.nextInt(89_999_999)), null, geregistreerd);
            } else {
                initiatorBsn(url, bsn(r), geregistreerd);
            }
            int n = 1 + r.nextInt(5);
            OffsetDateTime moment = geregistreerd.plusSeconds(2);
            for (int v = 1; v <= n; v++) {
                if (v == 5) {
                    resultaat(url, t.resultaattypen().values().iterator().next(), "", moment);
                }
                status(url, t.statustype(v), moment, null);
                moment = moment.plusDays(1 + r.nextInt(10));
            }
            urls.add(url);
        }
        return urls;
    }

    /** A nine-digit number passing the elfproef, as a BSN must (test numbers, 9999xxxxx). */
    static String bsn(java.util.Random r) {
        return nl.klantreis.domein.gedeeld.Bsn.willekeurig(r, "9999");
    }

    // ---------------------------------------------------------------- reading (for the stand-in and tests)

    /** A copy of the resource {@code uuid} of a collection (as named in the URL, e.g. {@code zaken}), if any. */
    public synchronized Optional<ObjectNode> bron(String verzameling, String uuid) {
        ObjectNode o = verzameling(verzameling).get(uuid);
        return Optional.ofNullable(o == null ? null : o.deepCopy());
    }

    /** A copy of the resource at {@code url}, if this world has it. */
    public synchronized Optional<ObjectNode> bron(String url) {
        for (Map.Entry<String, Map<String, ObjectNode>> v : verzamelingen.entrySet()) {
            for (String api : List.of(zakenApi(), catalogiApi(), klantinteractiesApi())) {
                String prefix = api + "/" + v.getKey() + "/";
                if (url.startsWith(prefix)) {
                    ObjectNode o = v.getValue().get(url.substring(prefix.length()));
                    if (o != null) {
                        return Optional.of(o.deepCopy());
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Copies of a collection's resources that pass {@code filter}, in the order the real API lists them: zaken,
     * rollen, resultaten newest first (Open Zaak orders by {@code -pk}), statussen by {@code -datumStatusGezet},
     * klantcontacten by {@code -plaatsgevondenOp} (Open Klant).
     */
    public synchronized List<ObjectNode> lijst(String verzameling, Predicate<JsonNode> filter) {
        return geordend(verzameling, filter).stream().map(ObjectNode::deepCopy).toList();
    }

    /** One page of {@link #lijst}: how many pass the filter, and copies of those from {@code van}, at most {@code aantal}. */
    record Deel(int totaal, List<ObjectNode> inhoud) {
    }

    synchronized Deel deel(String verzameling, Predicate<JsonNode> filter, int van, int aantal) {
        List<ObjectNode> alle = geordend(verzameling, filter);
        List<ObjectNode> stuk = alle.subList(Math.min(van, alle.size()), Math.min(van + aantal, alle.size()));
        return new Deel(alle.size(), stuk.stream().map(ObjectNode::deepCopy).toList());
    }

    private List<ObjectNode> geordend(String verzameling, Predicate<JsonNode> filter) {
        List<ObjectNode> uit = new ArrayList<>();
        for (ObjectNode o : verzameling(verzameling).values()) {
            if (filter.test(o)) {
                uit.add(o);
            }
        }
        java.util.Collections.reverse(uit);
        if ("statussen".equals(verzameling)) {
            uit.sort(Comparator.comparing((ObjectNode o) -> moment(o, "datumStatusGezet")).reversed());
        } else if ("klantcontacten".equals(verzameling)) {
            uit.sort(Comparator.comparing((ObjectNode o) -> moment(o, "plaatsgevondenOp")).reversed());
        }
        return uit;
    }

    /** The zaak's audittrail, oldest first (as Open Zaak lists it); empty for an unknown zaak. */
    public synchronized List<ObjectNode> audittrail(String zaakUuid) {
        return audittrails.getOrDefault(zaakUuid, List.of()).stream().map(ObjectNode::deepCopy).toList();
    }

    /** Every notification made so far, in the order of the changes. */
    public synchronized List<ObjectNode> notificaties() {
        return notificaties.stream().map(ObjectNode::deepCopy).toList();
    }

    /** How many resources a collection holds. */
    public synchronized int aantal(String verzameling) {
        return verzameling(verzameling).size();
    }

    /** Changes a stored resource behind the model's back (only to test that the stand-in refuses to serve it). */
    synchronized void vervals(String verzameling, String uuid, java.util.function.Consumer<ObjectNode> wijziging) {
        wijziging.accept(verzameling(verzameling).get(uuid));
    }

    // ---------------------------------------------------------------- helpers

    private Map<String, ObjectNode> verzameling(String naam) {
        return verzamelingen.computeIfAbsent(naam, k -> new LinkedHashMap<>());
    }

    private void bewaar(String verzameling, String uuid, ObjectNode o) {
        verzameling(verzameling).put(uuid, o);
    }

    private ObjectNode zaakVan(String zaakUrl) {
        ObjectNode z = zaakUrl.startsWith(zakenApi() + "/zaken/") ? verzameling("zaken").get(laatste(zaakUrl)) : null;
        if (z == null) {
            throw new IllegalArgumentException("geen zaak " + zaakUrl);
        }
        return z;
    }

    private ObjectNode klantcontactVan(String url) {
        ObjectNode k = url.startsWith(klantinteractiesApi() + "/klantcontacten/")
                ? verzameling("klantcontacten").get(laatste(url)) : null;
        if (k == null) {
            throw new IllegalArgumentException("geen klantcontact " + url);
        }
        return k;
    }

    private static ObjectNode sleutel(ObjectNode o) {
        ObjectNode s = JSON.createObjectNode();
        s.put("uuid", o.get("uuid").asText());
        s.put("url", o.get("url").asText());
        return s;
    }

    private static OffsetDateTime moment(JsonNode o, String veld) {
        return OffsetDateTime.parse(o.get(veld).asText());
    }

    private static String laatste(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private static String roltypeUuid(String zaaktypeUuid) {
        return UUID.nameUUIDFromBytes(("roltype-initiator-" + zaaktypeUuid).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private String nieuweUuid() {
        return UUID.nameUUIDFromBytes(("klantreis-nabootsing-" + basis + "-" + teller++).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
