package nl.klantreis.projecties.kanaaldag;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.klantreis.projecties.leesmodel.Leesmodeldocumenten;

/** The stored JSON of a {@link Kanaaldag}, frozen in {@code leesmodeldocumenten/}. */
class KanaaldagJsonTest {

    @Test
    void eenKanaaldag() {
        Kanaaldag dag = new Kanaaldag("telefoon", LocalDate.of(2026, 4, 1), List.of())
                .met("6c1d7a52-0d8e-4e8b-a0f4-5d2a9b3c7e22")
                .met("0b7f2f7e-3a51-4bb9-9a53-2f6e7a0c1d11");
        Leesmodeldocumenten.keurGoed("Kanaaldag", dag);
    }
}
