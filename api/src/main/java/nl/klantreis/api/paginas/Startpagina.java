package nl.klantreis.api.paginas;

import java.util.Comparator;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.reactive.result.view.Rendering;

import nl.klantreis.api.beveiliging.Gebruikers;
import reactor.core.publisher.Mono;

/**
 * The start page ({@code /}): the areas this user's role may enter, from the {@link Paginagebied}
 * beans (an area that is not built has no bean, so no link).
 */
@Controller
class Startpagina {
    private final List<Paginagebied> gebieden;

    Startpagina(ObjectProvider<Paginagebied> gebieden) {
        this.gebieden = gebieden.stream().sorted(Comparator.comparingInt(Paginagebied::volgorde)).toList();
    }

    @GetMapping("/")
    Mono<Rendering> start() {
        return Gebruikers.huidige().map(gebruiker -> Rendering.view("paginas/start")
                .modelAttribute("gebieden", gebieden.stream().filter(g -> g.voor(gebruiker.rol())).toList())
                .build());
    }
}
