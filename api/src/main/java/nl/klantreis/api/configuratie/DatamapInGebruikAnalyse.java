package nl.klantreis.api.configuratie;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import nl.klantreis.infrastructuur.opslag.IngebeddePostgres.DatamapInGebruik;

/**
 * A second engine started on the data directory of one that runs is an operator's slip, not a
 * fault: Spring Boot then prints this description and action instead of a stack trace.
 */
class DatamapInGebruikAnalyse extends AbstractFailureAnalyzer<DatamapInGebruik> {

    @Override
    protected FailureAnalysis analyze(Throwable fout, DatamapInGebruik oorzaak) {
        return new FailureAnalysis(oorzaak.getMessage(),
                "Stop de draaiende engine (Ctrl-C of SIGTERM) of start deze met een andere KLANTREIS_DATA_MAP.",
                oorzaak);
    }
}
