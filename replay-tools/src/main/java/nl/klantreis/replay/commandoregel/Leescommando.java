package nl.klantreis.replay.commandoregel;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import nl.klantreis.domein.gedeeld.Bsn;
import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.gedeeld.Tijd;
import nl.klantreis.projecties.tijd.Tijdas;
import nl.klantreis.projecties.tijd.Tijdstipinvoer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What the commands that read the engine share: the connection ({@link Engineverbinding}), the exit
 * codes (0 done, 1 failed, 2 wrong use), times shown in Europe/Amsterdam, and JSON for scripts.
 */
public abstract class Leescommando implements Callable<Integer> {
    static final DateTimeFormatter TIJD = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(Tijd.AMSTERDAM);

    @Spec
    CommandSpec spec;

    @Mixin
    Engineverbinding engine;

    /** The command's work, on a started engine context. */
    protected abstract int voerUit(Engineverbinding verbinding) throws Exception;

    /** Whether the command needs the read-model processors running in its context (a rebuild does). */
    protected boolean verwerkt() {
        return false;
    }

    /** Checks the arguments before anything is started; throws {@link VerkeerdGebruik} when wrong. */
    protected void controleer() {
    }

    @Override
    public final Integer call() throws Exception {
        try {
            controleer();
        } catch (VerkeerdGebruik e) {
            return verkeerdGebruik(e.getMessage());
        }
        if (verwerkt()) {
            engine.metVerwerking().metEigenschap("klantreis.projecties.bewaak-ms", 200);
        }
        try (Engineverbinding verbinding = engine.start()) {
            return voerUit(verbinding);
        } catch (VerkeerdGebruik e) {
            return verkeerdGebruik(e.getMessage());
        } catch (Engineverbinding.GeenDatabase e) {
            fout().println(e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            // One line for the operator (the database unreachable, a rebuild that did not finish), not a stack trace.
            Throwable oorzaak = e;
            while (oorzaak.getCause() != null && oorzaak.getCause() != oorzaak) {
                oorzaak = oorzaak.getCause();
            }
            fout().println("Mislukt: " + e.getMessage() + (oorzaak != e ? " (" + oorzaak.getMessage() + ")" : ""));
            return 1;
        }
    }

    protected PrintWriter uit() {
        return spec.commandLine().getOut();
    }

    protected PrintWriter fout() {
        return spec.commandLine().getErr();
    }

    protected int verkeerdGebruik(String uitleg) {
        fout().println(uitleg);
        spec.commandLine().usage(fout());
        return 2;
    }

    /** Writes one JSON document to stdout. */
    protected void json(Object waarde) throws JsonProcessingException {
        uit().println(JSON.writeValueAsString(waarde));
        uit().flush();
    }

    /** A JSON object whose fields keep the order given: name, value, name, value, ... */
    protected static Map<String, Object> velden(Object... namenEnWaarden) {
        Map<String, Object> velden = new LinkedHashMap<>();
        for (int i = 0; i < namenEnWaarden.length; i += 2) {
            velden.put((String) namenEnWaarden[i], namenEnWaarden[i + 1]);
        }
        return velden;
    }

    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    public static String tijd(Instant moment) {
        return moment == null ? "-" : TIJD.format(moment);
    }

    /** The BSN turned into the klant's pseudonym at once; the number itself is never shown. */
    public static KlantId klantVan(String bsn, Engineverbinding verbinding) {
        return verbinding.pseudoniemen().voor(new Bsn(bsn));
    }

    public static void controleerBsn(String bsn) {
        if (bsn == null || !Bsn.isGeldig(bsn)) {
            // Not the number itself: it is personal data, and this message may end up in a log.
            throw new VerkeerdGebruik("--bsn is geen geldig BSN (9 cijfers en elfproef)");
        }
    }

    /**
     * A moment as an operator writes it, read exactly as the API reads {@code alsOp}
     * ({@link Tijdstipinvoer}): with an offset ({@code 2026-03-10T12:00:00+01:00}, or {@code Z}),
     * without one (taken in Europe/Amsterdam), or a date alone (the end of that day in
     * Europe/Amsterdam); years 1900 to 9999. Null gives now.
     */
    public static Instant moment(String tekst) {
        if (tekst == null) {
            return Instant.now();
        }
        try {
            return Tijdstipinvoer.moment(tekst);
        } catch (Tijdstipinvoer.Ongeldig e) {
            throw new VerkeerdGebruik("--alsop '" + kort(tekst) + "': " + e.getMessage());
        }
    }

    public static Tijdas tijdas(String tekst) {
        try {
            return Tijdstipinvoer.tijdas(tekst);
        } catch (Tijdstipinvoer.Ongeldig e) {
            throw new VerkeerdGebruik("--tijdas is gebeurd of bekend, niet '" + kort(tekst) + "'");
        }
    }

    /** Input echoed in a message, cut short: a pasted file should not fill the terminal. */
    private static String kort(String tekst) {
        return tekst.length() <= 40 ? tekst : tekst.substring(0, 40) + "...";
    }

    /** Wrong use of the command: exit code 2, with the usage. */
    public static final class VerkeerdGebruik extends RuntimeException {
        public VerkeerdGebruik(String uitleg) {
            super(uitleg);
        }
    }
}
