package nl.klantreis.bronnen;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import nl.klantreis.domein.referentie.Catalogus;
import nl.klantreis.domein.referentie.Kanalen;
import nl.klantreis.domein.referentie.Zaaktype;

/**
 * The connection to a municipality's Open Zaak, Open Klant and Open Notificaties, read from one YAML file
 * ({@code klantreis.bronnen.configuratie}) at start and checked against the engine's reference data: a
 * zaaktype, statustype, resultaat, kanaal or onderwerp the engine does not know is an error that stops the
 * start, with every problem named, never a guess at run time. {@code ${NAME}} in a value is taken from the
 * environment (secrets stay out of the file). docs/bronnen.md explains every key.
 *
 * @param notificaties what the engine accepts from Open Notificaties, and where Open Notificaties is
 * @param verwerking   the queue workers' settings
 * @param openZaak     the Zaken and Catalogi API; null when not connected
 * @param openKlant    the Klantinteracties API; null when not connected
 * @param zaaktypen    which Open Zaak zaaktype is which of the engine's zaaktypen
 * @param onderwerpen  Open Klant's {@code onderwerp} text (lower case, trimmed) to the engine's onderwerp code
 */
public record Bronconfiguratie(Notificaties notificaties, Verwerking verwerking, OpenZaak openZaak, OpenKlant openKlant,
                               List<Zaaktypekoppeling> zaaktypen, Map<String, String> onderwerpen) {

    /** The statustype mapping value that says: not a status of the engine (an eindstatus then only closes the zaak). */
    public static final String GEEN_STATUS = "-";
    private static final Set<String> EIGEN_ONDERWERPEN = Set.of("status-navraag", "algemene-vraag");

    public Bronconfiguratie {
        zaaktypen = List.copyOf(zaaktypen);
        onderwerpen = Map.copyOf(onderwerpen);
    }

    /**
     * @param autorisatie       the {@code Authorization} values accepted on {@code /api/v1/notificaties} (the
     *                          abonnement's {@code auth}); more than one while a value is being replaced
     * @param callbackUrl       this engine's notification endpoint as Open Notificaties reaches it
     * @param openNotificaties  Open Notificaties' API root (for the abonnement command); null when not given
     * @param authenticatie     how to authenticate at Open Notificaties
     */
    public record Notificaties(List<String> autorisatie, URI callbackUrl, URI openNotificaties, Authenticatie authenticatie) {
        public Notificaties {
            autorisatie = List.copyOf(autorisatie);
        }
    }

    /**
     * @param werkers          meldingen worked on at once by this node
     * @param pogingen         tries before a melding becomes a dead letter
     * @param eersteWacht      wait after the first failed try; doubled each try, with jitter
     * @param langsteWacht     the longest wait between tries
     * @param klantcontactRust how long a klantcontact's melding waits before it is read: Open Klant creates a
     *                         klantcontact first and its betrokkene and onderwerpobject in later calls
     * @param tijdslimiet      per HTTP request to a source
     */
    public record Verwerking(int werkers, int pogingen, Duration eersteWacht, Duration langsteWacht,
                             Duration klantcontactRust, Duration tijdslimiet) {
        public static final Verwerking STANDAARD = new Verwerking(2, 10, Duration.ofSeconds(2), Duration.ofMinutes(10),
                Duration.ofSeconds(10), Duration.ofSeconds(10));
    }

    /**
     * How the engine identifies itself to a source: the ZGW JWT ({@code clientId} and {@code secret}, HS256, as
     * Open Zaak and Open Notificaties expect) or a literal {@code Authorization} header ({@code Token ...} for
     * Open Klant, {@code Bearer ...}).
     */
    public record Authenticatie(String clientId, String secret, String header) {
        public static final Authenticatie GEEN = new Authenticatie(null, null, null);

        public boolean zgwJwt() {
            return clientId != null;
        }
    }

    /**
     * @param source      the CloudEvents {@code source} of the messages made from Open Zaak
     * @param zakenApi    root of the Zaken API, e.g. {@code https://openzaak.example.nl/zaken/api/v1}
     * @param catalogiApi root of the Catalogi API
     */
    public record OpenZaak(String source, URI zakenApi, URI catalogiApi, Authenticatie authenticatie) {
    }

    /**
     * @param source              the CloudEvents {@code source} of the messages made from Open Klant
     * @param klantinteractiesApi root of the Klantinteracties API
     */
    public record OpenKlant(String source, URI klantinteractiesApi, Authenticatie authenticatie) {
    }

    /**
     * One Open Zaak zaaktype and how it maps.
     *
     * @param url             the zaaktype's URL in the Catalogi API (a zaaktype has one URL per version); or null
     * @param identificatie   the zaaktype's {@code identificatie}, which all its versions share; or null
     * @param zaaktype        the engine's zaaktype code
     * @param kanaal          the kanaal of a zaak that names no {@code communicatiekanaalNaam}
     * @param statustypen     Open Zaak statustype (its {@code volgnummer} as text, or its {@code omschrijving}) to the
     *                        engine's statustype code, or {@value #GEEN_STATUS}
     * @param resultaattypen  Open Zaak resultaattype ({@code omschrijving} or URL) to the engine's resultaat
     * @param uiterlijkeEinddatumOvernemen take Open Zaak's {@code uiterlijkeEinddatumAfdoening} instead of
     *                        letting the engine derive it from the zaaktype's servicenorm (default false)
     */
    public record Zaaktypekoppeling(String url, String identificatie, String zaaktype, String kanaal,
                                    Map<String, String> statustypen, Map<String, String> resultaattypen,
                                    boolean uiterlijkeEinddatumOvernemen) {
        public Zaaktypekoppeling {
            statustypen = Map.copyOf(statustypen);
            resultaattypen = Map.copyOf(resultaattypen);
        }
    }

    /** The mapping of a zaaktype, by its URL first, else by its identificatie. */
    public Optional<Zaaktypekoppeling> koppeling(String zaaktypeUrl, String identificatie) {
        for (Zaaktypekoppeling k : zaaktypen) {
            if (k.url() != null && k.url().equals(zaaktypeUrl)) {
                return Optional.of(k);
            }
        }
        for (Zaaktypekoppeling k : zaaktypen) {
            if (k.url() == null && k.identificatie() != null && k.identificatie().equals(identificatie)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** The engine's onderwerp for Open Klant's onderwerp text; the engine's own codes map to themselves. */
    public Optional<String> onderwerp(String tekst) {
        if (tekst == null) {
            return Optional.empty();
        }
        String sleutel = tekst.strip().toLowerCase(Locale.ROOT);
        return Optional.ofNullable(onderwerpen.get(sleutel));
    }

    /**
     * Resolves {@code ${NAME}} from {@code omgeving} (the tools pass {@code System.getenv()}); a name that is not set is
     * an error naming it, never an empty secret.
     */
    public static UnaryOperator<String> uit(Map<String, String> omgeving) {
        return waarde -> {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}").matcher(waarde);
            StringBuilder uit = new StringBuilder();
            while (m.find()) {
                String gevonden = omgeving.get(m.group(1));
                if (gevonden == null) {
                    throw new IllegalArgumentException("omgevingsvariabele " + m.group(1) + " is niet gezet");
                }
                m.appendReplacement(uit, java.util.regex.Matcher.quoteReplacement(gevonden));
            }
            m.appendTail(uit);
            return uit.toString();
        };
    }

    /** Reads and checks the file; {@code omgeving} resolves {@code ${NAME}} (the engine passes Spring's environment). */
    public static Bronconfiguratie lees(Path bestand, UnaryOperator<String> omgeving, Catalogus catalogus, Kanalen kanalen) {
        try (InputStream in = Files.newInputStream(bestand)) {
            return lees(in, bestand.toString(), omgeving, catalogus, kanalen);
        } catch (IOException e) {
            throw new Ongeldig(List.of("kan " + bestand + " niet lezen: " + e.getMessage()));
        }
    }

    public static Bronconfiguratie lees(InputStream in, String naam, UnaryOperator<String> omgeving, Catalogus catalogus,
                                        Kanalen kanalen) {
        JsonNode wortel;
        try {
            wortel = new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new Ongeldig(List.of(naam + " is geen geldige YAML: " + e.getMessage()));
        }
        return new Lezer(omgeving, catalogus, kanalen).lees(wortel == null ? new ObjectMapper().createObjectNode() : wortel);
    }

    /** The file is wrong; {@link #problemen()} names every problem found, not only the first. */
    public static final class Ongeldig extends IllegalStateException {
        private final List<String> problemen;

        public Ongeldig(List<String> problemen) {
            super("bronconfiguratie ongeldig:\n - " + String.join("\n - ", problemen));
            this.problemen = List.copyOf(problemen);
        }

        public List<String> problemen() {
            return problemen;
        }
    }

    /** Reads the tree, collecting every problem before it gives up. */
    private static final class Lezer {
        private final UnaryOperator<String> omgeving;
        private final Catalogus catalogus;
        private final Kanalen kanalen;
        private final List<String> problemen = new ArrayList<>();

        Lezer(UnaryOperator<String> omgeving, Catalogus catalogus, Kanalen kanalen) {
            this.omgeving = omgeving;
            this.catalogus = catalogus;
            this.kanalen = kanalen;
        }

        Bronconfiguratie lees(JsonNode w) {
            bekend(w, "", "notificaties", "verwerking", "openZaak", "openKlant", "zaaktypen", "onderwerpen");
            JsonNode n = w.path("notificaties");
            bekend(n, "notificaties.", "autorisatie", "callbackUrl", "openNotificaties", "authenticatie");
            List<String> autorisatie = new ArrayList<>();
            n.path("autorisatie").forEach(a -> {
                String waarde = tekst(a, "notificaties.autorisatie");
                if (waarde != null && waarde.length() < 16) {
                    problemen.add("notificaties.autorisatie: een waarde van minder dan 16 tekens is te raden");
                } else if (waarde != null) {
                    autorisatie.add(waarde);
                }
            });
            if (autorisatie.isEmpty()) {
                problemen.add("notificaties.autorisatie: geef ten minste één Authorization-waarde (die van het abonnement)");
            }
            Notificaties notificaties = new Notificaties(autorisatie, uri(n.path("callbackUrl"), "notificaties.callbackUrl", false),
                    uri(n.path("openNotificaties"), "notificaties.openNotificaties", false),
                    authenticatie(n.path("authenticatie"), "notificaties.authenticatie", false));

            JsonNode v = w.path("verwerking");
            bekend(v, "verwerking.", "werkers", "pogingen", "eersteWacht", "langsteWacht", "klantcontactRust", "tijdslimiet");
            Verwerking s = Verwerking.STANDAARD;
            Verwerking verwerking = new Verwerking(geheel(v.path("werkers"), "verwerking.werkers", s.werkers(), 1, 64),
                    geheel(v.path("pogingen"), "verwerking.pogingen", s.pogingen(), 1, 100),
                    duur(v.path("eersteWacht"), "verwerking.eersteWacht", s.eersteWacht()),
                    duur(v.path("langsteWacht"), "verwerking.langsteWacht", s.langsteWacht()),
                    duur(v.path("klantcontactRust"), "verwerking.klantcontactRust", s.klantcontactRust()),
                    duur(v.path("tijdslimiet"), "verwerking.tijdslimiet", s.tijdslimiet()));

            OpenZaak openZaak = null;
            JsonNode z = w.path("openZaak");
            if (!z.isMissingNode() && !z.isNull()) {
                bekend(z, "openZaak.", "source", "zakenApi", "catalogiApi", "authenticatie");
                openZaak = new OpenZaak(source(z.path("source"), "openZaak.source"), uri(z.path("zakenApi"), "openZaak.zakenApi", true),
                        uri(z.path("catalogiApi"), "openZaak.catalogiApi", true),
                        authenticatie(z.path("authenticatie"), "openZaak.authenticatie", true));
            }
            OpenKlant openKlant = null;
            JsonNode k = w.path("openKlant");
            if (!k.isMissingNode() && !k.isNull()) {
                bekend(k, "openKlant.", "source", "klantinteractiesApi", "authenticatie");
                openKlant = new OpenKlant(source(k.path("source"), "openKlant.source"),
                        uri(k.path("klantinteractiesApi"), "openKlant.klantinteractiesApi", true),
                        authenticatie(k.path("authenticatie"), "openKlant.authenticatie", true));
            }
            if (openZaak == null && openKlant == null) {
                problemen.add("geef openZaak, openKlant of beide: zonder bron is er niets om te lezen");
            }

            List<Zaaktypekoppeling> koppelingen = new ArrayList<>();
            int i = 0;
            for (JsonNode t : w.path("zaaktypen")) {
                koppelingen.add(koppeling(t, "zaaktypen[" + i++ + "]"));
            }
            if (openZaak != null && koppelingen.isEmpty()) {
                problemen.add("zaaktypen: Open Zaak is verbonden maar geen enkel zaaktype is gekoppeld");
            }
            Map<String, String> onderwerpen = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> velden = w.path("onderwerpen").fields();
            while (velden.hasNext()) {
                Map.Entry<String, JsonNode> veld = velden.next();
                String code = tekst(veld.getValue(), "onderwerpen." + veld.getKey());
                if (code != null && catalogus.zaaktype(code).isEmpty() && !EIGEN_ONDERWERPEN.contains(code)) {
                    problemen.add("onderwerpen." + veld.getKey() + ": '" + code
                            + "' is geen zaaktype van de engine, geen status-navraag en geen algemene-vraag");
                }
                onderwerpen.put(veld.getKey().strip().toLowerCase(Locale.ROOT), code);
            }
            // The engine's own codes are always understood, so a channel system may simply use them.
            catalogus.alle().forEach(t -> onderwerpen.putIfAbsent(t.code(), t.code()));
            EIGEN_ONDERWERPEN.forEach(o -> onderwerpen.putIfAbsent(o, o));
            if (!problemen.isEmpty()) {
                throw new Ongeldig(problemen);
            }
            return new Bronconfiguratie(notificaties, verwerking, openZaak, openKlant, koppelingen, onderwerpen);
        }

        private Zaaktypekoppeling koppeling(JsonNode t, String plaats) {
            bekend(t, plaats + ".", "url", "identificatie", "zaaktype", "kanaal", "statustypen", "resultaattypen",
                    "uiterlijkeEinddatumOvernemen");
            URI url = uri(t.path("url"), plaats + ".url", false);
            String identificatie = tekst(t.path("identificatie"), plaats + ".identificatie");
            if (url == null && identificatie == null) {
                problemen.add(plaats + ": geef url of identificatie van het Open Zaak-zaaktype");
            }
            String code = tekst(t.path("zaaktype"), plaats + ".zaaktype");
            Zaaktype zaaktype = null;
            if (code == null) {
                problemen.add(plaats + ".zaaktype: ontbreekt");
            } else {
                zaaktype = catalogus.zaaktype(code).orElse(null);
                if (zaaktype == null) {
                    problemen.add(plaats + ".zaaktype: '" + code + "' is geen zaaktype van de engine");
                }
            }
            String kanaal = tekst(t.path("kanaal"), plaats + ".kanaal");
            if (kanaal == null) {
                problemen.add(plaats + ".kanaal: ontbreekt (het kanaal van een zaak die geen communicatiekanaalNaam heeft)");
            } else if (kanalen.herken(kanaal).isEmpty()) {
                problemen.add(plaats + ".kanaal: '" + kanaal + "' is geen kanaal uit kanalen.json");
            }
            Map<String, String> statustypen = new LinkedHashMap<>();
            JsonNode st = t.path("statustypen");
            Iterator<Map.Entry<String, JsonNode>> velden = st.fields();
            while (velden.hasNext()) {
                Map.Entry<String, JsonNode> veld = velden.next();
                String doel = tekst(veld.getValue(), plaats + ".statustypen." + veld.getKey());
                if (doel != null && !GEEN_STATUS.equals(doel) && zaaktype != null && zaaktype.statustype(doel).isEmpty()) {
                    problemen.add(plaats + ".statustypen." + veld.getKey() + ": '" + doel + "' is geen statustype van "
                            + code + " (" + zaaktype.statustypen().stream().map(s -> s.code()).toList() + ")");
                }
                statustypen.put(veld.getKey(), doel);
            }
            if (statustypen.isEmpty()) {
                problemen.add(plaats + ".statustypen: geen enkel statustype gekoppeld");
            }
            Map<String, String> resultaattypen = new LinkedHashMap<>();
            velden = t.path("resultaattypen").fields();
            while (velden.hasNext()) {
                Map.Entry<String, JsonNode> veld = velden.next();
                String doel = tekst(veld.getValue(), plaats + ".resultaattypen." + veld.getKey());
                if (doel != null && zaaktype != null && !zaaktype.resultaten().contains(doel)) {
                    problemen.add(plaats + ".resultaattypen." + veld.getKey() + ": '" + doel + "' is geen resultaat van "
                            + code + " " + zaaktype.resultaten());
                }
                resultaattypen.put(veld.getKey(), doel);
            }
            boolean overnemen = t.path("uiterlijkeEinddatumOvernemen").asBoolean(false);
            return new Zaaktypekoppeling(url == null ? null : url.toString(), identificatie, code, kanaal, statustypen,
                    resultaattypen, overnemen);
        }

        private void bekend(JsonNode knoop, String plaats, String... sleutels) {
            if (!knoop.isObject()) {
                if (!knoop.isMissingNode() && !knoop.isNull()) {
                    problemen.add((plaats.isEmpty() ? "het bestand" : plaats.substring(0, plaats.length() - 1))
                            + ": verwacht een object");
                }
                return;
            }
            Set<String> toegestaan = Set.of(sleutels);
            knoop.fieldNames().forEachRemaining(naam -> {
                if (!toegestaan.contains(naam)) {
                    problemen.add(plaats + naam + ": onbekende sleutel (bekend: " + String.join(", ", sleutels) + ")");
                }
            });
        }

        private String tekst(JsonNode knoop, String plaats) {
            if (knoop.isMissingNode() || knoop.isNull()) {
                return null;
            }
            if (!knoop.isValueNode()) {
                problemen.add(plaats + ": verwacht tekst");
                return null;
            }
            String waarde = knoop.asText();
            try {
                waarde = omgeving.apply(waarde);
            } catch (IllegalArgumentException e) {
                problemen.add(plaats + ": " + e.getMessage());
                return null;
            }
            if (waarde.isBlank()) {
                problemen.add(plaats + ": leeg");
                return null;
            }
            return waarde;
        }

        private String source(JsonNode knoop, String plaats) {
            String waarde = tekst(knoop, plaats);
            if (waarde == null) {
                problemen.add(plaats + ": ontbreekt (de CloudEvents-source van de berichten uit deze bron)");
            } else if (!waarde.startsWith("urn:") && !waarde.startsWith("https://") && !waarde.startsWith("http://")) {
                problemen.add(plaats + ": geen URI-referentie (bijv. urn:nld:oin:<OIN>:systeem:open-zaak)");
            }
            return waarde;
        }

        private URI uri(JsonNode knoop, String plaats, boolean verplicht) {
            String waarde = tekst(knoop, plaats);
            if (waarde == null) {
                if (verplicht) {
                    problemen.add(plaats + ": ontbreekt");
                }
                return null;
            }
            try {
                URI uri = URI.create(waarde.endsWith("/") ? waarde.substring(0, waarde.length() - 1) : waarde);
                if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
                    problemen.add(plaats + ": '" + waarde + "' is geen http(s)-adres");
                    return null;
                }
                return uri;
            } catch (IllegalArgumentException e) {
                problemen.add(plaats + ": '" + waarde + "' is geen geldig adres");
                return null;
            }
        }

        private Authenticatie authenticatie(JsonNode knoop, String plaats, boolean verplicht) {
            if (knoop.isMissingNode() || knoop.isNull()) {
                if (verplicht) {
                    problemen.add(plaats + ": ontbreekt (clientId en secret voor het ZGW-JWT, of header)");
                }
                return Authenticatie.GEEN;
            }
            bekend(knoop, plaats + ".", "clientId", "secret", "header");
            String clientId = tekst(knoop.path("clientId"), plaats + ".clientId");
            String secret = tekst(knoop.path("secret"), plaats + ".secret");
            String header = tekst(knoop.path("header"), plaats + ".header");
            // Pairing is judged on what the file says, so a secret missing from the environment is one problem, not two.
            if (knoop.hasNonNull("clientId") != knoop.hasNonNull("secret")) {
                problemen.add(plaats + ": clientId en secret horen bij elkaar");
            }
            if (clientId != null && header != null) {
                problemen.add(plaats + ": kies clientId/secret (ZGW-JWT) of header, niet beide");
            }
            if (!knoop.hasNonNull("clientId") && !knoop.hasNonNull("header")) {
                problemen.add(plaats + ": geef clientId en secret (ZGW-JWT) of header");
            }
            return new Authenticatie(clientId, secret, header);
        }

        private int geheel(JsonNode knoop, String plaats, int standaard, int min, int max) {
            if (knoop.isMissingNode() || knoop.isNull()) {
                return standaard;
            }
            if (!knoop.canConvertToInt() || !knoop.isIntegralNumber() || knoop.asInt() < min || knoop.asInt() > max) {
                problemen.add(plaats + ": een geheel getal van " + min + " tot en met " + max);
                return standaard;
            }
            return knoop.asInt();
        }

        private Duration duur(JsonNode knoop, String plaats, Duration standaard) {
            String waarde = tekst(knoop, plaats);
            if (waarde == null) {
                return standaard;
            }
            try {
                Duration d = Duration.parse(waarde);
                if (d.isNegative() || d.isZero()) {
                    problemen.add(plaats + ": moet positief zijn");
                    return standaard;
                }
                return d;
            } catch (DateTimeParseException e) {
                problemen.add(plaats + ": '" + waarde + "' is geen ISO-8601-duur (bijv. PT10S)");
                return standaard;
            }
        }
    }
}
