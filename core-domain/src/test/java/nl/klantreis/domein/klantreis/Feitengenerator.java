package nl.klantreis.domein.klantreis;

import static nl.klantreis.domein.klantreis.Feiten.t;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import nl.klantreis.domein.gedeeld.KlantcontactId;
import nl.klantreis.domein.gedeeld.ZaakId;

/**
 * Random but realistic facts of one klant, for order-independence tests: 10-30 klantcontacten
 * over 120 days (across the March DST switch) in 4 kanalen and 3 onderwerpen, 0-3 zaken of which
 * some are closed. Contacts cluster around registrations and closures so that orientation,
 * after-care and follow-up klantreizen occur, and some share a moment with each other or with a
 * registration so that the tie-break rules matter.
 */
public final class Feitengenerator {
    public static final List<String> KANALEN = List.of("telefoon", "webformulier", "balie", "email");
    public static final List<String> ZAAKTYPEN = List.of("omgevingsvergunning", "paspoort-aanvragen");
    public static final List<String> ONDERWERPEN = List.of("omgevingsvergunning", "paspoort-aanvragen",
            "algemene-vraag");
    private static final List<String> RESULTATEN = List.of("beantwoord", "doorverwezen", "terugbelverzoek",
            "zaak-gestart", "niet-bereikt");
    private static final Instant BEGIN = t("2026-02-01T00:00:00+01:00");

    public record Gegenereerd(List<Contactgegevens> contacten, List<Zaakgegevens> zaken) {
    }

    private Feitengenerator() {
    }

    public static Gegenereerd genereer(Random random) {
        List<Zaakgegevens> zaken = new ArrayList<>();
        int aantalZaken = random.nextInt(4);
        for (int i = 0; i < aantalZaken; i++) {
            Instant geregistreerdOp = BEGIN.plus(Duration.ofMinutes(10L * random.nextInt(120 * 24 * 6)));
            Instant afgeslotenOp = random.nextBoolean() ? null
                    : geregistreerdOp.plus(Duration.ofHours(1 + random.nextInt(40 * 24)));
            zaken.add(new Zaakgegevens(new ZaakId(uuid(random)), kies(random, ZAAKTYPEN), kies(random, KANALEN),
                    geregistreerdOp, afgeslotenOp));
        }

        List<Contactgegevens> contacten = new ArrayList<>();
        int aantalContacten = 10 + random.nextInt(21);
        for (int i = 0; i < aantalContacten; i++) {
            Zaakgegevens zaak = zaken.isEmpty() ? null : zaken.get(random.nextInt(zaken.size()));
            Instant op = moment(random, zaak, contacten);
            ZaakId genoemd = null;
            String onderwerp = kies(random, ONDERWERPEN);
            int soort = random.nextInt(10);
            if (zaak != null && soort < 4) {
                genoemd = zaak.zaak();
            } else if (soort == 4) {
                genoemd = new ZaakId(uuid(random)); // a zaak that is never registered (or of someone else)
            } else if (zaak != null && soort < 7) {
                onderwerp = zaak.zaaktype(); // a candidate for orientation
            }
            KlantcontactId was = !contacten.isEmpty() && random.nextInt(3) == 0
                    ? contacten.get(random.nextInt(contacten.size())).id() : null;
            contacten.add(new Contactgegevens(new KlantcontactId(uuid(random)), op, kies(random, KANALEN), onderwerp,
                    genoemd, kies(random, RESULTATEN), was));
        }
        return new Gegenereerd(contacten, zaken);
    }

    private static Instant moment(Random random, Zaakgegevens zaak, List<Contactgegevens> eerder) {
        int keuze = random.nextInt(10);
        if (keuze == 0 && !eerder.isEmpty()) {
            return eerder.get(random.nextInt(eerder.size())).op(); // same moment as another contact
        }
        if (zaak != null && keuze == 1) {
            return zaak.geregistreerdOp(); // same moment as the registration
        }
        if (zaak != null && keuze <= 4) {
            // around the registration: the orientation window and its edges
            return zaak.geregistreerdOp().minus(Duration.ofHours(random.nextInt(16 * 24))).plus(Duration.ofHours(12));
        }
        if (zaak != null && zaak.afgeslotenOp() != null && keuze <= 6) {
            // around the end of the after-care window
            return zaak.afgeslotenOp().plus(Duration.ofHours(24L * 10 + random.nextInt(24 * 10)));
        }
        return BEGIN.plus(Duration.ofMinutes(10L * random.nextInt(120 * 24 * 6)));
    }

    private static UUID uuid(Random random) {
        return UUID.nameUUIDFromBytes(Long.toString(random.nextLong()).getBytes(StandardCharsets.UTF_8));
    }

    private static <T> T kies(Random random, List<T> uit) {
        return uit.get(random.nextInt(uit.size()));
    }
}
