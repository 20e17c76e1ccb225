package nl.klantreis.api.paginas;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.MediaType;

import nl.klantreis.api.testondersteuning.Testengine;

/** With an external issuer the persona page does not exist: /inloggen is the 404 page, GET and POST alike. */
class PersonapaginaExternTest {
    @RegisterExtension
    static final Testengine engine = Testengine.perKlasse(
            "--klantreis.beveiliging.jwks-url=http://127.0.0.1:9/jwks", "--klantreis.beveiliging.issuer=https://idp.example");

    @Test
    void geenPersonapagina() {
        engine.clientZonderToken().get().uri("/inloggen").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).value(html -> org.assertj.core.api.Assertions.assertThat(html)
                        .contains("Pagina niet gevonden").doesNotContain("persona"));
        // Not logged in elsewhere: no way to the persona page either (the OIDC login comes here).
        engine.clientZonderToken().get().uri("/").exchange().expectStatus().isUnauthorized();
    }
}
