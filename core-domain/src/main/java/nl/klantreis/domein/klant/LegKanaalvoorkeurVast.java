package nl.klantreis.domein.klant;

import java.time.Instant;
import java.util.Objects;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import nl.klantreis.domein.gedeeld.Identificatiesoort;
import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.gedeeld.Versleuteld;

/** Record the klant's preferred kanaal; {@code onderwerp} null means: for everything. */
public record LegKanaalvoorkeurVast(@TargetAggregateIdentifier KlantId klantId, Identificatiesoort soort,
                                    Versleuteld nummer, String kanaal, String onderwerp, Instant vastgelegdOp) {
    public LegKanaalvoorkeurVast {
        Objects.requireNonNull(klantId, "klantId");
        Objects.requireNonNull(nummer, "nummer");
        Objects.requireNonNull(kanaal, "kanaal");
        Objects.requireNonNull(vastgelegdOp, "vastgelegdOp");
    }
}
