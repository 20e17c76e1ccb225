package nl.klantreis.projecties.kanaaldag;

import java.util.List;

/** The answer to {@link KanaaldagVraag}: per day, per kanaal (in that order); days without contacts are absent. */
public record KanaaldagAntwoord(List<Kanaaldagtelling> tellingen) {
    public KanaaldagAntwoord {
        tellingen = List.copyOf(tellingen);
    }
}
