package nl.klantreis.opstelling;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * CloudEvents of the ingestion contract for tests of the deployment: a zaak registered for a
 * burger, and statuses set on it, each message with an id of its own. Statuses of one statustype
 * at different moments are different statuses, so a zaak takes as many as a test wants.
 */
public final class Zaakberichten {
    public static final String BRON = "urn:nld:oin:00000001234567890000:systeem:zaaksysteem";
    public static final String BATCH = "application/cloudevents-batch+json";
    public static final String EEN = "application/cloudevents+json";
    private static final OffsetDateTime BEGIN = OffsetDateTime.of(2026, 3, 4, 20, 31, 10, 0, ZoneOffset.ofHours(1));

    private Zaakberichten() {
    }

    /** One message: its id and its JSON. */
    public record Bericht(String id, String json) {
    }

    public static Bericht registratie(UUID zaak, String bsn, String identificatie) {
        String id = "zs-zaak-" + zaak;
        return new Bericht(id, """
                {"specversion":"1.0","id":"%s","source":"%s","type":"nl.overheid.zaken.zaak-geregistreerd",\
                "datacontenttype":"application/json","data":{"zaakId":"%s","identificatie":"%s",\
                "zaaktype":"omgevingsvergunning","initiator":{"bsn":"%s"},"kanaal":"webformulier",\
                "geregistreerdOp":"%s","omschrijving":"Dakkapel aan de achterzijde"}}"""
                .formatted(id, BRON, zaak, identificatie, bsn, BEGIN));
    }

    /** The {@code n}-th status of the zaak (from 1): "in-behandeling", {@code n} minutes after registration. */
    public static Bericht status(UUID zaak, int n) {
        String id = "zs-status-" + n + "-" + zaak;
        return new Bericht(id, """
                {"specversion":"1.0","id":"%s","source":"%s","type":"nl.overheid.zaken.status-gezet",\
                "datacontenttype":"application/json","data":{"zaakId":"%s","statustype":"in-behandeling",\
                "datumStatusGezet":"%s"}}""".formatted(id, BRON, zaak, gezetOp(n)));
    }

    /** When the {@code n}-th status was set, as the read models give it back (UTC). */
    public static String gezetOpUtc(int n) {
        return gezetOp(n).withOffsetSameInstant(ZoneOffset.UTC).toInstant().toString();
    }

    private static OffsetDateTime gezetOp(int n) {
        return BEGIN.plusMinutes(n);
    }

    public static String alsBatch(List<Bericht> berichten) {
        return "[" + String.join(",", berichten.stream().map(Bericht::json).toList()) + "]";
    }

    /** A 9-digit number that passes the elfproef. */
    public static String bsn(Random random) {
        return nl.klantreis.domein.gedeeld.Bsn.willekeurig(random, "");
    }
}
