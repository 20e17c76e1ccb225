package nl.klantreis.projecties.klantbeeld;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import nl.klantreis.domein.gedeeld.Identificatiesoort;
import nl.klantreis.domein.gedeeld.Tijd;
import nl.klantreis.domein.gedeeld.Versleuteld;
import nl.klantreis.projecties.klantreis.Klantdossier;
import nl.klantreis.projecties.klantreis.Klantreis;
import nl.klantreis.projecties.klantreis.KlantreisWeergave;
import nl.klantreis.projecties.tijd.Tijdas;

/**
 * Renders the {@link Klantbeeld} of a klant from his {@link Klantdossier} as it stood at a
 * peilmoment: what had happened by then counts, later facts do not, and every window ("the last
 * 12 months") ends at the peilmoment, not today.
 *
 * <p>Personal fields are decrypted here, when read, by the caller's {@code ontsleutel} (which looks
 * the klant's key up and records nothing itself): once the klant is forgotten the dossier no longer
 * holds them, so the view shows no number and no inhoud whatever {@code ontsleutel} could do.
 */
public final class KlantbeeldWeergave {
    /** Enough to see what happened lately without turning the view into a full history. */
    public static final int MAXIMUM_RECENTE_CONTACTEN = 20;
    /** The window of {@code recenteContacten} and {@code kanaalmix} (API.md: "last 12 months"). */
    public static final int VENSTER_MAANDEN = 12;

    static final String TERUGBELVERZOEK = "terugbelverzoek";
    static final String DOORVERWEZEN = "doorverwezen";

    private static final Comparator<Klantdossier.Contact> NIEUWSTE_EERST = Comparator
            .comparing(Klantdossier.Contact::plaatsgevondenOp)
            .thenComparing(Klantdossier.Contact::klantcontactId)
            .reversed();

    private KlantbeeldWeergave() {
    }

    /**
     * @param ontsleutel the plain text of an encrypted field, empty when its key is gone
     * @param openZaken  the klant's open zaken from the MijnZaken read model, shown as given
     */
    public static <Z> Klantbeeld<Z> klantbeeld(Klantdossier dossier, Instant peilmoment,
                                               Function<Versleuteld, Optional<String>> ontsleutel,
                                               List<Z> openZaken) {
        return klantbeeld(dossier, peilmoment, Tijdas.GEBEURD, ontsleutel, openZaken);
    }

    /**
     * @param tijdas {@code gebeurd}: the klantreizen computed again from what had happened by the
     *               peilmoment, as {@code /klantreizen} shows them (a zaak registered later has not yet
     *               pulled an earlier call into its klantreis); {@code bekend}: the dossier is the one
     *               the engine held then, its klantreizen as they were rendered then
     */
    public static <Z> Klantbeeld<Z> klantbeeld(Klantdossier dossier, Instant peilmoment, Tijdas tijdas,
                                               Function<Versleuteld, Optional<String>> ontsleutel,
                                               List<Z> openZaken) {
        Objects.requireNonNull(dossier, "dossier");
        Objects.requireNonNull(peilmoment, "peilmoment");
        Objects.requireNonNull(tijdas, "tijdas");
        Objects.requireNonNull(ontsleutel, "ontsleutel");
        List<Klantreis> klantreizen = tijdas == Tijdas.BEKEND
                ? KlantreisWeergave.klantreizen(dossier, peilmoment)
                : KlantreisWeergave.zoalsGebeurdOp(dossier, peilmoment);
        String nummer = leesbaar(dossier.nummer(), ontsleutel);
        List<Klantdossier.Contact> gebeurd = dossier.contacten().stream()
                .filter(contact -> !contact.plaatsgevondenOp().isAfter(peilmoment))
                .toList();
        Instant vensterBegin = peilmoment.atZone(Tijd.AMSTERDAM).minusMonths(VENSTER_MAANDEN).toInstant();
        List<Klantdossier.Contact> inVenster = gebeurd.stream()
                .filter(contact -> !contact.plaatsgevondenOp().isBefore(vensterBegin))
                .toList();
        return new Klantbeeld<>(
                dossier.klantId(),
                dossier.soort() == Identificatiesoort.BSN ? nummer : null,
                dossier.soort() == Identificatiesoort.KVK ? nummer : null,
                kanaalvoorkeur(dossier, peilmoment),
                openZaken,
                recenteContacten(inVenster, ontsleutel),
                openVervolgacties(gebeurd, klantreisPerContact(klantreizen)),
                kanaalmix(inVenster),
                klantreizen.stream().filter(Klantreis::lopend).toList());
    }

    /** Per onderwerp the latest preference recorded by the peilmoment; the general one first. */
    private static List<Klantbeeld.Kanaalvoorkeur> kanaalvoorkeur(Klantdossier dossier, Instant peilmoment) {
        Map<Optional<String>, Klantdossier.Kanaalvoorkeur> laatste = new TreeMap<>(
                Comparator.comparing((Optional<String> onderwerp) -> onderwerp.orElse(null),
                        Comparator.nullsFirst(Comparator.naturalOrder())));
        for (Klantdossier.Kanaalvoorkeur voorkeur : dossier.kanaalvoorkeuren()) {
            if (voorkeur.vastgelegdOp().isAfter(peilmoment)) {
                continue;
            }
            // Stored oldest first (ties by kanaal), so the last one seen is the one that applies.
            laatste.put(Optional.ofNullable(voorkeur.onderwerp()), voorkeur);
        }
        return laatste.values().stream()
                .map(v -> new Klantbeeld.Kanaalvoorkeur(v.kanaal(), v.onderwerp(), v.vastgelegdOp()))
                .toList();
    }

    private static List<Klantbeeld.Contact> recenteContacten(List<Klantdossier.Contact> inVenster,
                                                            Function<Versleuteld, Optional<String>> ontsleutel) {
        return inVenster.stream()
                .sorted(NIEUWSTE_EERST)
                .limit(MAXIMUM_RECENTE_CONTACTEN)
                .map(contact -> new Klantbeeld.Contact(contact.klantcontactId().toString(), contact.kanaal(),
                        contact.plaatsgevondenOp(), contact.onderwerp(), contact.resultaat(),
                        leesbaar(contact.inhoud(), ontsleutel), contact.medewerker()))
                .toList();
    }

    /**
     * A terugbelverzoek or doorverwijzing stays open until a later contact in the same klantreis
     * (in step order) took place by the peilmoment, whichever kanaal or direction it had: the
     * callback itself, or the klant arriving where he was sent.
     */
    private static List<Klantbeeld.Vervolgactie> openVervolgacties(List<Klantdossier.Contact> gebeurd,
                                                                  Map<String, String> klantreisVan) {
        List<Klantbeeld.Vervolgactie> open = new ArrayList<>();
        for (int i = 0; i < gebeurd.size(); i++) {
            Klantdossier.Contact contact = gebeurd.get(i);
            String soort = vervolgsoort(contact.resultaat());
            if (soort == null) {
                continue;
            }
            // The dossier keeps contacts in step order, so "later" is "further down the list"; the
            // klantreis is the one of the peilmoment, not the one later facts put the contact in.
            String reis = klantreisVan.get(contact.klantcontactId().toString());
            boolean gevolgd = reis != null && gebeurd.subList(i + 1, gebeurd.size()).stream()
                    .anyMatch(later -> reis.equals(klantreisVan.get(later.klantcontactId().toString())));
            if (!gevolgd) {
                open.add(new Klantbeeld.Vervolgactie(contact.klantcontactId().toString(), soort, contact.kanaal(),
                        contact.doorverwezenNaar(), contact.plaatsgevondenOp()));
            }
        }
        return open;
    }

    /** klantcontactId to the id of the klantreis it belonged to at the peilmoment. */
    private static Map<String, String> klantreisPerContact(List<Klantreis> klantreizen) {
        Map<String, String> per = new HashMap<>();
        for (Klantreis reis : klantreizen) {
            for (Klantreis.Stap stap : reis.stappen()) {
                if (stap.klantcontactId() != null) {
                    per.put(stap.klantcontactId(), reis.klantreisId());
                }
            }
        }
        return per;
    }

    private static String vervolgsoort(String resultaat) {
        if (TERUGBELVERZOEK.equals(resultaat)) {
            return Klantbeeld.Vervolgactie.TERUGBELVERZOEK;
        }
        if (DOORVERWEZEN.equals(resultaat)) {
            return Klantbeeld.Vervolgactie.DOORVERWIJZING;
        }
        return null;
    }

    private static List<Klantbeeld.Kanaalgebruik> kanaalmix(List<Klantdossier.Contact> inVenster) {
        Map<String, Long> perKanaal = inVenster.stream()
                .collect(Collectors.groupingBy(Klantdossier.Contact::kanaal, TreeMap::new, Collectors.counting()));
        return perKanaal.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> new Klantbeeld.Kanaalgebruik(e.getKey(), e.getValue().intValue()))
                .toList();
    }

    /** Null when there is no value or its key is gone; a damaged value fails loudly (OntsleutelenMislukt). */
    private static String leesbaar(Versleuteld waarde, Function<Versleuteld, Optional<String>> ontsleutel) {
        return waarde == null ? null : ontsleutel.apply(waarde).orElse(null);
    }
}
