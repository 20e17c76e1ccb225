package nl.klantreis.api.paginas;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.savedrequest.ServerRequestCache;
import org.springframework.security.web.server.savedrequest.WebSessionServerRequestCache;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;

import nl.klantreis.api.beveiliging.Rol;
import nl.klantreis.domein.gedeeld.Bsn;
import nl.klantreis.infrastructuur.beveiliging.LokaleSleutel;
import nl.klantreis.infrastructuur.beveiliging.Tokenmaker;
import reactor.core.publisher.Mono;

/**
 * The persona page of local mode ({@code /inloggen}): pick a role (a burger with a BSN) and get a
 * short-lived token signed with the local key, with the claims of the API's local tokens, kept in
 * the session ({@link Sessieaanmelding}). With an external issuer this controller does not exist,
 * so {@code /inloggen} is the 404 page.
 */
@Controller
@Conditional(Lokalemodus.class)
class Personapagina {
    /** Short: a persona is for trying things out; after this the persona page again. */
    static final Duration GELDIGHEID = Duration.ofMinutes(30);

    /** The example citizens of voorbeelden/ (the dakkapel zaak's is the first). */
    static final List<Voorbeeldburger> VOORBEELDBURGERS = List.of(
            new Voorbeeldburger("999990342", "Inwoner van het dakkapel-voorbeeld"),
            new Voorbeeldburger("999993653", "Een andere inwoner"));

    static final List<Rol> ROLLEN = List.of(Rol.BURGER, Rol.MEDEWERKER, Rol.ANALIST, Rol.AUDITOR, Rol.BEHEERDER);

    private final Tokenmaker tokenmaker;
    private final Sessieaanmelding sessie;
    private final ServerRequestCache bewaard = new WebSessionServerRequestCache();

    Personapagina(@Value("${klantreis.data-map:./data}") String dataMap, Sessieaanmelding sessie) {
        this.tokenmaker = new Tokenmaker(LokaleSleutel.laadOfMaak(Path.of(dataMap)));
        this.sessie = sessie;
    }

    record Voorbeeldburger(String bsn, String omschrijving) {
    }

    record Keuze(String claim, String naam) {
    }

    @GetMapping("/inloggen")
    Rendering pagina() {
        return formulier(HttpStatus.OK, null, "burger", VOORBEELDBURGERS.get(0).bsn(), "");
    }

    @PostMapping("/inloggen")
    Mono<Rendering> inloggen(ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(formulier -> {
            String rol = waarde(formulier, "rol");
            String gekozen = waarde(formulier, "voorbeeldbsn");
            String getypt = waarde(formulier, "bsn").replace(" ", "");
            Rol gekozenRol = ROLLEN.stream().filter(r -> r.claim().equals(rol)).findFirst().orElse(null);
            if (gekozenRol == null) {
                return Mono.just(formulier(HttpStatus.BAD_REQUEST, "Kies een rol.", rol, gekozen, getypt));
            }
            String bsn = null;
            if (gekozenRol == Rol.BURGER) {
                bsn = getypt.isEmpty() ? gekozen : getypt;
                if (!Bsn.isGeldig(bsn)) {
                    return Mono.just(formulier(HttpStatus.BAD_REQUEST,
                            "Vul een geldig BSN in: 9 cijfers die de elfproef doorstaan.", rol, gekozen, getypt));
                }
            }
            // A burger's subject is an opaque id, never his BSN (as the API's tokens).
            String actor = gekozenRol == Rol.BURGER ? "burger-" + UUID.randomUUID() : "persona-" + gekozenRol.claim();
            String token = tokenmaker.maak(actor, gekozenRol.claim(), bsn, null, GELDIGHEID);
            return sessie.meldAan(exchange, token)
                    // Back to the page that sent him here (saved by the chain's entry point), else the start page.
                    .then(bewaard.getRedirectUri(exchange).map(URI::toString).defaultIfEmpty("/"))
                    .map(doel -> Rendering.redirectTo(doel).status(HttpStatus.SEE_OTHER).build());
        });
    }

    private static String waarde(MultiValueMap<String, String> formulier, String naam) {
        String waarde = formulier.getFirst(naam);
        return waarde == null ? "" : waarde.strip();
    }

    private static Rendering formulier(HttpStatus status, String fout, String rol, String voorbeeldbsn, String bsn) {
        return Rendering.view("paginas/inloggen").status(status)
                .model(Map.of("rollen", ROLLEN.stream().map(r -> new Keuze(r.claim(), Persona.rolnaam(r))).toList(),
                        "voorbeeldburgers", VOORBEELDBURGERS,
                        "gekozenRol", rol == null ? "" : rol,
                        "gekozenBsn", voorbeeldbsn == null ? "" : voorbeeldbsn,
                        "getyptBsn", bsn == null ? "" : bsn))
                .modelAttribute("fout", fout == null ? "" : fout)
                .build();
    }
}
