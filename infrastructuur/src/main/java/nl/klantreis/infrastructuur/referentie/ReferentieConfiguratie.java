package nl.klantreis.infrastructuur.referentie;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nl.klantreis.domein.referentie.Catalogus;
import nl.klantreis.domein.referentie.Kanalen;

/** The reference data shipped with the engine: kanalen and zaaktypen. */
@Configuration(proxyBeanMethods = false)
public class ReferentieConfiguratie {

    @Bean
    public Referentiegegevens referentiegegevens() {
        return Referentiegegevens.laadStandaard();
    }

    @Bean
    public Catalogus catalogus(Referentiegegevens referentie) {
        return referentie.catalogus();
    }

    @Bean
    public Kanalen kanalen(Referentiegegevens referentie) {
        return referentie.kanalen();
    }
}
