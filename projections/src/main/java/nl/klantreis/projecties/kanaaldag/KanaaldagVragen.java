package nl.klantreis.projecties.kanaaldag;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import nl.klantreis.projecties.leesmodel.Documentlezer;
import nl.klantreis.projecties.leesmodel.Projectiebeheer;

/** Query handler of the kanaaldag read model. Blocking (JDBC): the API calls it from a worker thread. */
// Off unless asked for: a read model is a processor that applies every event during ingestion, and
// this one costs 17-20% of ingestion throughput (docs/benchmarks.md) while nothing reads it yet.
@ConditionalOnProperty(name = "klantreis.leesmodellen.kanaaldag", havingValue = "true")
@Component
class KanaaldagVragen {
    private final Documentlezer<Kanaaldag> dagen;

    @Autowired
    KanaaldagVragen(Projectiebeheer beheer, DataSource database) {
        this(new Documentlezer<>(beheer, KanaaldagLeesregels.NAAM, database));
    }

    KanaaldagVragen(Documentlezer<Kanaaldag> dagen) {
        this.dagen = dagen;
    }

    @QueryHandler
    KanaaldagAntwoord tellingen(KanaaldagVraag vraag) {
        List<Kanaaldagtelling> tellingen = new ArrayList<>();
        for (LocalDate dag = vraag.van(); dag.isBefore(vraag.tot()); dag = dag.plusDays(1)) {
            // In key order: "<datum>/<kanaal>", so per day by kanaal.
            dagen.allenMetZoeksleutel(dag.toString()).forEach(d -> tellingen.add(d.telling()));
        }
        return new KanaaldagAntwoord(tellingen);
    }
}
