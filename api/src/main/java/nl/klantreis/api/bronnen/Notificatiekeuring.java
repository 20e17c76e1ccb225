package nl.klantreis.api.bronnen;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.klantreis.bronnen.Bronconfiguratie;
import nl.klantreis.bronnen.Bronclient;
import nl.klantreis.bronnen.Melding;
import nl.klantreis.bronnen.Meldingenopslag;

/**
 * Judges a notification before anything touches the database, and reduces it to what is queued. Pure: no I/O.
 *
 * <p>Two forms: the ZGW notification (schema {@code Message} of Open Notificaties 1.0) and one of Open Zaak's
 * NL GOV CloudEvents ({@code nl.overheid.zaken.*}: {@code subject} the zaak's uuid, {@code dataref} the zaak's
 * URL, possibly only its path). Every offending member is named. The URL the worker will fetch must lie under the
 * configured API root: the worker sends the source's credentials there, so a notification may not point
 * anywhere else (SSRF).
 */
final class Notificatiekeuring {
    static final int MAXIMALE_URL = 1000;
    static final String CLOUDEVENT_ZAKEN = "nl.overheid.zaken.";
    private static final ZoneId NEDERLAND = ZoneId.of("Europe/Amsterdam");
    private static final Set<String> VERWIJDERD = Set.of("destroy", "delete");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    private final Bronconfiguratie configuratie;

    Notificatiekeuring(Bronconfiguratie configuratie) {
        this.configuratie = configuratie;
    }

    /** What became of a notification. */
    sealed interface Oordeel {
        /** The kanaal label for the metrics: a closed list, never what a sender wrote. */
        String kanaal();
    }

    /** Refused, with every reason; nothing is stored. */
    record Afgewezen(String kanaal, List<Fout> fouten) implements Oordeel {
    }

    /** Valid but of no concern (a destroy, another kanaal or CloudEvent type): 204, nothing stored. */
    record Genegeerd(String kanaal) implements Oordeel {
    }

    /** To be queued. */
    record Aangenomen(String kanaal, Meldingenopslag.Nieuw nieuw) implements Oordeel {
    }

    /** One offending member: a JSON Pointer into the notification and a Dutch detail without the member's value. */
    record Fout(String pointer, String detail) {
    }

    Oordeel keur(byte[] inhoud, boolean cloudEvent) {
        JsonNode wortel;
        try {
            wortel = JSON.readTree(inhoud);
        } catch (IOException e) {
            // Jackson's message quotes the input; the problem names only where.
            String waar = e instanceof JsonProcessingException j && j.getLocation() != null
                    ? " (regel " + j.getLocation().getLineNr() + ", kolom " + j.getLocation().getColumnNr() + ")" : "";
            return new Afgewezen("onbekend", List.of(new Fout("", inhoud.length == 0 ? "geen inhoud"
                    : "geen geldige JSON in UTF-8, of een naam dubbel" + waar)));
        }
        if (wortel == null || !wortel.isObject()) {
            return new Afgewezen("onbekend", List.of(new Fout("", "een notificatie is een JSON-object")));
        }
        List<Fout> fouten = new ArrayList<>();
        tekens(wortel, "", fouten);
        if (!fouten.isEmpty()) {
            return new Afgewezen("onbekend", fouten);
        }
        return cloudEvent ? cloudEvent(wortel) : notificatie(wortel);
    }

    private Oordeel notificatie(JsonNode n) {
        List<Fout> fouten = new ArrayList<>();
        String kanaal = tekst(n, "kanaal", 50, true, fouten);
        tekst(n, "source", 100, false, fouten);
        String hoofdObject = tekst(n, "hoofdObject", MAXIMALE_URL, true, fouten);
        String resource = tekst(n, "resource", 100, true, fouten);
        String resourceUrl = tekst(n, "resourceUrl", MAXIMALE_URL, true, fouten);
        String actie = tekst(n, "actie", 100, true, fouten);
        Instant aanmaakdatum = datum(n, "aanmaakdatum", true, fouten);
        URI hoofd = uri(hoofdObject, "/hoofdObject", fouten);
        URI bron = uri(resourceUrl, "/resourceUrl", fouten);
        JsonNode kenmerken = n.path("kenmerken");
        if (!kenmerken.isMissingNode() && !kenmerken.isNull()) {
            if (!kenmerken.isObject()) {
                fouten.add(new Fout("/kenmerken", "verwacht een object van tekstwaarden"));
            } else {
                Iterator<Map.Entry<String, JsonNode>> velden = kenmerken.fields();
                while (velden.hasNext()) {
                    Map.Entry<String, JsonNode> veld = velden.next();
                    String pointer = "/kenmerken/" + veld.getKey().replace("~", "~0").replace("/", "~1");
                    if (!veld.getValue().isTextual() && !veld.getValue().isNull()) {
                        fouten.add(new Fout(pointer, "verwacht tekst"));
                    } else if (veld.getValue().isTextual() && veld.getValue().asText().length() > 1000) {
                        fouten.add(new Fout(pointer, "langer dan 1000 tekens"));
                    }
                }
            }
        }
        String label = kanaal == null ? "onbekend" : switch (kanaal) {
            case "zaken", "klantcontacten" -> kanaal;
            default -> "anders";
        };
        if (!fouten.isEmpty()) {
            return new Afgewezen(label, fouten);
        }
        if (VERWIJDERD.contains(actie.toLowerCase(Locale.ROOT))) {
            return new Genegeerd(label);
        }
        return switch (kanaal) {
            case "zaken" -> {
                if (configuratie.openZaak() == null) {
                    yield new Genegeerd(label);
                }
                String wortel = configuratie.openZaak().zakenApi() + "/zaken/";
                yield onder(hoofd, wortel, "/hoofdObject", fouten)
                        ? new Aangenomen(label, new Meldingenopslag.Nieuw(Melding.Soort.ZAAK, hoofd.toString(), kanaal,
                                resource, resourceUrl, actie, aanmaakdatum))
                        : new Afgewezen(label, fouten);
            }
            case "klantcontacten" -> {
                if (configuratie.openKlant() == null) {
                    yield new Genegeerd(label);
                }
                String wortel = configuratie.openKlant().klantinteractiesApi() + "/klantcontacten/";
                boolean zelf = "klantcontact".equals(resource);
                URI doel = zelf ? bron : hoofd;
                yield onder(doel, wortel, zelf ? "/resourceUrl" : "/hoofdObject", fouten)
                        ? new Aangenomen(label, new Meldingenopslag.Nieuw(Melding.Soort.KLANTCONTACT, doel.toString(),
                                kanaal, resource, resourceUrl, actie, aanmaakdatum))
                        : new Afgewezen(label, fouten);
            }
            default -> new Genegeerd(label);
        };
    }

    private Oordeel cloudEvent(JsonNode e) {
        List<Fout> fouten = new ArrayList<>();
        String specversion = tekst(e, "specversion", 10, true, fouten);
        String id = tekst(e, "id", 200, true, fouten);
        String source = tekst(e, "source", MAXIMALE_URL, true, fouten);
        String type = tekst(e, "type", 200, true, fouten);
        String subject = tekst(e, "subject", 200, false, fouten);
        String dataref = tekst(e, "dataref", MAXIMALE_URL, false, fouten);
        Instant tijd = datum(e, "time", false, fouten);
        if (specversion != null && !"1.0".equals(specversion)) {
            fouten.add(new Fout("/specversion", "alleen CloudEvents 1.0"));
        }
        boolean zaken = type != null && type.startsWith(CLOUDEVENT_ZAKEN);
        if (!fouten.isEmpty()) {
            return new Afgewezen("cloudevent", fouten);
        }
        if (!zaken || type.endsWith("-verwijderd") || configuratie.openZaak() == null) {
            return new Genegeerd("cloudevent");
        }
        URI zakenApi = configuratie.openZaak().zakenApi();
        String zaakveld = "/dataref";
        if (dataref == null) {
            // zaak-gekoppeld and zaak-ontkoppeld (sent to Open Zaak by other systems) name their zaak in data.zaak,
            // as a URL or as urn:uuid:<uuid>; Open Zaak's own events carry dataref.
            String zaak = e.path("data").path("zaak").isTextual() ? e.path("data").path("zaak").asText() : null;
            if (zaak != null && zaak.length() <= MAXIMALE_URL && zaak.matches("urn:uuid:[0-9a-fA-F-]{36}")) {
                dataref = zakenApi.getRawPath() + "/zaken/" + zaak.substring("urn:uuid:".length()).toLowerCase(Locale.ROOT);
                zaakveld = "/data/zaak";
            } else if (zaak != null && zaak.length() <= MAXIMALE_URL) {
                dataref = zaak;
                zaakveld = "/data/zaak";
            } else {
                fouten.add(new Fout("/dataref", "ontbreekt (de URL van de zaak; of data.zaak)"));
                return new Afgewezen("cloudevent", fouten);
            }
        }
        URI ref = uri(dataref, zaakveld, fouten);
        if (ref != null && !ref.isAbsolute()) {
            // Open Zaak sends the path only (reverse() without a request): it is under its own origin.
            ref = dataref.startsWith("/") ? zakenApi.resolve(ref) : null;
            if (ref == null) {
                fouten.add(new Fout(zaakveld, "geen URL en geen absoluut pad"));
            }
        }
        if (ref == null || !onder(ref, zakenApi + "/zaken/", zaakveld, fouten)) {
            return new Afgewezen("cloudevent", fouten);
        }
        String zaakUrl = ref.toString();
        if (subject != null && "/dataref".equals(zaakveld) && !zaakUrl.endsWith("/" + subject)) {
            fouten.add(new Fout("/subject", "is niet de uuid van de zaak in dataref"));
            return new Afgewezen("cloudevent", fouten);
        }
        String actie = type.substring(CLOUDEVENT_ZAKEN.length());
        // Deduplicated as a CloudEvent is: by source and id (and its time when it has one).
        return new Aangenomen("cloudevent", new Meldingenopslag.Nieuw(Melding.Soort.ZAAK, zaakUrl, type, "zaak",
                source + "\u0000" + id, actie, tijd == null ? Instant.EPOCH : tijd));
    }

    /**
     * Whether {@code doel} names a resource under {@code wortel} ({@link Bronclient#onder}: where the engine may send a
     * source's credentials), with nothing more: no query or fragment, and a path longer than the root's.
     */
    static boolean onder(URI doel, String wortel, String pointer, List<Fout> fouten) {
        if (doel == null) {
            return false;
        }
        boolean goed = Bronclient.onder(doel, wortel) && doel.getRawQuery() == null && doel.getRawFragment() == null
                && doel.getRawPath().length() > URI.create(wortel).getRawPath().length();
        if (!goed) {
            fouten.add(new Fout(pointer, "ligt niet onder de geconfigureerde API (" + wortel + "); de engine haalt"
                    + " alleen daar op"));
        }
        return goed;
    }

    private static String tekst(JsonNode n, String veld, int maximum, boolean verplicht, List<Fout> fouten) {
        JsonNode waarde = n.get(veld);
        if (waarde == null || waarde.isNull()) {
            if (verplicht) {
                fouten.add(new Fout("/" + veld, "ontbreekt"));
            }
            return null;
        }
        if (!waarde.isTextual()) {
            fouten.add(new Fout("/" + veld, "verwacht tekst"));
            return null;
        }
        String tekst = waarde.asText();
        if (tekst.isBlank()) {
            fouten.add(new Fout("/" + veld, "leeg"));
            return null;
        }
        if (tekst.length() > maximum) {
            fouten.add(new Fout("/" + veld, "langer dan " + maximum + " tekens"));
            return null;
        }
        return tekst;
    }

    private static Instant datum(JsonNode n, String veld, boolean verplicht, List<Fout> fouten) {
        String tekst = tekst(n, veld, 64, verplicht, fouten);
        if (tekst == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(tekst).toInstant();
        } catch (DateTimeParseException metZone) {
            try {
                // Open Notificaties writes Django's local time when a source sent one without offset.
                return LocalDateTime.parse(tekst).atZone(NEDERLAND).toInstant();
            } catch (DateTimeParseException e) {
                fouten.add(new Fout("/" + veld, "geen datum-tijd volgens ISO 8601 (bijv. 2026-03-02T10:15:00Z)"));
                return null;
            }
        }
    }

    private static URI uri(String tekst, String pointer, List<Fout> fouten) {
        if (tekst == null) {
            return null;
        }
        try {
            URI uri = new URI(tekst);
            if (uri.isAbsolute() && !"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())) {
                fouten.add(new Fout(pointer, "geen http(s)-adres"));
                return null;
            }
            return uri;
        } catch (URISyntaxException e) {
            fouten.add(new Fout(pointer, "geen geldige URL"));
            return null;
        }
    }

    /** NUL and lone surrogates in any name or text: PostgreSQL refuses NUL, and neither belongs in a notification. */
    private static void tekens(JsonNode knoop, String pointer, List<Fout> fouten) {
        if (knoop.isTextual()) {
            if (fout(knoop.asText())) {
                fouten.add(new Fout(pointer, "bevat een NUL-teken of een losse surrogaat"));
            }
        } else if (knoop.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> velden = knoop.fields();
            while (velden.hasNext()) {
                Map.Entry<String, JsonNode> veld = velden.next();
                String naam = veld.getKey();
                String hier = pointer + "/" + (fout(naam) ? "?" : naam.replace("~", "~0").replace("/", "~1"));
                if (fout(naam)) {
                    fouten.add(new Fout(hier, "de naam bevat een NUL-teken of een losse surrogaat"));
                }
                tekens(veld.getValue(), hier, fouten);
            }
        } else if (knoop.isArray()) {
            for (int i = 0; i < knoop.size(); i++) {
                tekens(knoop.get(i), pointer + "/" + i, fouten);
            }
        }
    }

    static boolean fout(String tekst) {
        for (int i = 0; i < tekst.length(); i++) {
            char c = tekst.charAt(i);
            if (c == 0) {
                return true;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= tekst.length() || !Character.isLowSurrogate(tekst.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
