package nl.klantreis.bronnen;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * HTTP to one source (Open Zaak's Zaken and Catalogi API, Open Klant, Open Notificaties): JSON GETs, the paged lists
 * of the ZGW APIs ({@code count}, {@code next}, {@code results}) and the one POST of the abonnement.
 *
 * <p>Credentials go only where they belong: a URL outside the configured API roots (a {@code next} link, a resource
 * URL inside an answer, a notification's URL) is refused before anything is sent, and redirects are not followed,
 * so a forged notification or a tampered answer cannot make the engine hand its token to another host.
 *
 * <p>What an answer means: 2xx JSON is the resource; 404 and 410 are {@link Weg}; 408, 425, 429, 5xx and every
 * network failure or time-out are temporary {@link Bronfout}s (tried again later); 401 and 403 and other 4xx are
 * lasting (waiting will not change a refused client or a malformed request), as is an answer that is not JSON.
 */
public final class Bronclient {
    private static final int GROOTSTE_ANTWOORD = 32 * 1024 * 1024;
    private static final int MEESTE_PAGINAS = 100_000;

    private final HttpClient http;
    private final Duration tijdslimiet;
    private final List<String> wortels;
    private final String autorisatie;
    private final Zgwtoken zgw;
    private final ObjectMapper json = new ObjectMapper();
    private final LongAdder verzoeken = new LongAdder();

    /**
     * @param wortels        the API roots this client may call (e.g. the Zaken and the Catalogi API of one Open Zaak)
     * @param authenticatie  how to identify: ZGW JWT or a literal header
     */
    public Bronclient(List<URI> wortels, Bronconfiguratie.Authenticatie authenticatie, Duration tijdslimiet, Clock klok) {
        this.wortels = wortels.stream().map(w -> w.toString().endsWith("/") ? w.toString() : w + "/").toList();
        this.tijdslimiet = tijdslimiet;
        this.zgw = authenticatie.zgwJwt() ? new Zgwtoken(authenticatie.clientId(), authenticatie.secret(), klok) : null;
        this.autorisatie = authenticatie.header();
        this.http = HttpClient.newBuilder()
                .connectTimeout(tijdslimiet)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** Whether {@code url} lies under one of this client's API roots ({@link #onder}). */
    public boolean binnen(String url) {
        if (url == null || url.length() > 2000) {
            return false;
        }
        try {
            URI uri = new URI(url);
            return wortels.stream().anyMatch(w -> onder(uri, w));
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /**
     * Whether {@code doel} lies under the API root {@code wortel} (ending in {@code /}): the same scheme, host and port,
     * no user info, a path below the root's that is already normalised (no dot segments) and has no encoded separators,
     * and only the printable ASCII a URL consists of. The one check of where the engine may send a source's
     * credentials: for the URLs in notifications as for those in the sources' answers.
     */
    public static boolean onder(URI doel, String wortel) {
        URI basis = URI.create(wortel);
        String pad = doel.getRawPath();
        String klein = pad == null ? "" : pad.toLowerCase(java.util.Locale.ROOT);
        return doel.isAbsolute() && doel.getRawUserInfo() == null
                && basis.getScheme().equalsIgnoreCase(doel.getScheme())
                && basis.getHost() != null && basis.getHost().equalsIgnoreCase(doel.getHost())
                && poort(basis) == poort(doel)
                && pad != null && pad.startsWith(basis.getRawPath())
                && doel.normalize().getRawPath().equals(pad)
                && !klein.contains("%2e") && !klein.contains("%2f") && !klein.contains("%5c")
                && doel.toString().chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }

    private static int poort(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** GET one JSON resource. */
    public JsonNode haal(String url) throws Bronfout, Weg {
        return verstuur(url, HttpRequest.newBuilder().GET());
    }

    /**
     * Every item of a list: a paged ZGW list ({@code results} and {@code next}, followed to the end) or a plain JSON
     * array (the audittrail is one).
     */
    public List<JsonNode> haalAlle(String url) throws Bronfout, Weg {
        List<JsonNode> alle = new ArrayList<>();
        Set<String> gezien = new HashSet<>();
        String volgende = url;
        while (volgende != null) {
            if (!gezien.add(volgende) || gezien.size() > MEESTE_PAGINAS) {
                throw new Bronfout("de lijst " + url + " verwijst in een kring naar zichzelf (next: " + volgende + ")", false);
            }
            JsonNode pagina = haal(volgende);
            if (pagina.isArray()) {
                pagina.forEach(alle::add);
                return alle;
            }
            JsonNode resultaten = pagina.path("results");
            if (!resultaten.isArray()) {
                throw new Bronfout(volgende + " geeft geen lijst (geen results)", false);
            }
            resultaten.forEach(alle::add);
            JsonNode next = pagina.path("next");
            volgende = next.isTextual() && !next.asText().isBlank() ? next.asText() : null;
        }
        return alle;
    }

    /** POST a JSON body (the abonnement at Open Notificaties); the answer's body. */
    public JsonNode stuur(String url, JsonNode inhoud) throws Bronfout, Weg {
        return verstuur(url, HttpRequest.newBuilder()
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(inhoud.toString())));
    }

    /** How many requests this client sent (for the benchmark's resources per second). */
    public long verzoeken() {
        return verzoeken.sum();
    }

    private JsonNode verstuur(String url, HttpRequest.Builder verzoek) throws Bronfout, Weg {
        if (!binnen(url)) {
            throw new Bronfout("het adres " + beknopt(url) + " ligt buiten de ingestelde API's " + wortels
                    + "; de engine stuurt zijn toegang daar niet heen", false);
        }
        verzoek.uri(URI.create(url)).timeout(tijdslimiet)
                .header("Accept", "application/json")
                .header("Accept-Crs", "EPSG:4326");
        String kop = zgw != null ? zgw.header() : autorisatie;
        if (kop != null) {
            verzoek.header("Authorization", kop);
        }
        HttpResponse<byte[]> antwoord;
        verzoeken.increment();
        try {
            antwoord = http.send(verzoek.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException e) {
            throw new Bronfout("geen verbinding met " + host(url) + " binnen " + tijdslimiet.toSeconds() + " s", true, e);
        } catch (HttpTimeoutException e) {
            throw new Bronfout(host(url) + " antwoordde niet binnen " + tijdslimiet.toSeconds() + " s", true, e);
        } catch (ConnectException e) {
            throw new Bronfout(host(url) + " is niet bereikbaar", true, e);
        } catch (IOException e) {
            throw new Bronfout("verbinding met " + host(url) + " mislukt: " + e.getClass().getSimpleName(), true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Bronfout("onderbroken tijdens een verzoek aan " + host(url), true, e);
        }
        int status = antwoord.statusCode();
        if (status == 404 || status == 410) {
            throw new Weg(beknopt(url), status);
        }
        if (status == 408 || status == 425 || status == 429 || status >= 500) {
            throw new Bronfout(host(url) + " antwoordde HTTP " + status, true);
        }
        if (status == 401 || status == 403) {
            throw new Bronfout(host(url) + " weigert de engine (HTTP " + status
                    + "): controleer clientId/secret of header in de bronconfiguratie en de autorisaties bij de bron", false);
        }
        if (status < 200 || status >= 300) {
            throw new Bronfout(host(url) + " antwoordde HTTP " + status + " op " + beknopt(url), false);
        }
        byte[] lijf = antwoord.body();
        if (lijf.length > GROOTSTE_ANTWOORD) {
            throw new Bronfout(beknopt(url) + " gaf een antwoord van meer dan 32 MiB", false);
        }
        try {
            return lijf.length == 0 ? json.createObjectNode() : json.readTree(lijf);
        } catch (JsonProcessingException e) {
            throw new Bronfout(beknopt(url) + " gaf geen JSON", false, e);
        } catch (IOException e) {
            throw new Bronfout(beknopt(url) + " gaf een onleesbaar antwoord", false, e);
        }
    }

    private static String host(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        } catch (IllegalArgumentException e) {
            return "(ongeldig adres)";
        }
    }

    private static String beknopt(String url) {
        if (url == null) {
            return "(geen adres)";
        }
        return url.length() > 200 ? url.substring(0, 200) + "…" : url;
    }
}
