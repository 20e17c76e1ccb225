package nl.klantreis.domein.referentie;

import java.util.List;
import java.util.Optional;

/** A kanaal from the reference list; {@code kosten} in euro cents per contact, empty when unknown. */
public record Kanaal(String code, String naam, List<String> aliassen, String generatie,
                     boolean digitaal, boolean persoonlijk, Optional<Integer> kosten) {
    public Kanaal {
        aliassen = List.copyOf(aliassen);
    }
}
