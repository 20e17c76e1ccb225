package nl.klantreis.projecties.klantreis;

import java.util.Objects;

import nl.klantreis.domein.gedeeld.KlantId;

/** Whether the engine knows this klant (he has a dossier). Answered with a Boolean. */
public record KlantBekendVraag(KlantId klantId) {
    public KlantBekendVraag {
        Objects.requireNonNull(klantId, "klantId");
    }
}
