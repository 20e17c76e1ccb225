package nl.klantreis.opstelling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Server-Sent Events client as a browser's EventSource reads a stream: lines {@code id:},
 * {@code event:}, {@code data:} up to an empty line make one event; a line starting with {@code :} is
 * a comment. Each event (and each comment) is queued as it arrives; the end of the stream (the
 * server gone, the connection cut) is queued as {@link Sse#EINDE}. The caller reconnects with the
 * last id it received as {@code Last-Event-ID}, as EventSource does.
 */
final class Sseclient implements AutoCloseable {
    /** One event, or one comment (then only {@code commentaar} is set). */
    record Sse(String id, String event, String data, String commentaar, long ontvangenNanos) {
        static final Sse EINDE = new Sse(null, null, null, null, 0);

        boolean isEvent() {
            return data != null;
        }
    }

    private final BlockingQueue<Sse> ontvangen = new LinkedBlockingQueue<>();
    private final Thread lezer;
    private final int status;
    private volatile Stream<String> regels;

    private Sseclient(HttpResponse<Stream<String>> antwoord) {
        this.status = antwoord.statusCode();
        this.regels = antwoord.body();
        this.lezer = new Thread(this::lees, "sse-" + antwoord.uri().getPath());
        this.lezer.setDaemon(true);
        this.lezer.start();
    }

    /** Opens the stream (with the bearer token and, when not null, the Last-Event-ID). */
    static Sseclient open(URI adres, String token, String laatsteId) {
        HttpRequest.Builder verzoek = HttpRequest.newBuilder(adres)
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + token);
        if (laatsteId != null) {
            verzoek.header("Last-Event-ID", laatsteId);
        }
        try {
            return new Sseclient(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(verzoek.build(), HttpResponse.BodyHandlers.ofLines()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    int status() {
        return status;
    }

    private void lees() {
        String id = null;
        String event = null;
        StringBuilder data = null;
        try {
            Iterator<String> it = regels.iterator();
            while (it.hasNext()) {
                String regel = it.next();
                if (regel.isEmpty()) {
                    if (data != null) {
                        ontvangen.add(new Sse(id, event == null ? "message" : event, data.toString(), null, System.nanoTime()));
                    }
                    id = null;
                    event = null;
                    data = null;
                } else if (regel.startsWith(":")) {
                    ontvangen.add(new Sse(null, null, null, regel.substring(1).strip(), System.nanoTime()));
                } else {
                    int dubbelepunt = regel.indexOf(':');
                    String veld = dubbelepunt < 0 ? regel : regel.substring(0, dubbelepunt);
                    String waarde = dubbelepunt < 0 ? "" : regel.substring(dubbelepunt + 1);
                    if (waarde.startsWith(" ")) {
                        waarde = waarde.substring(1);
                    }
                    switch (veld) {
                        case "id" -> id = waarde;
                        case "event" -> event = waarde;
                        case "data" -> data = data == null ? new StringBuilder(waarde) : data.append('\n').append(waarde);
                        default -> {
                            // retry and unknown fields: not used here
                        }
                    }
                }
            }
        } catch (RuntimeException e) {
            // the connection was cut: the same as its end for a client
        } finally {
            ontvangen.add(Sse.EINDE);
        }
    }

    /** The next event or comment, or null when none came within {@code binnen}. */
    Sse volgende(Duration binnen) throws InterruptedException {
        return ontvangen.poll(binnen.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        Stream<String> open = regels;
        if (open != null) {
            open.close();
        }
        lezer.interrupt();
    }
}
