package nl.klantreis.domein.klantreis;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.gedeeld.KlantreisId;
import nl.klantreis.domein.gedeeld.Tijd;
import nl.klantreis.domein.gedeeld.ZaakId;

/**
 * The klantreis rules of KLANTREIS-EN-KPI.md §1 and §2 as one pure function of all the facts
 * known about a klant. Because the answer depends only on the set of facts, never on the order
 * in which they arrived, any delivery order ends in the same klantreizen, with the same ids.
 */
public final class KlantreisRegels {
    /** Orientation window, after-care window, and the silence after which a klantreis without a zaak ends. */
    public static final int TERMIJN_DAGEN = 14;

    private static final Comparator<Contactgegevens> OP_TIJD =
            Comparator.comparing(Contactgegevens::op).thenComparing(Contactgegevens::id);

    private KlantreisRegels() {
    }

    /**
     * Divides the klant's klantcontacten and zaken into klantreizen.
     *
     * @param anoniem an anonymous klant: each contact is a klantreis of its own
     * @return the klantreizen ordered by start, then id
     */
    public static List<Klantreisindeling> deelIn(KlantId klant, Collection<Contactgegevens> contacten,
                                                 Collection<Zaakgegevens> zaken, boolean anoniem) {
        Map<ZaakId, Zaakgegevens> zaakOpId = new TreeMap<>();
        zaken.forEach(z -> zaakOpId.put(z.zaak(), z));

        Map<ZaakId, List<Reisstap>> zaakreizen = new TreeMap<>();
        Map<ZaakId, List<Contactgegevens>> vervolg = new TreeMap<>();
        Map<String, List<Contactgegevens>> perOnderwerp = new TreeMap<>();
        List<Klantreisindeling> reizen = new ArrayList<>();

        zaakOpId.values().forEach(z -> zaakreizen.computeIfAbsent(z.zaak(), k -> new ArrayList<>())
                .add(Reisstap.van(z)));

        List<Contactgegevens> opTijd = contacten.stream().sorted(OP_TIJD).toList();
        for (Contactgegevens contact : opTijd) {
            if (anoniem) {
                reizen.add(reis(klant, Klantreissoort.ANONIEM, contact.id().toString(),
                        Thema.onderwerp(contact.onderwerp()), List.of(Reisstap.van(contact)), null));
            } else if (contact.zaak() != null) {
                Zaakgegevens zaak = zaakOpId.get(contact.zaak());
                if (zaak != null && zaak.afgeslotenOp() != null && naNazorg(contact.op(), zaak.afgeslotenOp())) {
                    vervolg.computeIfAbsent(contact.zaak(), k -> new ArrayList<>()).add(contact);
                } else {
                    zaakreizen.computeIfAbsent(contact.zaak(), k -> new ArrayList<>()).add(Reisstap.van(contact));
                }
            } else {
                Optional<Zaakgegevens> georienteerdOp = orientatieVoor(contact, zaakOpId.values());
                if (georienteerdOp.isPresent()) {
                    zaakreizen.get(georienteerdOp.get().zaak()).add(Reisstap.van(contact));
                } else {
                    perOnderwerp.computeIfAbsent(contact.onderwerp(), k -> new ArrayList<>()).add(contact);
                }
            }
        }

        zaakreizen.forEach((zaakId, stappen) -> {
            Zaakgegevens zaak = zaakOpId.get(zaakId);
            reizen.add(reis(klant, Klantreissoort.ZAAK, zaakId.toString(), Thema.zaak(zaakId), stappen,
                    zaak == null ? null : zaak.afgeslotenOp()));
        });
        vervolg.forEach((zaakId, reeks) -> reeksen(reeks).forEach(deel -> reizen.add(reis(klant,
                Klantreissoort.VERVOLG, zaakId + "/" + deel.get(0).id(), Thema.zaak(zaakId),
                deel.stream().map(Reisstap::van).toList(), null))));
        perOnderwerp.forEach((onderwerp, reeks) -> reeksen(reeks).forEach(deel -> reizen.add(reis(klant,
                Klantreissoort.ONDERWERP, onderwerp + "/" + deel.get(0).id(), Thema.onderwerp(onderwerp),
                deel.stream().map(Reisstap::van).toList(), null))));

        reizen.sort(Comparator.comparing(Klantreisindeling::gestartOp).thenComparing(Klantreisindeling::id));
        return reizen;
    }

    /** A contact naming a zaak more than 14 days after it was closed no longer belongs to its klantreis. */
    static boolean naNazorg(Instant contactOp, Instant afgeslotenOp) {
        return contactOp.isAfter(Tijd.plusDagen(afgeslotenOp, TERMIJN_DAGEN));
    }

    /**
     * The zaak a contact without zaakId oriented on: same zaaktype as its onderwerp, registered
     * after it and at most 14 days later; of several, the first one registered.
     */
    static Optional<Zaakgegevens> orientatieVoor(Contactgegevens contact, Collection<Zaakgegevens> zaken) {
        Instant uiterlijk = Tijd.plusDagen(contact.op(), TERMIJN_DAGEN);
        return zaken.stream()
                .filter(z -> z.zaaktype().equals(contact.onderwerp()))
                .filter(z -> z.geregistreerdOp().isAfter(contact.op()) && !z.geregistreerdOp().isAfter(uiterlijk))
                .min(Comparator.comparing(Zaakgegevens::geregistreerdOp).thenComparing(Zaakgegevens::zaak));
    }

    /** Splits contacts (in time order) where one lies more than 14 days after the previous one. */
    static List<List<Contactgegevens>> reeksen(List<Contactgegevens> opTijd) {
        List<List<Contactgegevens>> delen = new ArrayList<>();
        List<Contactgegevens> huidig = null;
        Instant vorige = null;
        for (Contactgegevens contact : opTijd) {
            if (huidig == null || contact.op().isAfter(Tijd.plusDagen(vorige, TERMIJN_DAGEN))) {
                huidig = new ArrayList<>();
                delen.add(huidig);
            }
            huidig.add(contact);
            vorige = contact.op();
        }
        return delen;
    }

    private static Klantreisindeling reis(KlantId klant, Klantreissoort soort, String sleutel, Thema thema,
                                          List<Reisstap> stappen, Instant beeindigdOp) {
        KlantreisId id = klantreisId(klant, soort, sleutel);
        List<Reisstap> geordend = stappen.stream().sorted(Reisstap.VOLGORDE).toList();
        return new Klantreisindeling(id, soort, thema, geordend, kanaalwissels(id, geordend), beeindigdOp);
    }

    /** Derived from what the klantreis is, so the same facts always give the same id. */
    public static KlantreisId klantreisId(KlantId klant, Klantreissoort soort, String sleutel) {
        String naam = "klantreis|" + klant.waarde() + "|" + soort.name() + "|" + sleutel;
        return new KlantreisId(UUID.nameUUIDFromBytes(naam.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * §2: each pair of consecutive steps in different kanalen is a kanaalwissel; warm when the
     * later step is a klantcontact continuing the earlier one.
     */
    public static List<Kanaalwissel> kanaalwissels(KlantreisId klantreis, List<Reisstap> geordend) {
        List<Kanaalwissel> wissels = new ArrayList<>();
        for (int i = 1; i < geordend.size(); i++) {
            Reisstap van = geordend.get(i - 1);
            Reisstap naar = geordend.get(i);
            if (!van.kanaal().equals(naar.kanaal())) {
                boolean warm = naar.soort() == Reisstap.Soort.KLANTCONTACT && van.soort() == Reisstap.Soort.KLANTCONTACT
                        && van.klantcontactId().equals(naar.wasKlantcontact());
                wissels.add(new Kanaalwissel(klantreis, van.sleutel(), naar.sleutel(), van.kanaal(), naar.kanaal(),
                        naar.op(), warm));
            }
        }
        return wissels;
    }
}
