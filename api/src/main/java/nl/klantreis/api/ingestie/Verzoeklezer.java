package nl.klantreis.api.ingestie;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

/**
 * Reads the body of {@code POST /api/v1/events} into a JSON tree, strictly, with limits of its own
 * (not those of the application's shared ObjectMapper, which other endpoints use):
 * <ul>
 * <li>nothing may follow the JSON value: {@code {...} xyz} or {@code [...]]} is no message at all;</li>
 * <li>a key twice in one object is refused: which of the two would count differs between parsers,
 * and so what was judged could differ from what was stored;</li>
 * <li>nesting at most {@value #DIEPSTE_NESTING} levels: deeper is no message of the contract and
 * would only cost stack; up to that depth a message is judged, and refused, on its own
 * ({@link KeuringTekens#DIEPSTE_NESTING});</li>
 * <li>document and string length up to {@value #GROOTSTE_DOCUMENT} bytes, as the codec's limit
 * ({@code spring.codec.max-in-memory-size}): a huge string in one message is then refused in that
 * message's verdict, naming the field, not by failing the whole batch.</li>
 * </ul>
 * Anything refused here is answered 400 for the request as a whole, and nothing is stored.
 */
final class Verzoeklezer {
    static final int DIEPSTE_NESTING = 64;
    static final int GROOTSTE_DOCUMENT = 16 * 1024 * 1024;
    static final int LANGSTE_NAAM = 64 * 1024;

    private final ObjectReader lezer;

    Verzoeklezer() {
        JsonFactory fabriek = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(DIEPSTE_NESTING)
                        .maxDocumentLength(GROOTSTE_DOCUMENT)
                        .maxStringLength(GROOTSTE_DOCUMENT)
                        .maxNameLength(LANGSTE_NAAM)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.lezer = new ObjectMapper(fabriek).reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** @throws IngestieController.Onleesbaar when the bytes are not exactly one JSON value within the limits */
    JsonNode lees(byte[] bytes) {
        try {
            JsonNode boom = lezer.readTree(bytes);
            if (boom == null || boom.isMissingNode()) {
                throw new IngestieController.Onleesbaar("het verzoek is leeg");
            }
            return boom;
        } catch (StreamConstraintsException e) {
            throw new IngestieController.Onleesbaar("het verzoek overschrijdt een grens van de JSON-lezer: "
                    + KeuringTekst.zonderNummers(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw new IngestieController.Onleesbaar("het verzoek is geen geldige JSON: "
                    + KeuringTekst.zonderNummers(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new IngestieController.Onleesbaar("het verzoek kon niet worden gelezen");
        }
    }
}
