package nl.klantreis.bronnen.nabootsing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

import nl.klantreis.bronnen.nabootsing.Specificatie.Api;

/**
 * Delivers a ZGW notification to a callback as Open Notificaties does: {@code POST} with
 * {@code Content-Type: application/json} and the abonnement's {@code auth} as {@code Authorization}. The
 * notification is first checked against Notificaties' {@code Message} (what Open Notificaties accepts from Open
 * Zaak and Open Klant), so a test cannot deliver what the real chain never would.
 */
public final class Notificatieverzender {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * @param autorisatie the {@code Authorization} value; null sends none
     * @return the callback's HTTP status
     * @throws UncheckedIOException when the callback could not be reached
     */
    public int verstuur(URI callback, String autorisatie, JsonNode notificatie) {
        Specificatie.van(Api.NOTIFICATIES).controleer("Message", notificatie);
        HttpRequest.Builder verzoek = HttpRequest.newBuilder(callback).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(notificatie.toString()));
        if (autorisatie != null) {
            verzoek.header("Authorization", autorisatie);
        }
        try {
            return client.send(verzoek.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException("notificatie niet af te leveren bij " + callback, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("onderbroken", e);
        }
    }
}
