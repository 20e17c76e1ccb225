package nl.klantreis.projecties.leesmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.klantreis.infrastructuur.opslag.Eventserialisatie;

/**
 * Approval of stored read-model documents: the JSON a document is stored as is frozen in
 * {@code src/test/resources/leesmodeldocumenten/<naam>.json}, exactly as written by the mapper the
 * engine stores documents with ({@link LeesmodelConfiguratie}). Stored documents outlive the code
 * that wrote them until a rebuild, so a renamed or dropped field must be a deliberate change, never
 * a side effect of tidying a class. A missing file is written for review and the test fails until
 * it is committed.
 */
public final class Leesmodeldocumenten {
    static final Path GOEDGEKEURD = Path.of("src/test/resources/leesmodeldocumenten");
    private static final ObjectMapper OPSLAG = Eventserialisatie.objectMapper();

    private Leesmodeldocumenten() {
    }

    /**
     * The document is stored exactly as approved, and the approved text reads back into a document
     * that is stored the same again (no field lost or renamed on the way in).
     */
    public static void keurGoed(String naam, Object document) {
        String opgeslagen = schrijf(document);
        String goedgekeurd = goedgekeurd(naam, opgeslagen);
        assertThat(opgeslagen).as("opgeslagen JSON van %s", naam).isEqualTo(goedgekeurd);
        assertThat(schrijf(lees(goedgekeurd, document.getClass()))).as("%s gelezen en opnieuw geschreven", naam)
                .isEqualTo(goedgekeurd);
    }

    /** An approved document that the current code no longer writes (an older one), read and written back. */
    public static void keurRondreisGoed(String naam, Class<?> documenttype) {
        String goedgekeurd = goedgekeurd(naam, null);
        assertThat(schrijf(lees(goedgekeurd, documenttype))).as("%s gelezen en opnieuw geschreven", naam)
                .isEqualTo(goedgekeurd);
    }

    private static String goedgekeurd(String naam, String voorstel) {
        Path bestand = GOEDGEKEURD.resolve(naam + ".json");
        try {
            if (!Files.exists(bestand)) {
                if (voorstel == null) {
                    fail("geen goedgekeurd document " + bestand);
                }
                Files.createDirectories(GOEDGEKEURD);
                Files.writeString(bestand, voorstel, StandardCharsets.UTF_8);
                fail(bestand + " geschreven: nakijken en committen");
            }
            return Files.readString(bestand, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String schrijf(Object document) {
        try {
            return OPSLAG.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object lees(String json, Class<?> type) {
        try {
            return OPSLAG.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
