package nl.klantreis.bronnen.nabootsing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import nl.klantreis.bronnen.nabootsing.Specificatie.Api;

/**
 * Open Zaak (Zaken and Catalogi API), Open Klant (Klantinteracties API) and Open Notificaties (abonnement, kanaal)
 * in the test's process: one JDK HTTP server on 127.0.0.1 and a free port, serving the {@link Zgwwereld} under one
 * base URL ({@code <basis>/zaken/api/v1}, {@code /catalogi/api/v1}, {@code /klantinteracties/api/v1},
 * {@code /notificaties/api/v1}). It authenticates as the real ones (ZGW JWT, HS256, for Open Zaak and Open
 * Notificaties; {@code Token <key>} for Open Klant), pages as they do (100 per page), answers errors as their
 * {@code Fout}, and checks every body it sends against the published specification: a body that does not fit is
 * answered with 500 and recorded, and {@link #close()} (or {@link #controleerGeenAfwijkingen()}) fails the test.
 *
 * <p>Faults are switched at run time: {@link #onbereikbaar(boolean)} (the port closed), {@link #onbereikbaar(Api,
 * boolean)} (connections of one API dropped without an answer), {@link #traag(Duration)}, {@link #fout(int, int)} /
 * {@link #fout(int, Duration)} (as a proxy in front would answer), {@link #weg(String, int)} (404 or 410 for one
 * resource). {@link #verzoeken(String)} counts requests per path.
 */
public final class Nabootsing implements AutoCloseable {

    public static final int PAGINAGROOTTE = 100;
    static {
        // The JDK's server writes an answer's head and body apart; with Nagle on each answer then waits for the
        // client's delayed ACK (about 40 ms on Linux), which no Open Zaak behind gunicorn/nginx costs. Read once, when
        // the JDK's server first loads (the parent POM's Surefire setting covers a server made before this class).
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Api, String> PREFIX = Map.of(Api.ZAKEN, "/zaken/api/v1", Api.CATALOGI, "/catalogi/api/v1",
            Api.KLANTINTERACTIES, "/klantinteracties/api/v1", Api.NOTIFICATIES, "/notificaties/api/v1");
    private static final Map<Api, String> VERSIE = Map.of(Api.ZAKEN, "1.5.1", Api.CATALOGI, "1.3.1",
            Api.KLANTINTERACTIES, "0.9.0", Api.NOTIFICATIES, "1.0.0");
    private static final Set<String> ZAKEN_VERZAMELINGEN = Set.of("zaken", "statussen", "rollen", "resultaten");
    private static final Set<String> CATALOGI_VERZAMELINGEN = Set.of("zaaktypen", "statustypen", "resultaattypen");
    private static final Set<String> KLANT_VERZAMELINGEN = Set.of("klantcontacten", "betrokkenen", "partijen",
            "partij-identificatoren", "onderwerpobjecten", "actoren");
    /** The kanalen Open Zaak and Open Klant register at Open Notificaties, with their kenmerken (filters). */
    private static final Map<String, List<String>> KANALEN = kanalen();
    private static final Set<String> LIJSTEN = Set.of("zaken", "statussen", "rollen", "resultaten", "klantcontacten");

    private final ExecutorService werkers;
    private final int poort;
    private final Zgwwereld wereld;
    private volatile HttpServer server;

    private final Map<String, String> zgwClients = new ConcurrentHashMap<>();
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    private final List<String> afwijkingen = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> verzoeken = new ConcurrentHashMap<>();
    private final List<ObjectNode> abonnementen = new CopyOnWriteArrayList<>();
    private final Set<Api> onbereikbaar = ConcurrentHashMap.newKeySet();
    private final Map<Api, Duration> traag = new ConcurrentHashMap<>();
    private final Map<Api, Storing> storingen = new ConcurrentHashMap<>();
    private final Map<String, Integer> weg = new ConcurrentHashMap<>();
    private volatile boolean callbackControleren;
    private volatile Duration jwtGeldigheid = Duration.ofHours(1);
    private static final Duration JWT_SPELING = Duration.ofSeconds(5);

    private record Storing(int status, AtomicInteger resterend, Instant tot) {
        boolean actief() {
            return tot != null ? Instant.now().isBefore(tot) : resterend.getAndDecrement() > 0;
        }
    }

    private Nabootsing() throws IOException {
        this.werkers = Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "nabootsing");
            t.setDaemon(true);
            return t;
        });
        this.server = luister(0);
        this.poort = server.getAddress().getPort();
        this.wereld = new Zgwwereld("http://127.0.0.1:" + poort);
    }

    /** Starts a stand-in on a free port of 127.0.0.1, with an empty world and no clients. */
    public static Nabootsing start() {
        try {
            return new Nabootsing();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private HttpServer luister(int op) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), op), 0);
        s.setExecutor(werkers);
        s.createContext("/", this::behandel);
        s.start();
        return s;
    }

    // ---------------------------------------------------------------- set-up

    public String basis() {
        return wereld.basis();
    }

    public Zgwwereld wereld() {
        return wereld;
    }

    /** Accepts ZGW JWTs of this client, signed (HS256) with this secret, at Open Zaak and Open Notificaties. */
    public Nabootsing zgwClient(String clientId, String secret) {
        zgwClients.put(clientId, secret);
        return this;
    }

    /** Accepts {@code Authorization: Token <key>} at Open Klant. */
    public Nabootsing token(String key) {
        tokens.add(key);
        return this;
    }

    /** How long after its {@code iat} a ZGW JWT is accepted (Open Zaak's JWT_EXPIRY; default an hour). */
    public Nabootsing jwtGeldigheid(Duration geldigheid) {
        this.jwtGeldigheid = geldigheid;
        return this;
    }

    /**
     * As Open Notificaties does, a new abonnement's callback is first sent a test notification without
     * authorization (it must answer 401 or 403) and one with the abonnement's {@code auth} (it must answer 200-209);
     * otherwise the abonnement is refused with a ValidatieFout. Off by default.
     */
    public Nabootsing callbackControleren(boolean aan) {
        this.callbackControleren = aan;
        return this;
    }

    /** A ZGW JWT as a client of Open Zaak makes one: HS256, claims {@code iss}, {@code iat} (now), {@code client_id}. */
    public static String zgwJwt(String clientId, String secret) {
        return zgwJwt(clientId, secret, Instant.now());
    }

    /** A ZGW JWT issued at {@code iat} (to test a token that has grown too old). */
    public static String zgwJwt(String clientId, String secret, Instant iat) {
        ObjectNode kop = JSON.createObjectNode().put("alg", "HS256").put("typ", "JWT");
        ObjectNode claims = JSON.createObjectNode().put("iss", clientId).put("iat", iat.getEpochSecond())
                .put("client_id", clientId).put("user_id", "").put("user_representation", "");
        String inhoud = b64(kop.toString().getBytes(StandardCharsets.UTF_8)) + "."
                + b64(claims.toString().getBytes(StandardCharsets.UTF_8));
        return inhoud + "." + b64(hmac(secret, inhoud));
    }

    // ---------------------------------------------------------------- faults

    /** The whole stand-in refuses connections (its port closed) or listens again on the same port. */
    public synchronized void onbereikbaar(boolean aan) {
        if (aan && server != null) {
            server.stop(0);
            server = null;
        } else if (!aan && server == null) {
            try {
                server = luister(poort);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("poort " + poort + " niet opnieuw te openen", e);
            }
        }
    }

    /** One API drops its connections without an answer (the client sees the connection closed). */
    public void onbereikbaar(Api api, boolean aan) {
        if (aan) {
            onbereikbaar.add(api);
        } else {
            onbereikbaar.remove(api);
        }
    }

    /** Every answer waits this long first; {@link Duration#ZERO} switches it off. */
    public void traag(Duration vertraging) {
        for (Api a : Api.values()) {
            traag(a, vertraging);
        }
    }

    public void traag(Api api, Duration vertraging) {
        if (vertraging.isZero()) {
            traag.remove(api);
        } else {
            traag.put(api, vertraging);
        }
    }

    /** The next {@code aantal} requests (to any API) are answered with {@code status}, as a proxy in front would. */
    public void fout(int status, int aantal) {
        AtomicInteger teller = new AtomicInteger(aantal);
        for (Api a : Api.values()) {
            storingen.put(a, new Storing(status, teller, null));
        }
    }

    /** For {@code duur}, every request is answered with {@code status}. */
    public void fout(int status, Duration duur) {
        Instant tot = Instant.now().plus(duur);
        for (Api a : Api.values()) {
            storingen.put(a, new Storing(status, null, tot));
        }
    }

    public void fout(Api api, int status, int aantal) {
        storingen.put(api, new Storing(status, new AtomicInteger(aantal), null));
    }

    /** The resource at {@code url} is gone: answered with 404 or 410 and the specification's Fout. */
    public void weg(String url, int status) {
        if (status != 404 && status != 410) {
            throw new IllegalArgumentException("weg is 404 of 410, niet " + status);
        }
        weg.put(url, status);
    }

    /** Every fault off (the port open again, no delays, no injected errors, nothing gone). */
    public void herstel() {
        onbereikbaar(false);
        onbereikbaar.clear();
        traag.clear();
        storingen.clear();
        weg.clear();
    }

    // ---------------------------------------------------------------- what happened

    /** Requests so far to this path ({@code /zaken/api/v1/zaken}) or URL, whatever the query; answered or not. */
    public int verzoeken(String pad) {
        String p = pad.startsWith(basis()) ? pad.substring(basis().length()) : pad;
        int q = p.indexOf('?');
        AtomicInteger n = verzoeken.get(q < 0 ? p : p.substring(0, q));
        return n == null ? 0 : n.get();
    }

    /** All requests so far. */
    public int verzoeken() {
        return verzoeken.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** The abonnementen created at Open Notificaties, as posted (with {@code auth}) plus their {@code url}. */
    public List<ObjectNode> abonnementen() {
        return abonnementen.stream().map(ObjectNode::deepCopy).toList();
    }

    /** The bodies the stand-in would have sent that are not what the specification says. */
    public List<String> afwijkingen() {
        return List.copyOf(afwijkingen);
    }

    public void controleerGeenAfwijkingen() {
        if (!afwijkingen.isEmpty()) {
            throw new Specificatie.Afwijking("de nabootsing zou afwijken van de specificaties:\n - "
                    + String.join("\n - ", afwijkingen));
        }
    }

    /** Stops the server; then fails when any answer did not fit its specification. */
    @Override
    public void close() {
        HttpServer s = server;
        server = null;
        if (s != null) {
            s.stop(0);
        }
        werkers.shutdownNow();
        controleerGeenAfwijkingen();
    }

    // ---------------------------------------------------------------- serving

    private record Antwoord(int status, JsonNode body, String sjabloon, Map<String, String> kopregels) {
        Antwoord(int status, JsonNode body, String sjabloon) {
            this(status, body, sjabloon, Map.of());
        }
    }

    private void behandel(HttpExchange ex) throws IOException {
        String pad = ex.getRequestURI().getRawPath();
        verzoeken.computeIfAbsent(pad, k -> new AtomicInteger()).incrementAndGet();
        Api api = null;
        for (Map.Entry<Api, String> e : PREFIX.entrySet()) {
            if (pad.startsWith(e.getValue() + "/")) {
                api = e.getKey();
            }
        }
        try {
            if (api == null) {
                stuur(ex, 404, "text/plain", "Not Found".getBytes(StandardCharsets.UTF_8), Map.of());
                return;
            }
            if (onbereikbaar.contains(api)) {
                // Closed before any header is sent, the JDK server drops the connection without a byte of answer.
                return;
            }
            Duration wacht = traag.get(api);
            if (wacht != null) {
                Thread.sleep(wacht.toMillis());
            }
            Storing storing = storingen.get(api);
            if (storing != null && storing.actief()) {
                stuur(ex, storing.status(), "text/html",
                        ("<html><body><h1>" + storing.status() + "</h1></body></html>").getBytes(StandardCharsets.UTF_8),
                        storing.status() == 503 || storing.status() == 429 ? Map.of("Retry-After", "1") : Map.of());
                return;
            }
            Antwoord a = antwoord(api, ex, pad.substring(PREFIX.get(api).length()));
            String methode = ex.getRequestMethod().toLowerCase(java.util.Locale.ROOT);
            if (a.sjabloon() != null) {
                List<String> fout = Specificatie.van(api).afwijkingenAntwoord(methode, a.sjabloon(), a.status(), a.body());
                if (!fout.isEmpty()) {
                    String melding = api + " " + methode.toUpperCase(java.util.Locale.ROOT) + " " + pad + " " + a.status() + ": " + fout;
                    afwijkingen.add(melding);
                    stuur(ex, 500, "text/plain", ("nabootsing: antwoord wijkt af van de specificatie: " + melding)
                            .getBytes(StandardCharsets.UTF_8), Map.of());
                    return;
                }
            }
            Map<String, String> kop = new LinkedHashMap<>(a.kopregels());
            kop.put("API-version", VERSIE.get(api));
            stuur(ex, a.status(), a.status() >= 400 ? "application/problem+json" : "application/json",
                    JSON.writeValueAsBytes(a.body()), kop);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            ex.close();
        }
    }

    private static void stuur(HttpExchange ex, int status, String type, byte[] inhoud, Map<String, String> kop)
            throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        kop.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        ex.sendResponseHeaders(status, inhoud.length == 0 ? -1 : inhoud.length);
        try (OutputStream uit = ex.getResponseBody()) {
            uit.write(inhoud);
        }
    }

    private Antwoord antwoord(Api api, HttpExchange ex, String rest) throws IOException {
        String methode = ex.getRequestMethod();
        String instance = ex.getRequestURI().getRawPath();
        Optional<Antwoord> geweigerd = api == Api.KLANTINTERACTIES ? tokenControle(ex) : jwtControle(ex);
        String[] delen = rest.substring(1).split("/");
        String verzameling = delen[0];
        String sjabloon = sjabloon(api, delen);
        if (geweigerd.isPresent()) {
            Antwoord g = geweigerd.get();
            return new Antwoord(g.status(), g.body(), sjabloon, g.kopregels());
        }
        if (api == Api.NOTIFICATIES) {
            return notificaties(ex, verzameling, delen.length, instance);
        }
        if (sjabloon == null) {
            return new Antwoord(404, fout(404, "not_found", "Niet gevonden.", instance), null);
        }
        if (!"GET".equals(methode)) {
            return new Antwoord(405, fout(405, "method_not_allowed", "Methode \"" + methode + "\" niet toegestaan.", instance), null);
        }
        Integer verdwenen = weg.get(basis() + instance);
        if (verdwenen != null) {
            return new Antwoord(verdwenen, fout(verdwenen, verdwenen == 410 ? "gone" : "not_found",
                    verdwenen == 410 ? "Deze resource is verwijderd." : "Niet gevonden.", instance), sjabloon);
        }
        Map<String, String> query = query(ex.getRequestURI());
        if (api == Api.ZAKEN && "zaken".equals(verzameling) && delen.length <= 2) {
            // Zaken API 1.5: Accept-Crs is optional; one other than EPSG:4326 is refused, the answer names its CRS.
            String crs = ex.getRequestHeaders().getFirst("Accept-Crs");
            if (crs != null && !"EPSG:4326".equals(crs)) {
                return new Antwoord(406, fout(406, "not_acceptable", "CRS '" + crs + "' is niet ondersteund.", instance),
                        sjabloon);
            }
            Antwoord a = delen.length == 2 ? detail(verzameling, delen[1], instance, sjabloon)
                    : lijst(api, verzameling, query, instance, sjabloon);
            return a.status() == 200 ? new Antwoord(200, a.body(), sjabloon, Map.of("Content-Crs", "EPSG:4326")) : a;
        }
        if (delen.length == 3) {
            if (wereld.bron("zaken", delen[1]).isEmpty()) {
                return new Antwoord(404, fout(404, "not_found", "Niet gevonden.", instance), sjabloon);
            }
            ArrayNode a = JSON.createArrayNode();
            wereld.audittrail(delen[1]).forEach(a::add);
            return new Antwoord(200, a, sjabloon);
        }
        if (delen.length == 2) {
            return detail(verzameling, delen[1], instance, sjabloon);
        }
        return lijst(api, verzameling, query, instance, sjabloon);
    }

    private Antwoord detail(String verzameling, String uuid, String instance, String sjabloon) {
        Optional<ObjectNode> bron = wereld.bron(verzameling, uuid);
        return bron.map(b -> new Antwoord(200, b, sjabloon))
                .orElseGet(() -> new Antwoord(404, fout(404, "not_found", "Niet gevonden.", instance), sjabloon));
    }

    private static String sjabloon(Api api, String[] delen) {
        Set<String> bekend = switch (api) {
            case ZAKEN -> ZAKEN_VERZAMELINGEN;
            case CATALOGI -> CATALOGI_VERZAMELINGEN;
            case KLANTINTERACTIES -> KLANT_VERZAMELINGEN;
            case NOTIFICATIES -> Set.of("abonnement", "kanaal");
        };
        if (!bekend.contains(delen[0])) {
            return null;
        }
        if (delen.length == 1) {
            return LIJSTEN.contains(delen[0]) || api == Api.NOTIFICATIES ? "/" + delen[0] : null;
        }
        if (delen.length == 2 && api != Api.NOTIFICATIES) {
            return "/" + delen[0] + "/{uuid}";
        }
        if (delen.length == 3 && api == Api.ZAKEN && "zaken".equals(delen[0]) && "audittrail".equals(delen[2])) {
            return "/zaken/{zaak_uuid}/audittrail";
        }
        return null;
    }

    private Antwoord lijst(Api api, String verzameling, Map<String, String> query, String instance, String sjabloon) {
        List<Predicate<JsonNode>> filters = new ArrayList<>();
        List<Specificatie.Ongeldig> ongeldig = new ArrayList<>();
        for (Map.Entry<String, String> q : query.entrySet()) {
            String naam = q.getKey();
            String waarde = q.getValue();
            switch (verzameling + ":" + naam) {
                case "zaken:zaaktype", "zaken:identificatie", "zaken:bronorganisatie", "statussen:zaak", "rollen:zaak",
                     "rollen:omschrijvingGeneriek", "rollen:betrokkeneType", "resultaten:zaak" ->
                        filters.add(o -> waarde.equals(o.path(naam).asText()));
                case "zaken:registratiedatum", "zaken:registratiedatum__gt", "zaken:registratiedatum__lt" -> {
                    // The Zaken API's filters on the date (1.5: exact, __gt, __lt; there is no __gte).
                    try {
                        LocalDate d = LocalDate.parse(waarde);
                        filters.add(o -> {
                            LocalDate r = LocalDate.parse(o.get("registratiedatum").asText());
                            return naam.endsWith("__gt") ? r.isAfter(d) : naam.endsWith("__lt") ? r.isBefore(d) : r.equals(d);
                        });
                    } catch (DateTimeParseException e) {
                        ongeldig.add(new Specificatie.Ongeldig(naam, "invalid", "Voer een geldige datum in."));
                    }
                }
                default -> {
                    // Open Zaak and Open Klant ignore query parameters they do not filter on.
                }
            }
        }
        if (!ongeldig.isEmpty()) {
            return new Antwoord(400, validatiefout(ongeldig, instance), sjabloon);
        }
        int pagina;
        int grootte = PAGINAGROOTTE;
        try {
            pagina = Integer.parseInt(query.getOrDefault("page", "1"));
            if (api == Api.KLANTINTERACTIES && query.containsKey("pageSize")) {
                grootte = Math.min(PAGINAGROOTTE, Math.max(1, Integer.parseInt(query.get("pageSize"))));
            }
        } catch (NumberFormatException e) {
            pagina = -1;
        }
        int van = (pagina - 1) * grootte;
        Zgwwereld.Deel deel = wereld.deel(verzameling, o -> filters.stream().allMatch(f -> f.test(o)), Math.max(van, 0), grootte);
        if (pagina < 1 || (van >= deel.totaal() && pagina != 1)) {
            // Open Zaak and Open Klant answer a page past the end with 404, which their specifications do not list
            // for the list operations: sent without the check.
            return new Antwoord(404, fout(404, "not_found", "Ongeldige pagina.", instance), null);
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("count", deel.totaal());
        String zelf = basis() + instance;
        if (van + grootte < deel.totaal()) {
            body.put("next", pagina(zelf, query, pagina + 1));
        } else {
            body.putNull("next");
        }
        if (pagina > 1) {
            body.put("previous", pagina(zelf, query, pagina - 1));
        } else {
            body.putNull("previous");
        }
        ArrayNode results = body.putArray("results");
        deel.inhoud().forEach(results::add);
        return new Antwoord(200, body, sjabloon);
    }

    private static String pagina(String zelf, Map<String, String> query, int pagina) {
        Map<String, String> q = new LinkedHashMap<>(query);
        q.put("page", Integer.toString(pagina));
        StringBuilder b = new StringBuilder(zelf).append('?');
        q.forEach((k, v) -> b.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&'));
        return b.substring(0, b.length() - 1);
    }

    private Antwoord notificaties(HttpExchange ex, String verzameling, int delen, String instance) throws IOException {
        String methode = ex.getRequestMethod();
        if (delen != 1 || !Set.of("abonnement", "kanaal").contains(verzameling)) {
            return new Antwoord(404, fout(404, "not_found", "Niet gevonden.", instance), null);
        }
        if ("kanaal".equals(verzameling) && "GET".equals(methode)) {
            ArrayNode a = JSON.createArrayNode();
            KANALEN.forEach((naam, filters) -> a.add(kanaal(naam, "https://" + naam + ".readthedocs.io/", filters)));
            return new Antwoord(200, a, "/kanaal");
        }
        if ("abonnement".equals(verzameling) && "GET".equals(methode)) {
            ArrayNode a = JSON.createArrayNode();
            abonnementen.forEach(ab -> a.add(zonderAuth(ab)));
            return new Antwoord(200, a, "/abonnement");
        }
        if ("abonnement".equals(verzameling) && "POST".equals(methode)) {
            JsonNode body;
            try (InputStream in = ex.getRequestBody()) {
                body = JSON.readTree(in);
            } catch (IOException e) {
                return new Antwoord(400, validatiefout(List.of(new Specificatie.Ongeldig("nonFieldErrors", "parse_error",
                        "JSON parse error.")), instance), "/abonnement");
            }
            if (body == null || !body.isObject()) {
                return new Antwoord(400, validatiefout(List.of(new Specificatie.Ongeldig("nonFieldErrors", "invalid",
                        "Ongeldige gegevens. Verwachtte een dictionary, maar kreeg " + (body == null ? "niets" : body.getNodeType()) + ".")),
                        instance), "/abonnement");
            }
            List<Specificatie.Ongeldig> ongeldig = Specificatie.van(Api.NOTIFICATIES).ongeldigeVelden("post", "/abonnement", body);
            if (!ongeldig.isEmpty()) {
                return new Antwoord(400, validatiefout(ongeldig, instance), "/abonnement");
            }
            List<Specificatie.Ongeldig> kanaalfouten = kanaalfouten(body);
            if (!kanaalfouten.isEmpty()) {
                return new Antwoord(400, validatiefout(kanaalfouten, instance), "/abonnement");
            }
            if (callbackControleren) {
                // Open Notificaties' CallbackURLAuthValidator and CallbackURLValidator (src/nrc/api/validators.py):
                // without auth the callback must refuse (401/403), with the abonnement's auth accept (200-209).
                URI callback = URI.create(body.get("callbackUrl").asText());
                int zonder = callbackStatus(callback, null);
                if (zonder != 401 && zonder != 403) {
                    return new Antwoord(400, validatiefout(List.of(new Specificatie.Ongeldig("callbackUrl",
                            "no-auth-on-callback-url", "De opgegeven callback URL is niet beveiligd met autorisatie.")),
                            instance), "/abonnement");
                }
                int met = callbackStatus(callback, body.get("auth").asText());
                if (met < 200 || met > 209) {
                    return new Antwoord(400, validatiefout(List.of(new Specificatie.Ongeldig("nonFieldErrors",
                            "invalid-callback-url", "De opgegeven callback URL kan geen notificaties ontvangen.")),
                            instance), "/abonnement");
                }
            }
            ObjectNode opgeslagen = ((ObjectNode) body).deepCopy();
            opgeslagen.put("url", wereld.notificatiesApi() + "/abonnement/" + UUID.randomUUID());
            if (!opgeslagen.has("kanalen")) {
                opgeslagen.putArray("kanalen");
            }
            if (!opgeslagen.has("sendCloudevents")) {
                opgeslagen.put("sendCloudevents", false);
            }
            if (!opgeslagen.has("cloudeventFilters")) {
                opgeslagen.putArray("cloudeventFilters");
            }
            abonnementen.add(opgeslagen);
            return new Antwoord(201, zonderAuth(opgeslagen), "/abonnement",
                    Map.of("Location", opgeslagen.get("url").asText()));
        }
        return new Antwoord(405, fout(405, "method_not_allowed", "Methode \"" + methode + "\" niet toegestaan.", instance), null);
    }

    private static int callbackStatus(URI callback, String auth) {
        ObjectNode test = JSON.createObjectNode();
        test.put("kanaal", "test");
        test.put("hoofdObject", "http://some.hoofdobject.nl/");
        test.put("resource", "some_resource");
        test.put("resourceUrl", "http://some.resource.nl/");
        test.put("actie", "create");
        test.put("aanmaakdatum", "2019-01-01T12:00:00Z");
        test.putObject("kenmerken");
        try {
            return new Notificatieverzender().verstuur(callback, auth, test);
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** Open Notificaties refuses a kanaal it does not have, and filters on kenmerken the kanaal does not name. */
    private static List<Specificatie.Ongeldig> kanaalfouten(JsonNode abonnement) {
        List<Specificatie.Ongeldig> uit = new ArrayList<>();
        for (JsonNode groep : abonnement.path("kanalen")) {
            List<String> filters = KANALEN.get(groep.path("naam").asText());
            if (filters == null) {
                uit.add(new Specificatie.Ongeldig("naam", "kanaal_naam", "Kanaal met deze naam bestaat niet."));
                continue;
            }
            groep.path("filters").fieldNames().forEachRemaining(f -> {
                if (!filters.contains(f)) {
                    uit.add(new Specificatie.Ongeldig("filters", "inconsistent-abonnement-filters",
                            "abonnement filters aren't consistent with kanaal filters"));
                }
            });
        }
        return uit;
    }

    private static Map<String, List<String>> kanalen() {
        Map<String, List<String>> k = new LinkedHashMap<>();
        k.put("zaken", List.of("bronorganisatie", "zaaktype", "zaaktype.catalogus", "vertrouwelijkheidaanduiding"));
        k.put("klantcontacten", List.of("hoofdOnderwerpType", "indicatieContactGelukt", "verdereActieOndernomen"));
        return java.util.Collections.unmodifiableMap(k);
    }

    private static ObjectNode zonderAuth(ObjectNode abonnement) {
        ObjectNode a = abonnement.deepCopy();
        a.remove("auth");
        return a;
    }

    private ObjectNode kanaal(String naam, String documentatie, List<String> filters) {
        ObjectNode k = JSON.createObjectNode();
        k.put("url", wereld.notificatiesApi() + "/kanaal/" + UUID.nameUUIDFromBytes(naam.getBytes(StandardCharsets.UTF_8)));
        k.put("naam", naam);
        k.put("documentatieLink", documentatie);
        ArrayNode f = k.putArray("filters");
        filters.forEach(f::add);
        return k;
    }

    // ---------------------------------------------------------------- authentication

    private Optional<Antwoord> jwtControle(HttpExchange ex) {
        String instance = ex.getRequestURI().getRawPath();
        String kop = ex.getRequestHeaders().getFirst("Authorization");
        if (kop == null || kop.isBlank()) {
            return Optional.of(new Antwoord(403, fout(403, "not_authenticated", "Authenticatiegegevens zijn niet opgegeven.",
                    instance), null));
        }
        if (!kop.startsWith("Bearer ") || !geldigeJwt(kop.substring("Bearer ".length()).strip())) {
            return Optional.of(new Antwoord(403, fout(403, "permission_denied",
                    "Je hebt geen toestemming om deze actie uit te voeren.", instance), null));
        }
        return Optional.empty();
    }

    private boolean geldigeJwt(String jwt) {
        String[] delen = jwt.split("\\.");
        if (delen.length != 3) {
            return false;
        }
        try {
            JsonNode kop = JSON.readTree(Base64.getUrlDecoder().decode(delen[0]));
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(delen[1]));
            if (!"HS256".equals(kop.path("alg").asText())) {
                return false;
            }
            String client = claims.path("client_id").asText(claims.path("iss").asText());
            String geheim = zgwClients.get(client);
            if (geheim == null || !claims.path("iat").canConvertToLong()) {
                return false;
            }
            // Open Zaak (vng-api-common) refuses a token issued longer ago than JWT_EXPIRY (default an hour) or in
            // the future beyond its leeway, so a client must make fresh tokens.
            Instant uitgegeven = Instant.ofEpochSecond(claims.get("iat").asLong());
            Instant nu = Instant.now();
            if (uitgegeven.isAfter(nu.plus(JWT_SPELING)) || uitgegeven.plus(jwtGeldigheid).isBefore(nu)) {
                return false;
            }
            byte[] verwacht = hmac(geheim, delen[0] + "." + delen[1]);
            return MessageDigest.isEqual(verwacht, Base64.getUrlDecoder().decode(delen[2]));
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private Optional<Antwoord> tokenControle(HttpExchange ex) {
        String instance = ex.getRequestURI().getRawPath();
        String kop = ex.getRequestHeaders().getFirst("Authorization");
        Map<String, String> uitdaging = Map.of("WWW-Authenticate", "Token");
        if (kop == null || kop.isBlank()) {
            return Optional.of(new Antwoord(401, fout(401, "not_authenticated", "Authenticatiegegevens zijn niet opgegeven.",
                    instance), null, uitdaging));
        }
        if (!kop.startsWith("Token ") || !tokens.contains(kop.substring("Token ".length()).strip())) {
            return Optional.of(new Antwoord(401, fout(401, "authentication_failed", "Ongeldige token.", instance),
                    null, uitdaging));
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------- helpers

    private static ObjectNode fout(int status, String code, String titel, String instance) {
        ObjectNode f = JSON.createObjectNode();
        f.put("type", "https://nabootsing.klantreis.invalid/ref/fouten/" + code + "/");
        f.put("code", code);
        f.put("title", titel);
        f.put("status", status);
        f.put("detail", titel);
        f.put("instance", "urn:uuid:" + UUID.randomUUID());
        return f;
    }

    private static ObjectNode validatiefout(List<Specificatie.Ongeldig> ongeldig, String instance) {
        ObjectNode f = fout(400, "invalid", "Invalid input.", instance);
        f.put("detail", "");
        ArrayNode p = f.putArray("invalidParams");
        for (Specificatie.Ongeldig o : ongeldig) {
            p.addObject().put("name", o.naam()).put("code", o.code()).put("reason", o.reden());
        }
        return f;
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> q = new LinkedHashMap<>();
        String rauw = uri.getRawQuery();
        if (rauw == null || rauw.isEmpty()) {
            return q;
        }
        for (String paar : rauw.split("&")) {
            int i = paar.indexOf('=');
            String k = URLDecoder.decode(i < 0 ? paar : paar.substring(0, i), StandardCharsets.UTF_8);
            String v = i < 0 ? "" : URLDecoder.decode(paar.substring(i + 1), StandardCharsets.UTF_8);
            q.put(k, v);
        }
        return q;
    }

    private static byte[] hmac(String geheim, String inhoud) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(geheim.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(inhoud.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
