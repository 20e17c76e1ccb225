package nl.klantreis.projecties.kanaaldag;

import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;

/**
 * The klantcontacten through one kanaal on one day (Europe/Amsterdam, the day the contact took
 * place). The ids, not a number: counting a set makes a repeated event harmless without the
 * engine's sequence numbers per klant, which would name every klant in the document (ADR 0018).
 *
 * @param klantcontacten the ids of the contacts, sorted, each once
 */
record Kanaaldag(String kanaal, LocalDate datum, List<String> klantcontacten) {
    Kanaaldag {
        klantcontacten = List.copyOf(klantcontacten);
    }

    Kanaaldag met(String klantcontact) {
        TreeSet<String> ids = new TreeSet<>(klantcontacten);
        return ids.add(klantcontact) ? new Kanaaldag(kanaal, datum, List.copyOf(ids)) : this;
    }

    Kanaaldagtelling telling() {
        return new Kanaaldagtelling(kanaal, datum, klantcontacten.size());
    }
}
