package nl.klantreis.api.testondersteuning;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The contract's examples, and copies of them with ids of their own (other UUIDs, another BSN,
 * other message ids), so that one engine can take the same story many times over.
 */
public final class Voorbeelden {
    public static final String DAKKAPEL = "klantreis-dakkapel.batch.json";
    public static final String AFGEWEZEN = "afgewezen.batch.json";
    public static final String DAKKAPEL_BSN = "999990342";
    private static final Pattern UUID_PATROON =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Voorbeelden() {
    }

    public static String tekst(String naam) {
        try (InputStream in = Voorbeelden.class.getResourceAsStream("/voorbeelden/" + naam)) {
            if (in == null) {
                throw new IllegalStateException("voorbeeld ontbreekt: " + naam);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<ObjectNode> berichten(String naam) {
        return lijst(tekst(naam));
    }

    /** A copy of the example for run {@code run}: every UUID, the BSN and every message id made unique. */
    public record Kopie(List<ObjectNode> berichten, String bsn, UUID zaakId, java.util.function.UnaryOperator<String> uuid) {
    }

    public static Kopie kopie(String naam, String run) {
        String bsn = geldigBsn(new Random(run.hashCode()));
        Matcher matcher = UUID_PATROON.matcher(tekst(naam));
        StringBuilder vervangen = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(vervangen, nieuweUuid(run, matcher.group()));
        }
        matcher.appendTail(vervangen);
        List<ObjectNode> berichten = lijst(vervangen.toString().replace(DAKKAPEL_BSN, bsn));
        berichten.forEach(b -> b.put("id", b.path("id").asText() + "-" + run));
        return new Kopie(berichten, bsn, UUID.fromString(nieuweUuid(run, "5b0e1c3a-8f1d-4f3e-9c55-2b7d1e6a9f01")),
                oud -> nieuweUuid(run, oud));
    }

    private static String nieuweUuid(String run, String oud) {
        return UUID.nameUUIDFromBytes((run + "/" + oud).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** A 9-digit number that passes the elfproef. */
    public static String geldigBsn(Random random) {
        return nl.klantreis.domein.gedeeld.Bsn.willekeurig(random, "");
    }

    public static String alsBatch(List<? extends JsonNode> berichten) {
        ArrayNode batch = JSON.createArrayNode();
        berichten.forEach(batch::add);
        return batch.toString();
    }

    private static List<ObjectNode> lijst(String json) {
        try {
            List<ObjectNode> berichten = new ArrayList<>();
            JSON.readTree(json).forEach(b -> berichten.add((ObjectNode) b.deepCopy()));
            return berichten;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
