package nl.klantreis.bronnen;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.klantreis.bronnen.Bronconfiguratie.Zaaktypekoppeling;

/**
 * A zaak in Open Zaak, read whole and told as the ingestion contract's facts. Every notification about a zaak
 * (its own, or one of its status, rol or resultaat) comes here, because the facts depend on the zaak's whole state
 * and the current state is all a source gives: the same zaak read twice gives the same messages with the same ids.
 *
 * <ul>
 * <li>{@code zaak-geregistreerd}: the zaak, its zaaktype (mapped), its initiator (the rol with
 * {@code omschrijvingGeneriek} initiator: {@code inpBsn}, or {@code kvkNummer}), its kanaal
 * ({@code communicatiekanaalNaam}, else the mapping's), and the moment from the zaak's {@code create} in its
 * audittrail (the Zaken API gives only a date otherwise). Without an initiator there is no registration yet: Open
 * Zaak creates the rol after the zaak, and its notification brings the zaak here again.</li>
 * <li>{@code status-gezet}: every status, its statustype mapped by volgnummer or omschrijving; one mapped to
 * {@value Bronconfiguratie#GEEN_STATUS} is not a status of the engine.</li>
 * <li>{@code zaak-opgeschort}, {@code zaak-hervat}, {@code zaak-verlengd}: from the audittrail's changes of
 * {@code opschorting.indicatie} and {@code verlenging.duur}, at the moment of the change; the zaak itself only says
 * how it is now, so a suspension begun and ended between two notifications would otherwise be lost.</li>
 * <li>{@code zaak-afgesloten}: once the zaak has an {@code einddatum} (set by its eindstatus) and a resultaat; at the
 * eindstatus's moment, with the resultaattype mapped.</li>
 * </ul>
 * A zaaktype, statustype or resultaattype without a mapping makes the melding {@code ongekoppeld}: nothing of the
 * zaak is told (half a zaak would be worse), and it can be replayed once the mapping is fixed.
 */
public final class Zaaksynchronisatie implements Synchronisaties.Lezer {
    private static final ZoneId NEDERLAND = ZoneId.of("Europe/Amsterdam");
    private static final Duration CATALOGUS_GELDIG = Duration.ofMinutes(10);

    private final Bronconfiguratie configuratie;
    private final Bronconfiguratie.OpenZaak openZaak;
    private final Bronclient client;
    private final Clock klok;
    private final Map<String, Bewaard> catalogus = new ConcurrentHashMap<>();

    public Zaaksynchronisatie(Bronconfiguratie configuratie, Bronclient client, Clock klok) {
        this.configuratie = configuratie;
        this.openZaak = configuratie.openZaak();
        this.client = client;
        this.klok = klok;
    }

    /** A client for Open Zaak as configured (its Zaken and Catalogi API). */
    public static Bronclient client(Bronconfiguratie configuratie, Clock klok) {
        Bronconfiguratie.OpenZaak oz = configuratie.openZaak();
        return new Bronclient(List.of(oz.zakenApi(), oz.catalogiApi()), oz.authenticatie(),
                configuratie.verwerking().tijdslimiet(), klok);
    }

    @Override
    public Resultaat lees(String zaakUrl) throws Bronfout, Weg {
        JsonNode zaak = client.haal(zaakUrl);
        String zaakId = tekst(zaak, "uuid");
        if (zaakId == null) {
            throw new Bronfout(zaakUrl + " is geen zaak (geen uuid)", false);
        }
        String zaaktypeUrl = tekst(zaak, "zaaktype");
        JsonNode zaaktype = catalogus(zaaktypeUrl, "zaaktype van " + zaakUrl);
        String identificatie = tekst(zaaktype, "identificatie");
        Optional<Zaaktypekoppeling> gevonden = configuratie.koppeling(zaaktypeUrl, identificatie);
        if (gevonden.isEmpty()) {
            return Resultaat.zonder(Resultaat.Uitkomst.ONGEKOPPELD, "zaaktype " + zaaktypeUrl + " (identificatie "
                    + identificatie + ") staat niet in de koppeling zaaktypen");
        }
        Zaaktypekoppeling koppeling = gevonden.get();
        String source = openZaak.source();
        List<ObjectNode> berichten = new ArrayList<>();
        List<String> opmerkingen = new ArrayList<>();
        List<JsonNode> audittrail = client.haalAlle(zaakUrl + "/audittrail");
        audittrail.sort(Comparator.comparing(a -> moment(tekst(a, "aanmaakdatum"))));

        // Statuses first: they decide the zaak's closing moment and may be unmapped (then nothing is told).
        List<JsonNode> statussen = client.haalAlle(openZaak.zakenApi() + "/statussen?zaak=" + parameter(zaakUrl));
        String eindmoment = null;
        List<ObjectNode> statusberichten = new ArrayList<>();
        for (JsonNode status : statussen) {
            JsonNode statustype = catalogus(tekst(status, "statustype"), "statustype van " + tekst(status, "url"));
            String volgnummer = statustype.path("volgnummer").asText();
            String doel = koppeling.statustypen().getOrDefault(volgnummer,
                    koppeling.statustypen().get(tekst(statustype, "omschrijving")));
            if (doel == null) {
                return Resultaat.zonder(Resultaat.Uitkomst.ONGEKOPPELD, "statustype " + tekst(statustype, "url")
                        + " (volgnummer " + volgnummer + ", '" + tekst(statustype, "omschrijving") + "') van zaaktype "
                        + koppeling.zaaktype() + " staat niet in de koppeling");
            }
            if (statustype.path("isEindstatus").asBoolean(false)) {
                eindmoment = tekst(status, "datumStatusGezet");
            }
            if (!Bronconfiguratie.GEEN_STATUS.equals(doel)) {
                ObjectNode data = data().put("zaakId", zaakId).put("statustype", doel)
                        .put("datumStatusGezet", tekst(status, "datumStatusGezet"));
                zetAls(data, "statustoelichting", tekst(status, "statustoelichting"));
                statusberichten.add(Bronbericht.maak(source, "zaken.status-gezet", tekst(status, "url"), data));
            }
        }

        ObjectNode afsluiting = null;
        if (tekst(zaak, "einddatum") != null && tekst(zaak, "resultaat") != null) {
            JsonNode resultaat = client.haal(tekst(zaak, "resultaat"));
            JsonNode resultaattype = catalogus(tekst(resultaat, "resultaattype"), "resultaattype van " + zaakUrl);
            String doel = koppeling.resultaattypen().getOrDefault(tekst(resultaattype, "omschrijving"),
                    koppeling.resultaattypen().get(tekst(resultaattype, "url")));
            if (doel == null) {
                return Resultaat.zonder(Resultaat.Uitkomst.ONGEKOPPELD, "resultaattype " + tekst(resultaattype, "url")
                        + " ('" + tekst(resultaattype, "omschrijving") + "') van zaaktype " + koppeling.zaaktype()
                        + " staat niet in de koppeling");
            }
            ObjectNode data = data().put("zaakId", zaakId)
                    .put("afgeslotenOp", eindmoment != null ? eindmoment : beginVan(tekst(zaak, "einddatum")))
                    .put("resultaat", doel);
            zetAls(data, "toelichting", tekst(resultaat, "toelichting"));
            afsluiting = Bronbericht.maak(source, "zaken.zaak-afgesloten", zaakUrl + "#afgesloten", data);
        }

        JsonNode initiator = initiator(zaakUrl);
        if (initiator == null) {
            opmerkingen.add("zaak zonder initiator met BSN of KVK-nummer: nog niet geregistreerd");
        } else {
            String aangemaakt = audittrail.stream()
                    .filter(a -> "create".equals(tekst(a, "actie")) && "zaak".equals(tekst(a, "resource")))
                    .map(a -> tekst(a, "aanmaakdatum")).findFirst()
                    .orElse(beginVan(tekst(zaak, "registratiedatum")));
            String kanaal = Optional.ofNullable(tekst(zaak, "communicatiekanaalNaam")).orElse(koppeling.kanaal());
            ObjectNode data = data().put("zaakId", zaakId)
                    .put("identificatie", tekst(zaak, "identificatie"))
                    .put("zaaktype", koppeling.zaaktype());
            data.set("initiator", initiator);
            data.put("kanaal", kanaal).put("geregistreerdOp", aangemaakt);
            zetAls(data, "omschrijving", tekst(zaak, "omschrijving"));
            zetAls(data, "vertrouwelijkheid", tekst(zaak, "vertrouwelijkheidaanduiding"));
            if (koppeling.uiterlijkeEinddatumOvernemen()) {
                zetAls(data, "uiterlijkeEinddatum", tekst(zaak, "uiterlijkeEinddatumAfdoening"));
            }
            berichten.add(Bronbericht.maak(source, "zaken.zaak-geregistreerd", zaakUrl, data));
        }
        berichten.addAll(statusberichten);
        berichten.addAll(wijzigingen(zaakId, zaakUrl, audittrail, opmerkingen));
        if (afsluiting != null) {
            berichten.add(afsluiting);
        }
        return Resultaat.berichten(berichten, String.join("; ", opmerkingen));
    }

    /** Suspensions, resumptions and extensions, from the audittrail's before and after of each change to the zaak. */
    private List<ObjectNode> wijzigingen(String zaakId, String zaakUrl, List<JsonNode> audittrail, List<String> opmerkingen) {
        List<ObjectNode> berichten = new ArrayList<>();
        for (JsonNode regel : audittrail) {
            if (!"zaak".equals(tekst(regel, "resource"))) {
                continue;
            }
            JsonNode oud = regel.path("wijzigingen").path("oud");
            JsonNode nieuw = regel.path("wijzigingen").path("nieuw");
            if (!nieuw.isObject()) {
                continue;
            }
            String moment = tekst(regel, "aanmaakdatum");
            String bron = zaakUrl + "/audittrail/" + Optional.ofNullable(tekst(regel, "uuid")).orElse(moment);
            boolean wasOpgeschort = oud.path("opschorting").path("indicatie").asBoolean(false);
            boolean isOpgeschort = nieuw.path("opschorting").path("indicatie").asBoolean(false);
            if (!wasOpgeschort && isOpgeschort) {
                ObjectNode data = data().put("zaakId", zaakId).put("opgeschortOp", moment);
                zetAls(data, "reden", tekst(nieuw.path("opschorting"), "reden"));
                berichten.add(Bronbericht.maak(openZaak.source(), "zaken.zaak-opgeschort", bron, data));
            } else if (wasOpgeschort && !isOpgeschort && oud.isObject()) {
                ObjectNode data = data().put("zaakId", zaakId).put("hervatOp", moment);
                berichten.add(Bronbericht.maak(openZaak.source(), "zaken.zaak-hervat", bron, data));
            }
            int voor = dagen(tekst(oud.path("verlenging"), "duur"), opmerkingen);
            int na = dagen(tekst(nieuw.path("verlenging"), "duur"), opmerkingen);
            if (na > voor && oud.isObject()) {
                ObjectNode data = data().put("zaakId", zaakId).put("verlengdOp", moment).put("duurDagen", na - voor);
                zetAls(data, "reden", tekst(nieuw.path("verlenging"), "reden"));
                berichten.add(Bronbericht.maak(openZaak.source(), "zaken.zaak-verlengd", bron + "#verlenging", data));
            }
        }
        return berichten;
    }

    /** The initiator's identification as the contract wants it, or null when the zaak has none with BSN or KVK. */
    private JsonNode initiator(String zaakUrl) throws Bronfout, Weg {
        List<JsonNode> rollen = client.haalAlle(openZaak.zakenApi() + "/rollen?zaak=" + parameter(zaakUrl)
                + "&omschrijvingGeneriek=initiator");
        for (JsonNode rol : rollen) {
            JsonNode id = rol.path("betrokkeneIdentificatie");
            String type = tekst(rol, "betrokkeneType");
            if ("natuurlijk_persoon".equals(type) && tekst(id, "inpBsn") != null) {
                return data().put("bsn", tekst(id, "inpBsn"));
            }
            if (("niet_natuurlijk_persoon".equals(type) || "vestiging".equals(type)) && tekst(id, "kvkNummer") != null) {
                return data().put("kvk", tekst(id, "kvkNummer"));
            }
        }
        return null;
    }

    /** A Catalogi resource, kept a while: zaaktypen and their statustypen hardly change and are asked for per zaak. */
    private JsonNode catalogus(String url, String wat) throws Bronfout, Weg {
        if (url == null) {
            throw new Bronfout(wat + " ontbreekt in het antwoord van de bron", false);
        }
        Instant nu = klok.instant();
        Bewaard bewaard = catalogus.get(url);
        if (bewaard != null && nu.isBefore(bewaard.tot())) {
            return bewaard.inhoud();
        }
        JsonNode inhoud;
        try {
            inhoud = client.haal(url);
        } catch (Weg weg) {
            // The zaak exists but its type does not: a broken source, not a zaak that is gone.
            throw new Bronfout(wat + ": " + weg.getMessage(), false, weg);
        }
        catalogus.put(url, new Bewaard(inhoud, nu.plus(CATALOGUS_GELDIG)));
        return inhoud;
    }

    private record Bewaard(JsonNode inhoud, Instant tot) {
    }

    /** Days of an ISO 8601 duration such as {@code P30D} or {@code P6W}; months count as 30 days (noted). */
    private static int dagen(String duur, List<String> opmerkingen) {
        if (duur == null) {
            return 0;
        }
        try {
            Period periode = Period.parse(duur);
            if (periode.getYears() != 0 || periode.getMonths() != 0) {
                opmerkingen.add("verlengingsduur " + duur + " in maanden gerekend als 30 dagen per maand");
            }
            return periode.getYears() * 365 + periode.getMonths() * 30 + periode.getDays();
        } catch (DateTimeParseException e) {
            opmerkingen.add("verlengingsduur '" + duur + "' is geen ISO-8601-duur en is overgeslagen");
            return 0;
        }
    }

    /** The start of a date in the Netherlands, for the few facts the Zaken API gives only a date for. */
    private static String beginVan(String datum) {
        if (datum == null) {
            return null;
        }
        return LocalDate.parse(datum).atStartOfDay(NEDERLAND).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static Instant moment(String tekst) {
        try {
            return tekst == null ? Instant.MIN : OffsetDateTime.parse(tekst).toInstant();
        } catch (DateTimeParseException e) {
            return Instant.MIN;
        }
    }

    private static String parameter(String waarde) {
        return java.net.URLEncoder.encode(waarde, java.nio.charset.StandardCharsets.UTF_8);
    }

    static String tekst(JsonNode knoop, String veld) {
        JsonNode waarde = knoop.path(veld);
        return waarde.isValueNode() && !waarde.isNull() && !waarde.asText().isEmpty() ? waarde.asText() : null;
    }

    static void zetAls(ObjectNode data, String veld, String waarde) {
        if (waarde != null && !waarde.isBlank()) {
            data.put(veld, waarde);
        }
    }

    private static ObjectNode data() {
        return JsonNodeFactory.instance.objectNode();
    }
}
