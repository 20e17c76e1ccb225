package nl.klantreis.api.paginas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.reactive.result.view.Rendering;

import nl.klantreis.api.beveiliging.Rol;

/** An area declares itself once; the start page shows it to exactly its roles, in its place. */
class PaginagebiedTest {

    @Test
    void eenGebiedLigtOpEenEigenPaginapad() {
        assertThat(new Paginagebied("/mijnzaken", "Mijn zaken", "x", 10, Set.of(Rol.BURGER)).pad()).isEqualTo("/mijnzaken");
        for (String pad : List.of("/api/v1/x", "/actuator", "/inloggen", "/vendor", "mijnzaken", "/mijnzaken/", "/Mijn zaken")) {
            assertThatThrownBy(() -> new Paginagebied(pad, "x", "x", 10, Set.of(Rol.BURGER)))
                    .as(pad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> new Paginagebied("/leeg", "x", "x", 10, Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deStartpaginaToontDeGebiedenVanDeRolOpVolgorde() {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("audit", new Paginagebied("/audit", "Audit", "x", 40, Set.of(Rol.AUDITOR)));
        beans.registerSingleton("kcc", new Paginagebied("/kcc", "Klantbeeld", "x", 20, Set.of(Rol.MEDEWERKER)));
        beans.registerSingleton("analyse", new Paginagebied("/analyse", "Analyse", "x", 30,
                Set.of(Rol.ANALIST, Rol.MEDEWERKER)));
        Startpagina start = new Startpagina(beans.getBeanProvider(Paginagebied.class));

        assertThat(namen(start, Rol.MEDEWERKER)).containsExactly("Klantbeeld", "Analyse");
        assertThat(namen(start, Rol.AUDITOR)).containsExactly("Audit");
        assertThat(namen(start, Rol.BURGER)).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static List<String> namen(Startpagina start, Rol rol) {
        Jwt token = new Jwt("t", Instant.now(), Instant.now().plusSeconds(60), Map.of("alg", "RS256"),
                rol == Rol.BURGER ? Map.of("sub", "a", "rol", rol.claim(), "bsn", "999990342")
                        : Map.of("sub", "a", "rol", rol.claim()));
        Rendering pagina = start.start().contextWrite(ReactiveSecurityContextHolder.withAuthentication(
                new JwtAuthenticationToken(token, List.of(new SimpleGrantedAuthority(rol.autoriteit()))))).block();
        return ((List<Paginagebied>) pagina.modelAttributes().get("gebieden")).stream().map(Paginagebied::naam).toList();
    }
}
