package nl.klantreis.opstelling;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * A KCC employee logged in on node 1 goes on working when node 1 is killed: the proxy sends his next
 * page to node 2, which knows his session (ADR 0027). Real processes, a real PostgreSQL server.
 */
class PaginasessieNaKnooppuntverliesTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final Pattern COOKIE = Pattern.compile("KLANTREIS_SESSIE=([^;]+)");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Test
    void eenLoginOpKnooppuntEenGeldtNaZijnDoodOpKnooppuntTwee() throws Exception {
        try (Opstelling opstelling = Opstelling.start("paginasessie", 2)) {
            Knooppunt een = opstelling.knooppunt(1);
            Knooppunt twee = opstelling.knooppunt(2);
            HttpResponse<String> formulier = HTTP.send(HttpRequest.newBuilder(een.adres("/inloggen")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            String vooraf = cookie(formulier);
            Matcher csrf = CSRF.matcher(formulier.body());
            assertThat(csrf.find()).isTrue();
            HttpResponse<String> ingelogd = HTTP.send(HttpRequest.newBuilder(een.adres("/inloggen"))
                    .header("Cookie", "KLANTREIS_SESSIE=" + vooraf)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("rol=medewerker&_csrf="
                            + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(ingelogd.statusCode()).as(ingelogd.body()).isEqualTo(303);
            String sessie = cookie(ingelogd);

            een.doodHard();

            HttpResponse<String> kcc = HTTP.send(HttpRequest.newBuilder(twee.adres("/kcc"))
                    .header("Cookie", "KLANTREIS_SESSIE=" + sessie).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(kcc.statusCode()).as(kcc.body()).isEqualTo(200);
            assertThat(kcc.body()).contains("Ingelogd als");
        }
    }

    private static String cookie(HttpResponse<?> antwoord) {
        return antwoord.headers().allValues("Set-Cookie").stream().map(COOKIE::matcher).filter(Matcher::find)
                .map(m -> m.group(1)).findFirst()
                .orElseThrow(() -> new AssertionError("geen sessiecookie in " + antwoord.headers()));
    }
}
