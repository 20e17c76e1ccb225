package nl.klantreis.replay.bronnen;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import nl.klantreis.bronnen.Melding;
import nl.klantreis.bronnen.Meldingenopslag;
import nl.klantreis.bronnen.Meldingenopslag.Toestand;
import nl.klantreis.bronnen.nabootsing.Dakkapelverhaal;
import nl.klantreis.bronnen.nabootsing.Nabootsing;
import nl.klantreis.replay.KlantreisGereedschap;
import nl.klantreis.replay.Testomgeving;

/**
 * What the tests of {@code klantreis bronnen ...} share: the stand-in's credentials, its dakkapel configuration
 * resolved into a file (the command reads {@code ${NAME}} from the process environment, which a test cannot set),
 * and running a command as an operator would.
 */
final class Bronnenproef {
    static final String GEHEIM = "geheim-van-de-zaakapplicatie";
    static final String TOKEN = "open-klant-token-0123456789";
    static final String AUTORISATIE = "Bearer notificaties-0123456789abcdef";
    static final String CALLBACK = "https://klantreis.example.nl/api/v1/notificaties";

    private Bronnenproef() {
    }

    /** A stand-in accepting the credentials of the configuration. */
    static Nabootsing bron() {
        return Nabootsing.start().zgwClient("klantreis", GEHEIM).token(TOKEN);
    }

    /**
     * {@link Dakkapelverhaal#CONFIGURATIE} for {@code bron}, every {@code ${NAME}} filled in, written into {@code map};
     * with {@code notificaties.callbackUrl} {@link #CALLBACK} when {@code metCallback} (the story's file has none:
     * the adapter's tests take no abonnement).
     */
    static Path configuratie(Nabootsing bron, Path map, boolean metCallback) {
        String tekst;
        try (InputStream in = Dakkapelverhaal.class.getResourceAsStream(Dakkapelverhaal.CONFIGURATIE)) {
            tekst = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        tekst = Dakkapelverhaal.omgeving(Map.of("NABOOTSING", bron.basis(), "ZGW_SECRET", GEHEIM, "OPENKLANT_TOKEN", TOKEN,
                "NOTIFICATIES_AUTORISATIE", AUTORISATIE)).apply(tekst);
        if (metCallback) {
            String zonder = tekst;
            tekst = tekst.replaceFirst("(?m)^notificaties:\\n", "notificaties:\n  callbackUrl: \"" + CALLBACK + "\"\n");
            if (tekst.equals(zonder)) {
                throw new IllegalStateException("geen regel 'notificaties:' in " + Dakkapelverhaal.CONFIGURATIE);
            }
        }
        try {
            return Files.writeString(map.resolve("bronnen.yaml"), tekst);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code klantreis <argumenten>} and returns its exit code, stdout and stderr. */
    static Testomgeving.Uitvoer voerUit(String... argumenten) {
        StringWriter uit = new StringWriter();
        StringWriter fout = new StringWriter();
        int code = KlantreisGereedschap.commandoregel()
                .setOut(new PrintWriter(uit, true))
                .setErr(new PrintWriter(fout, true))
                .execute(argumenten);
        return new Testomgeving.Uitvoer(code, uit.toString(), fout.toString());
    }

    /** Runs {@code klantreis <argumenten> --db-url ...} against {@code database}. */
    static Testomgeving.Uitvoer voerUit(DataSource database, String... argumenten) {
        HikariDataSource hikari = (HikariDataSource) database;
        List<String> alle = new ArrayList<>(List.of(argumenten));
        alle.addAll(List.of("--db-url", hikari.getJdbcUrl(), "--db-user", hikari.getUsername(),
                "--db-password", hikari.getPassword() == null ? "" : hikari.getPassword()));
        return voerUit(alle.toArray(String[]::new));
    }

    /** The reason of each dead letter {@link #vulWachtrij} makes, by its name. */
    static final Map<String, String> REDENEN = Map.of(
            "dood1", "openzaak.example.nl antwoordde HTTP 503 (3 pogingen)",
            "dood2", "openzaak.example.nl weigert de engine (HTTP 403)",
            "dood3", "https://openzaak.example.nl/zaken/api/v1/zaken/3 gaf geen JSON");

    /**
     * Meldingen in every state but genegeerd, made as the engine's workers make them (queued, claimed, ended):
     * dood1..dood3, verwerkt, weg, ongekoppeld, geweigerd, and one still wachtend; their ids by these names, in id order.
     */
    static Map<String, Long> vulWachtrij(DataSource database) {
        Meldingenopslag opslag = new Meldingenopslag(database, Clock.systemUTC());
        Map<String, Long> ids = new LinkedHashMap<>();
        Map<String, String> redenen = new LinkedHashMap<>(REDENEN);
        redenen.put("verwerkt", null);
        redenen.put("weg", "https://openzaak.example.nl/zaken/api/v1/zaken/5 bestaat niet meer (HTTP 410)");
        redenen.put("ongekoppeld", "zaaktype https://openzaak.example.nl/catalogi/api/v1/zaaktypen/9 is niet gekoppeld");
        redenen.put("geweigerd", "positie 0 (zaak-geregistreerd): initiator.bsn voldoet niet aan de elfproef");
        String[] namen = {"dood1", "dood2", "dood3", "verwerkt", "weg", "ongekoppeld", "geweigerd"};
        for (int i = 0; i < namen.length; i++) {
            String naam = namen[i];
            opslag.voegInleesmeldingToe(Melding.Soort.ZAAK, zaak(i + 1));
            List<Melding> geclaimd = opslag.claim(10, "proef", Duration.ofMinutes(5));
            if (geclaimd.size() != 1) {
                throw new IllegalStateException("verwacht één geclaimde melding, niet " + geclaimd);
            }
            long id = geclaimd.get(0).id();
            Toestand toestand = Toestand.van(naam.replaceAll("[0-9]", ""));
            if (!opslag.markeer(id, "proef", toestand, redenen.get(naam))) {
                throw new IllegalStateException("melding " + id + " niet afgehandeld");
            }
            ids.put(naam, id);
        }
        opslag.voegInleesmeldingToe(Melding.Soort.ZAAK, zaak(namen.length + 1));
        ids.put("wachtend", opslag.lijst(Toestand.WACHTEND, 0, 10).get(0).melding().id());
        return ids;
    }

    static String zaak(int nummer) {
        return "https://openzaak.example.nl/zaken/api/v1/zaken/" + nummer;
    }
}
