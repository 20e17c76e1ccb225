package nl.klantreis.api.bronnen;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import nl.klantreis.bronnen.Bronconfiguratie;

/**
 * A wrong bronnen file stops the start with every problem listed, as a description and an action rather than a
 * stack trace.
 */
class BronconfiguratieAnalyse extends AbstractFailureAnalyzer<Bronconfiguratie.Ongeldig> {

    @Override
    protected FailureAnalysis analyze(Throwable fout, Bronconfiguratie.Ongeldig oorzaak) {
        return new FailureAnalysis(oorzaak.getMessage(),
                "Verbeter het bestand van klantreis.bronnen.configuratie (KLANTREIS_BRONNEN_CONFIGURATIE; docs/bronnen.md)"
                        + " of maak de instelling leeg om zonder bronkoppeling te starten.",
                oorzaak);
    }
}
