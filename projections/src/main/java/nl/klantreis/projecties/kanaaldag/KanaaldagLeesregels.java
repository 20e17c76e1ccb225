package nl.klantreis.projecties.kanaaldag;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import nl.klantreis.domein.gedeeld.Tijd;
import nl.klantreis.domein.klant.KlantEvent;
import nl.klantreis.domein.klant.KlantcontactGeregistreerd;
import nl.klantreis.projecties.leesmodel.Documentleesregels;

/**
 * The kanaaldag read model: one {@link Kanaaldag} per day and kanaal, keyed {@code <datum>/<kanaal>},
 * from the contacts as registered (the {@code gebeurd} axis: the day a contact took place, however
 * late it was reported). Contacts of a forgotten klant keep counting, as in the KPIs: the document
 * holds no pseudonym.
 */
// Off unless asked for: a read model is a processor that applies every event during ingestion, and
// this one costs 17-20% of ingestion throughput (docs/benchmarks.md) while nothing reads it yet.
@ConditionalOnProperty(name = "klantreis.leesmodellen.kanaaldag", havingValue = "true")
@Component
class KanaaldagLeesregels implements Documentleesregels<Kanaaldag> {
    static final String NAAM = "kanaaldag";

    @Override
    public String naam() {
        return NAAM;
    }

    @Override
    public Class<Kanaaldag> documenttype() {
        return Kanaaldag.class;
    }

    @Override
    public String documentsleutel(Object event, String aggregaat) {
        return event instanceof KlantcontactGeregistreerd contact
                ? documentsleutel(Tijd.datum(contact.plaatsgevondenOp()), contact.kanaal()) : null;
    }

    static String documentsleutel(LocalDate datum, String kanaal) {
        return datum + "/" + kanaal;
    }

    @Override
    public Kanaaldag pasToe(Kanaaldag document, String documentsleutel, Object event, Instant bekendOp) {
        KlantcontactGeregistreerd contact = (KlantcontactGeregistreerd) event;
        Kanaaldag dag = document != null ? document
                : new Kanaaldag(contact.kanaal(), Tijd.datum(contact.plaatsgevondenOp()), List.of());
        return dag.met(contact.klantcontactId().toString());
    }

    /**
     * A document over many klanten must not remember their aggregates' sequence numbers: the Klant
     * aggregate's id is the klant's pseudonym, which would stay here after he is forgotten.
     */
    @Override
    public boolean vergeetBron(Object event) {
        return event instanceof KlantEvent;
    }

    /** Asked for per day: all kanalen of a day at once. */
    @Override
    public List<String> zoeksleutels(Kanaaldag document) {
        return List.of(document.datum().toString());
    }
}
