package nl.klantreis.api.bronnen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

import nl.klantreis.bronnen.Bronconfiguratie;

/** A wrong bronnen file stops the start with every problem in the description, not a stack trace. */
class BronconfiguratieAnalyseTest {

    @Test
    void elkProbleemStaatInDeBeschrijving_enDeActieNoemtDeInstelling() {
        Bronconfiguratie.Ongeldig ongeldig = new Bronconfiguratie.Ongeldig(List.of("openZaak.zakenApi: ontbreekt",
                "zaaktypen[0].kanaal: 'fax' is geen kanaal uit kanalen.json"));
        FailureAnalysis analyse = new BronconfiguratieAnalyse().analyze(
                new BeanCreationException("bronkoppeling", "mislukt", ongeldig));
        assertThat(analyse).isNotNull();
        assertThat(analyse.getDescription()).contains("openZaak.zakenApi: ontbreekt", "'fax' is geen kanaal");
        assertThat(analyse.getAction()).contains("KLANTREIS_BRONNEN_CONFIGURATIE");
    }
}
