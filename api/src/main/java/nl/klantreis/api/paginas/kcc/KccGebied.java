package nl.klantreis.api.paginas.kcc;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nl.klantreis.api.beveiliging.Rol;
import nl.klantreis.api.paginas.Paginagebied;

/** The KCC employee's area: his link on the start page and the rule that only a medewerker enters {@code /kcc}. */
@Configuration(proxyBeanMethods = false)
class KccGebied {
    static final String PAD = "/kcc";

    @Bean
    Paginagebied klantbeeld() {
        return new Paginagebied(PAD, "Klantbeeld",
                "Een klant zoeken op BSN of KVK-nummer en zijn contacten, zaken en klantreizen over alle kanalen zien.",
                20, Set.of(Rol.MEDEWERKER));
    }
}
