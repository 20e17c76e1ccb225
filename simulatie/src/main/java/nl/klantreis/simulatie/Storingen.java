package nl.klantreis.simulatie;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.klantreis.simulatie.Klantverloop.Soort;
import nl.klantreis.simulatie.Klantverloop.Verzonden;

/**
 * The faults real channel and case systems make, put into a faultless stream: a message sent
 * twice (same source and id, after a timeout), a zaaksysteem that sends a status before its
 * zaak, and a contact that arrives long after later ones (a letter scanned weeks later, a
 * queue that was stuck). Some of these travel past the klant they belong to and come out
 * between later klanten; they wait in a small queue, so memory stays bounded.
 */
final class Storingen {
    static final double KANS_DUBBEL = 0.02;
    static final double KANS_STATUS_VOOR_ZAAK = 0.10;
    static final double KANS_LAAT = 0.02;

    private final Instant nu;
    private final PriorityQueue<Geparkeerd> geparkeerd =
            new PriorityQueue<>(Comparator.comparingLong(Geparkeerd::vrijNa).thenComparingLong(Geparkeerd::volgorde));
    private long volgorde;

    private record Geparkeerd(long vrijNa, long volgorde, ObjectNode bericht) {
    }

    Storingen(Instant nu) {
        this.nu = nu;
    }

    /** The klant's messages as a faulty delivery brings them, followed by parked ones now due. */
    void pasToe(List<Verzonden> berichten, int klant, SplittableRandom rng, ArrayDeque<ObjectNode> uit) {
        List<Verzonden> lijst = new ArrayList<>(berichten);
        statussenVoorZaak(lijst, rng);

        List<ObjectNode> volgorde = new ArrayList<>(lijst.size() + 4);
        List<ObjectNode> laatInKlant = new ArrayList<>();
        for (Verzonden v : lijst) {
            if (v.soort() == Soort.KLANTCONTACT && rng.nextDouble() < KANS_LAAT) {
                ObjectNode laat = laat(v.bericht(), rng);
                if (rng.nextDouble() < 0.4) {
                    laatInKlant.add(laat);
                } else {
                    parkeer(klant + 1 + rng.nextInt(200), laat);
                }
            } else {
                volgorde.add(v.bericht());
            }
        }
        volgorde.addAll(laatInKlant);

        // A resend follows its original within a few messages, or turns up after later klanten.
        TreeMap<Integer, List<ObjectNode>> nagezonden = new TreeMap<>();
        List<ObjectNode> metDubbele = new ArrayList<>(volgorde.size() + 4);
        for (int i = 0; i < volgorde.size(); i++) {
            ObjectNode bericht = volgorde.get(i);
            if (rng.nextDouble() < KANS_DUBBEL) {
                if (rng.nextDouble() < 0.75) {
                    nagezonden.computeIfAbsent(i + rng.nextInt(15), k -> new ArrayList<>()).add(bericht.deepCopy());
                } else {
                    parkeer(klant + 1 + rng.nextInt(50), bericht.deepCopy());
                }
            }
            metDubbele.add(bericht);
            List<ObjectNode> klaar = nagezonden.remove(i);
            if (klaar != null) {
                metDubbele.addAll(klaar);
            }
        }
        nagezonden.values().forEach(metDubbele::addAll);
        uit.addAll(metDubbele);
        while (!geparkeerd.isEmpty() && geparkeerd.peek().vrijNa() <= klant) {
            uit.add(geparkeerd.poll().bericht());
        }
    }

    /** Whatever is still parked once the last klant is done, in the order it was due. */
    void rest(ArrayDeque<ObjectNode> uit) {
        while (!geparkeerd.isEmpty()) {
            uit.add(geparkeerd.poll().bericht());
        }
    }

    private void parkeer(long vrijNa, ObjectNode bericht) {
        geparkeerd.add(new Geparkeerd(vrijNa, volgorde++, bericht));
    }

    /** Some zaken: the first status or two come before the zaak's registration. */
    private static void statussenVoorZaak(List<Verzonden> lijst, SplittableRandom rng) {
        for (int i = 0; i < lijst.size(); i++) {
            Verzonden zaak = lijst.get(i);
            if (zaak.soort() != Soort.ZAAK_GEREGISTREERD || rng.nextDouble() >= KANS_STATUS_VOOR_ZAAK) {
                continue;
            }
            UUID zaakId = zaak.zaakId();
            int teVerplaatsen = 1 + rng.nextInt(2);
            int plek = i;
            for (int j = i + 1; j < lijst.size() && teVerplaatsen > 0; j++) {
                Verzonden v = lijst.get(j);
                if (v.soort() == Soort.STATUS && zaakId.equals(v.zaakId())) {
                    lijst.remove(j);
                    lijst.add(plek++, v);
                    teVerplaatsen--;
                }
            }
            i = plek;
        }
    }

    /** The contact as a late system logs it: days to weeks after it took place, never after "now". */
    private ObjectNode laat(ObjectNode bericht, SplittableRandom rng) {
        ObjectNode kopie = bericht.deepCopy();
        Instant plaatsgevonden = OffsetDateTime.parse(kopie.get("data").get("plaatsgevondenOp").textValue())
                .toInstant();
        Instant eerder = OffsetDateTime.parse(kopie.get("time").textValue()).toInstant();
        Instant gelogd = plaatsgevonden.plusSeconds(86_400L * (3 + rng.nextInt(58)));
        if (gelogd.isBefore(eerder)) {
            gelogd = eerder;
        }
        if (gelogd.isAfter(nu)) {
            gelogd = nu;
        }
        kopie.put("time", Berichtmaker.tijd(gelogd));
        return kopie;
    }
}
