package nl.klantreis.api.paginas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.reactive.function.BodyInserters;

import nl.klantreis.api.beveiliging.Rol;
import nl.klantreis.api.testondersteuning.Browser;
import nl.klantreis.api.testondersteuning.Testengine;

/**
 * Two nodes behind a load balancer that does not stick (ADR 0027): the login form comes from one,
 * is posted to the other, the pages then open on either; the id from before the login is worth
 * nothing anywhere, and a logout on one node ends the session on both.
 */
class PaginasessieOverKnooppuntenTest {
    @RegisterExtension
    static final Testengine een = Testengine.perKlasse();
    @RegisterExtension
    static final Testengine twee = een.tweedeNodePerKlasse();

    @Test
    void eenLoginGeldtOpElkKnooppuntEnEenLogoutOok() {
        EntityExchangeResult<String> formulier = een.clientZonderToken().get().uri("/inloggen").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult();
        String vooraf = formulier.getResponseCookies().getFirst("KLANTREIS_SESSIE").getValue();
        // The CSRF token lives in the session that node één made; node twee checks it.
        EntityExchangeResult<Void> ingelogd = twee.clientZonderToken().post().uri("/inloggen")
                .cookie("KLANTREIS_SESSIE", vooraf).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("rol", Rol.MEDEWERKER.claim())
                        .with("voorbeeldbsn", Browser.VOORBEELD_BSN).with("_csrf", csrf(formulier.getResponseBody())))
                .exchange().expectStatus().isEqualTo(HttpStatus.SEE_OTHER).expectBody().isEmpty();
        String sessie = ingelogd.getResponseCookies().getFirst("KLANTREIS_SESSIE").getValue();
        assertThat(sessie).isNotEqualTo(vooraf);

        for (Testengine knooppunt : new Testengine[] {een, twee}) {
            assertThat(startpagina(knooppunt, sessie).getResponseBody()).contains("Ingelogd als");
            knooppunt.clientZonderToken().get().uri("/").cookie("KLANTREIS_SESSIE", vooraf).exchange()
                    .expectStatus().is3xxRedirection();
        }

        String uitloggen = csrf(startpagina(een, sessie).getResponseBody());
        een.clientZonderToken().post().uri("/uitloggen").cookie("KLANTREIS_SESSIE", sessie)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("_csrf", uitloggen))
                .exchange().expectStatus().is3xxRedirection();
        twee.clientZonderToken().get().uri("/").cookie("KLANTREIS_SESSIE", sessie).exchange()
                .expectStatus().is3xxRedirection();
        assertThat(een.jdbc().queryForObject("SELECT count(*) FROM paginasessie", Integer.class))
                .as("alleen de sessies zonder login van deze test zelf").isLessThanOrEqualTo(2);
    }

    private static EntityExchangeResult<String> startpagina(Testengine knooppunt, String sessie) {
        return knooppunt.clientZonderToken().get().uri("/").cookie("KLANTREIS_SESSIE", sessie).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult();
    }

    private static String csrf(String pagina) {
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(pagina);
        assertThat(csrf.find()).as("CSRF-veld op de pagina").isTrue();
        return csrf.group(1);
    }
}
