package nl.klantreis.projecties.klantreis;

import java.util.List;

/** The answer to {@link KlantreizenVraag}; empty when the klant is unknown. */
public record KlantreizenAntwoord(List<Klantreis> klantreizen) {
    public KlantreizenAntwoord {
        klantreizen = List.copyOf(klantreizen);
    }
}
