package nl.klantreis.projecties.klantreis;

import org.springframework.stereotype.Component;
import java.time.Instant;
import java.util.List;

import nl.klantreis.domein.gedeeld.KlantreisId;
import nl.klantreis.domein.klant.KlantEvent;
import nl.klantreis.domein.klant.KlantVergeten;
import nl.klantreis.projecties.leesmodel.Documentleesregels;

/**
 * The klantreis read model: one {@link Klantdossier} per klant, keyed by his pseudonym, so all
 * events of a klant are folded in order by one segment, as the Klant aggregate applied them.
 */
@Component
public final class KlantreisLeesregels implements Documentleesregels<Klantdossier> {
    public static final String NAAM = "klantreis";
    /** The key prefix of what forgotten klanten left behind; a valid {@code KlantId} shape for the KPIs. */
    public static final String ANONIEM = "vergeten-";

    @Override
    public String naam() {
        return NAAM;
    }

    @Override
    public Class<Klantdossier> documenttype() {
        return Klantdossier.class;
    }

    @Override
    public String documentsleutel(Object event, String aggregaat) {
        return event instanceof KlantEvent klantEvent ? klantEvent.klantId().waarde() : null;
    }

    /** Every event of the Klant aggregate goes to the klant's own dossier. */
    @Override
    public boolean heelAggregaat(Object event) {
        return event instanceof KlantEvent;
    }

    @Override
    public Klantdossier pasToe(Klantdossier document, String documentsleutel, Object event, Instant bekendOp) {
        Klantdossier dossier = document != null ? document : new Klantdossier(documentsleutel);
        if (event instanceof KlantEvent klantEvent) {
            dossier.verwerk(klantEvent);
        }
        return dossier;
    }

    /**
     * A forgotten klant's klantreizen go on under {@code vergeten-<id of the KlantVergeten
     * message>}: random, so nothing derives it from his pseudonym, and the same in every rebuild.
     */
    @Override
    public Afsplitsing<Klantdossier> splitsAf(Klantdossier document, Object event, String eventId) {
        if (!(event instanceof KlantVergeten) || !document.heeftFeiten()) {
            return null;
        }
        String documentsleutel = ANONIEM + eventId;
        return new Afsplitsing<>(documentsleutel, document.anoniem(documentsleutel));
    }

    @Override
    public String eigenaar(Klantdossier document) {
        return document.klantId();
    }

    /** A klantreis is asked for by its id alone ({@code GET /api/v1/klantreizen/{klantreisId}}). */
    @Override
    public List<String> zoeksleutels(Klantdossier document) {
        // Lapsed klantreizen too: asked for as they were, they are found in their klant's dossier.
        return java.util.stream.Stream.concat(document.klantreizen().stream().map(reis -> reis.klantreisId().toString()),
                document.vervallenKlantreizen().stream().map(KlantreisId::toString)).toList();
    }
}
