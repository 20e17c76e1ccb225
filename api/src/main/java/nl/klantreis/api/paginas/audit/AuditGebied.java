package nl.klantreis.api.paginas.audit;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nl.klantreis.api.beveiliging.Rol;
import nl.klantreis.api.paginas.Paginagebied;

/** The auditor's area: its link on the start page and its access rule (auditor only). */
@Configuration(proxyBeanMethods = false)
class AuditGebied {
    static final String PAD = "/audit";

    @Bean
    Paginagebied audit() {
        return new Paginagebied(PAD, "Audit", "Het verwerkingslog doorzoeken, de integriteit controleren en"
                + " geweigerde toegang bekijken.", 40, Set.of(Rol.AUDITOR));
    }
}
