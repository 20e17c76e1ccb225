package nl.klantreis.projecties.kanaaldag;

import java.time.LocalDate;

/** How many klantcontacten took place through one kanaal on one day. */
public record Kanaaldagtelling(String kanaal, LocalDate datum, int contacten) {
}
