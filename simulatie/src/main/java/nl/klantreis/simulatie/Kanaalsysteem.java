package nl.klantreis.simulatie;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import nl.klantreis.domein.referentie.Kanaal;
import nl.klantreis.domein.referentie.Kanalen;

/**
 * The system that records contacts of one kanaal, and how it behaves: which URN it sends
 * from, how it names the kanaal (sometimes an alias, as real systems do), who handles a
 * contact, how long a contact lasts and how long the system takes to log it.
 *
 * @param kanaal        the canonical kanaal code
 * @param systeem       last part of the source URN
 * @param voorvoegsel   prefix of the ids this system gives its messages
 * @param alias         an alias the system sometimes sends instead of the code, or null
 * @param aliasKans     how often it does
 * @param medewerker    prefix of the handling employee's or bot's id; null when nobody handles it
 * @param medewerkers   how many employees there are to pick from
 * @param duur          typical duration in seconds {min, max}; null when the system does not record one
 * @param vertraging    seconds between the contact and its logging {min, max}
 * @param uren          when the kanaal is open
 */
record Kanaalsysteem(String kanaal, String systeem, String voorvoegsel, String alias, double aliasKans,
                     String medewerker, int medewerkers, int[] duur, long[] vertraging, Openingstijden uren) {

    enum Openingstijden {
        /** Weekdays, office hours: telephone, desk, live chat, home visits. */
        KANTOOR,
        /** Every day, early morning to late evening: self-service channels. */
        ALTIJD,
        /** Weekday mornings, when the post is opened and registered. */
        POST
    }

    private static final long MINUUT = 60;
    private static final long UUR = 3_600;
    private static final long DAG = 86_400;

    /** The known systems; a kanaal the reference data adds later gets a plain system of its own. */
    static Map<String, Kanaalsysteem> voor(Kanalen kanalen) {
        Map<String, Kanaalsysteem> systemen = new HashMap<>();
        List<Kanaalsysteem> bekend = List.of(
                new Kanaalsysteem("telefoon", "kcc-telefonie", "kcc", "KCC", 0.15, "kcc-medewerker-", 40,
                        new int[] {60, 900}, new long[] {5, 120}, Openingstijden.KANTOOR),
                new Kanaalsysteem("balie", "balie-afspraken", "balie", "loket", 0.25, "balie-medewerker-", 15,
                        new int[] {240, 1_500}, new long[] {10, 5 * MINUUT}, Openingstijden.KANTOOR),
                new Kanaalsysteem("brief", "postregistratie", "post", "post", 0.10, "postkamer-", 6,
                        null, new long[] {DAG / 2, 3 * DAG}, Openingstijden.POST),
                new Kanaalsysteem("huisbezoek", "wmo-registratie", "wmo", "keukentafelgesprek", 0.30,
                        "wmo-consulent-", 12, new int[] {1_800, 5_400}, new long[] {2 * UUR, 3 * DAG},
                        Openingstijden.KANTOOR),
                new Kanaalsysteem("email", "email-intake", "mail", "e-mail", 0.30, "backoffice-", 20,
                        null, new long[] {MINUUT, 2 * UUR}, Openingstijden.ALTIJD),
                new Kanaalsysteem("webformulier", "open-formulieren", "sub", "e-formulier", 0.05, null, 0,
                        null, new long[] {1, 10}, Openingstijden.ALTIJD),
                new Kanaalsysteem("mijn-omgeving", "mijnzaken-portaal", "mz", "mijnzaken", 0.10, null, 0,
                        null, new long[] {1, 10}, Openingstijden.ALTIJD),
                new Kanaalsysteem("video", "beeldbellen", "vid", "beeldbellen", 0.20, "kcc-medewerker-", 40,
                        new int[] {300, 1_800}, new long[] {10, 120}, Openingstijden.KANTOOR),
                new Kanaalsysteem("chat", "webchat", "chat", "webchat", 0.45, "chat-medewerker-", 10,
                        new int[] {120, 1_200}, new long[] {2, 30}, Openingstijden.KANTOOR),
                new Kanaalsysteem("social-media", "webcare", "wc", "whatsapp", 0.35, "webcare-", 5,
                        null, new long[] {MINUUT, 10 * MINUUT}, Openingstijden.ALTIJD),
                new Kanaalsysteem("app", "meldingen-app", "app", "mobiele app", 0.05, null, 0,
                        null, new long[] {1, 10}, Openingstijden.ALTIJD),
                new Kanaalsysteem("sms", "sms-gateway", "sms", null, 0, null, 0,
                        null, new long[] {1, 60}, Openingstijden.ALTIJD),
                new Kanaalsysteem("chatbot", "virtuele-assistent", "bot", "virtuele assistent", 0.15, "chatbot-gem-", 1,
                        new int[] {30, 400}, new long[] {1, 5}, Openingstijden.ALTIJD),
                new Kanaalsysteem("mijnoverheid", "berichtenbox", "mo", "berichtenbox", 0.10, null, 0,
                        null, new long[] {1, 60}, Openingstijden.ALTIJD));
        for (Kanaalsysteem systeem : bekend) {
            if (kanalen.metCode(systeem.kanaal()).isPresent()) {
                // An alias the reference data does not know would be rejected: then send the code.
                boolean aliasBekend = systeem.alias() != null && kanalen.herken(systeem.alias())
                        .map(k -> k.code().equals(systeem.kanaal())).orElse(false);
                systemen.put(systeem.kanaal(), aliasBekend ? systeem : systeem.zonderAlias());
            }
        }
        for (Kanaal kanaal : kanalen.alle()) {
            systemen.computeIfAbsent(kanaal.code(), code -> new Kanaalsysteem(code, "kanaal-" + code,
                    code.replaceAll("[^a-z0-9]", ""), null, 0, null, 0, null, new long[] {1, 60},
                    Openingstijden.ALTIJD));
        }
        return systemen;
    }

    private Kanaalsysteem zonderAlias() {
        return new Kanaalsysteem(kanaal, systeem, voorvoegsel, null, 0, medewerker, medewerkers, duur, vertraging,
                uren);
    }

    /** The kanaal as this system writes it in a message. */
    String kanaalZoalsVerzonden(SplittableRandom rng) {
        return alias != null && rng.nextDouble() < aliasKans ? alias : kanaal;
    }

    String kiesMedewerker(SplittableRandom rng) {
        if (medewerker == null) {
            return null;
        }
        return medewerkers <= 1 ? medewerker.substring(0, medewerker.length() - 1) : medewerker + (1 + rng.nextInt(medewerkers));
    }

    /** A duration in seconds, skewed towards the short end as call and chat times are. */
    Integer kiesDuur(SplittableRandom rng) {
        if (duur == null) {
            return null;
        }
        double u = rng.nextDouble();
        return duur[0] + (int) ((duur[1] - duur[0]) * u * u);
    }

    long kiesVertraging(SplittableRandom rng) {
        return vertraging[0] + (long) ((vertraging[1] - vertraging[0]) * rng.nextDouble());
    }

    boolean persoonlijk() {
        return medewerker != null;
    }
}
