package nl.klantreis.api.paginas.mijnzaken;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nl.klantreis.api.beveiliging.Rol;
import nl.klantreis.api.paginas.Paginagebied;

/** MijnZaken (issue 11, item 1): the citizen's own zaken; its link on the start page and its access rule. */
@Configuration(proxyBeanMethods = false)
class MijnZakenGebied {
    static final String PAD = "/mijnzaken";

    @Bean
    Paginagebied mijnZaken() {
        return new Paginagebied(PAD, "Mijn zaken", "Waar uw aanvragen en meldingen staan, en wie uw gegevens heeft ingezien.",
                10, Set.of(Rol.BURGER));
    }
}
