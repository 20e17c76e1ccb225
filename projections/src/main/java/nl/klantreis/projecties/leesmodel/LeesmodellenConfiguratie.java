package nl.klantreis.projecties.leesmodel;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nl.klantreis.projecties.klantreis.KlantreisLeesregels;
import nl.klantreis.projecties.mijnzaken.MijnZakenRegels;

/** The read models the engine keeps. The klantbeeld and the KPIs are rendered from these two. */
@Configuration(proxyBeanMethods = false)
public class LeesmodellenConfiguratie {

    @Bean
    public KlantreisLeesregels klantreisLeesregels() {
        return new KlantreisLeesregels();
    }

    @Bean
    public MijnZakenRegels mijnZakenRegels() {
        return new MijnZakenRegels();
    }
}
