package nl.klantreis.api.ingestie;

import java.util.List;

/**
 * The verdict on one message of a batch.
 *
 * @param positie the message's index in its batch
 * @param source  as sent when it is a string, else {@code null}; likewise {@code id} and {@code type}
 * @param bericht the message read, {@code null} exactly when there are {@code fouten}
 * @param fouten  every rule the message breaks; empty when it is accepted
 */
record Beoordeling(int positie, String source, String id, String type, Bericht bericht, List<Fout> fouten) {
    public Beoordeling {
        fouten = List.copyOf(fouten);
        if ((bericht == null) == fouten.isEmpty()) {
            throw new IllegalArgumentException("een beoordeling heeft een bericht of fouten, niet beide of geen van twee");
        }
    }

    public boolean geldig() {
        return fouten.isEmpty();
    }
}
