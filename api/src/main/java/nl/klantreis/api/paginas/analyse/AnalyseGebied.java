package nl.klantreis.api.paginas.analyse;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nl.klantreis.api.beveiliging.Rol;
import nl.klantreis.api.paginas.Paginagebied;

/** The Analyse area (issue 11 item 3, ADR 0024): KPIs, kanaalwissels and journeys, for the analist only. */
@Configuration(proxyBeanMethods = false)
class AnalyseGebied {
    static final String PAD = "/analyse";

    @Bean
    Paginagebied analyse() {
        return new Paginagebied(PAD, "Analyse",
                "KPI's, kanaalwissels en klantreizen stap voor stap; wat kanaalsturing kost of oplevert.", 30,
                Set.of(Rol.ANALIST));
    }
}
