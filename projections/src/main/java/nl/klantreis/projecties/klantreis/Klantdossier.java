package nl.klantreis.projecties.klantreis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;

import nl.klantreis.domein.gedeeld.Identificatiesoort;
import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.gedeeld.KlantcontactId;
import nl.klantreis.domein.gedeeld.KlantreisId;
import nl.klantreis.domein.gedeeld.Versleuteld;
import nl.klantreis.domein.gedeeld.ZaakId;
import nl.klantreis.domein.klant.KanaalGewisseld;
import nl.klantreis.domein.klant.KanaalvoorkeurVastgelegd;
import nl.klantreis.domein.klant.KanaalwisselIngetrokken;
import nl.klantreis.domein.klant.KlantEvent;
import nl.klantreis.domein.klant.KlantIngeschreven;
import nl.klantreis.domein.klant.KlantVergeten;
import nl.klantreis.domein.klant.KlantcontactGeregistreerd;
import nl.klantreis.domein.klant.KlantcontactIngedeeld;
import nl.klantreis.domein.klant.KlantreisBeeindigd;
import nl.klantreis.domein.klant.KlantreisGestart;
import nl.klantreis.domein.klant.KlantreisVervallen;
import nl.klantreis.domein.klant.ZaakAanKlantGekoppeld;
import nl.klantreis.domein.klantreis.Contactgegevens;
import nl.klantreis.domein.klantreis.Kanaalwissel;
import nl.klantreis.domein.klantreis.Klantreisindeling;
import nl.klantreis.domein.klantreis.Klantreissoort;
import nl.klantreis.domein.klantreis.Reisstap;
import nl.klantreis.domein.klantreis.Thema;
import nl.klantreis.domein.klantreis.Zaakgegevens;

/**
 * Everything the engine recorded about one klant, folded from his Klant events in store order:
 * the read model behind the klantreis views, the klantbeeld and the KPI figures.
 *
 * <p>The fold never applies the klantreis rules itself. The Klant aggregate already decided which
 * contact belongs to which klantreis and which kanaalwissels hold, and recorded every correction as
 * an event; recomputing here could only disagree with what was recorded (for instance after a
 * rule change, when history must stay as it was decided).
 *
 * <p>Re-applying an event changes nothing: every handler sets state rather than adding to it.
 *
 * <p>Personal data is only ever held encrypted, and is dropped when the klant is forgotten: the
 * keys of the forgotten values are remembered, so a re-delivered old event cannot bring the
 * cipher texts back.
 *
 * <p>Stored as its fields (the JSON names are the field names, frozen by the approved documents in
 * {@code leesmodeldocumenten/}); the accessors are for the views and write nothing.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
public class Klantdossier {
    private static final Comparator<Contact> STAPVOLGORDE =
            Comparator.comparing(Contact::plaatsgevondenOp).thenComparing(Contact::klantcontactId);
    private static final Comparator<Kanaalwissel> WISSELVOLGORDE = Comparator.comparing(Kanaalwissel::op)
            .thenComparing(Kanaalwissel::klantreisId).thenComparing(Kanaalwissel::vanStap)
            .thenComparing(Kanaalwissel::naarStap);

    private String klantId;
    private Identificatiesoort soort;
    /** His BSN or KVK number, encrypted; null when anonymous or forgotten. */
    private Versleuteld nummer;
    /** In step order: by time, then klantcontactId. */
    private List<Contact> contacten = new ArrayList<>();
    private List<Zaak> zaken = new ArrayList<>();
    /** The klantreizen that exist (started and not lapsed), by id. */
    private List<Reis> klantreizen = new ArrayList<>();
    /**
     * Klantreizen that existed once and lapsed (their contacts went into another klantreis): gone
     * from today's view, but still to be found by id on the past axes (what a screen showed then).
     */
    private List<KlantreisId> vervallenKlantreizen = new ArrayList<>();
    /** The kanaalwissels recorded and not retracted, by moment. */
    private List<Kanaalwissel> kanaalwissels = new ArrayList<>();
    /** Every preference ever recorded, oldest first: which one applies depends on the peilmoment. */
    private List<Kanaalvoorkeur> kanaalvoorkeuren = new ArrayList<>();
    /**
     * Forgotten and not inscribed again since; also set on the anonymous dossier a forgotten klant
     * leaves behind. Either way nobody is known by it.
     */
    private boolean vergeten;
    /** Unused since forgetting empties the dossier (ADR 0016); read from older documents only. */
    private Instant vergetenOp;
    /** Ids of the deleted keys whose values this dossier dropped (key ids are no personal data). */
    private List<String> vergetenSleutels = new ArrayList<>();
    /** How often he was forgotten (no dates): only to derive {@link #reisnaamruimte()}. */
    private int vergetenKeer;

    /**
     * One klantcontact with all its facts, and the klantreis the engine put it in.
     *
     * @param inhoud      encrypted; null when there was none or the klant was forgotten
     * @param klantreisId null only until its {@code KlantcontactIngedeeld} is folded
     */
    public record Contact(KlantcontactId klantcontactId, Instant plaatsgevondenOp, String kanaal,
                          String kanaalOntvangen, String richting, String onderwerp, ZaakId zaakId,
                          String resultaat, String doorverwezenNaar, KlantcontactId wasKlantcontact,
                          String medewerker, Versleuteld inhoud, Integer duurSeconden, KlantreisId klantreisId) {

        Contact metKlantreis(KlantreisId reis) {
            return new Contact(klantcontactId, plaatsgevondenOp, kanaal, kanaalOntvangen, richting, onderwerp, zaakId,
                    resultaat, doorverwezenNaar, wasKlantcontact, medewerker, inhoud, duurSeconden, reis);
        }

        Contact anoniem() {
            return new Contact(klantcontactId, plaatsgevondenOp, kanaal, kanaalOntvangen, richting, onderwerp, zaakId,
                    resultaat, doorverwezenNaar, wasKlantcontact, null, null, duurSeconden, klantreisId);
        }

        public Contactgegevens contactgegevens() {
            return new Contactgegevens(klantcontactId, plaatsgevondenOp, kanaal, onderwerp, zaakId, resultaat,
                    wasKlantcontact);
        }

        Reisstap stap() {
            return new Reisstap(Reisstap.Soort.KLANTCONTACT, kanaal, plaatsgevondenOp, klantcontactId, zaakId, resultaat,
                    wasKlantcontact);
        }
    }

    /**
     * A zaak this klant initiated; its registration is a step of the klantreis {@code klantreisId}.
     *
     * @param afgeslotenOp from {@code KlantreisBeeindigd}; null while the zaak is open
     */
    public record Zaak(ZaakId zaakId, String zaaktype, String kanaal, Instant geregistreerdOp, Instant afgeslotenOp,
                       KlantreisId klantreisId) {

        Zaak afgeslotenOp(Instant op) {
            return new Zaak(zaakId, zaaktype, kanaal, geregistreerdOp, op, klantreisId);
        }

        public Zaakgegevens zaakgegevens() {
            return new Zaakgegevens(zaakId, zaaktype, kanaal, geregistreerdOp, afgeslotenOp);
        }

        Reisstap stap() {
            return new Reisstap(Reisstap.Soort.ZAAK_GEREGISTREERD, kanaal, geregistreerdOp, null, zaakId, null, null);
        }
    }

    /**
     * One klantreis as the events describe it.
     *
     * @param contacten   its klantcontacten, in step order
     * @param zaakstap    the zaak whose registration is one of its steps, or null
     * @param beeindigdOp when its zaak was closed; null for a klantreis that ends by silence
     */
    public record Reis(KlantreisId klantreisId, Klantreissoort soort, Thema thema, List<KlantcontactId> contacten,
                       ZaakId zaakstap, Instant beeindigdOp) {
        public Reis {
            contacten = contacten == null ? List.of() : List.copyOf(contacten);
        }

        Reis metContacten(List<KlantcontactId> leden) {
            return new Reis(klantreisId, soort, thema, leden, zaakstap, beeindigdOp);
        }

        Reis metZaakstap(ZaakId zaak) {
            return new Reis(klantreisId, soort, thema, contacten, zaak, beeindigdOp);
        }

        Reis beeindigdOp(Instant op) {
            return new Reis(klantreisId, soort, thema, contacten, zaakstap, op);
        }
    }

    /** @param onderwerp null: for everything */
    public record Kanaalvoorkeur(String kanaal, String onderwerp, Instant vastgelegdOp) {
    }

    /** Required by Jackson to read the stored document. */
    private Klantdossier() {
    }

    public Klantdossier(String klantId) {
        this.klantId = Objects.requireNonNull(klantId, "klantId");
    }

    /** The dossier after these events, in store order; events of other aggregates are skipped. */
    public static Klantdossier vouw(String klantId, Iterable<?> gebeurtenissen) {
        Klantdossier dossier = new Klantdossier(klantId);
        gebeurtenissen.forEach(gebeurd -> {
            if (gebeurd instanceof KlantEvent klantEvent && klantEvent.klantId().waarde().equals(klantId)) {
                dossier.verwerk(klantEvent);
            }
        });
        return dossier;
    }

    /** Applies one event of this klant. */
    public void verwerk(KlantEvent gebeurd) {
        if (klantId == null) {
            klantId = gebeurd.klantId().waarde();
        }
        if (gebeurd instanceof KlantIngeschreven g) {
            ingeschreven(g);
        } else if (gebeurd instanceof KlantcontactGeregistreerd g) {
            contactGeregistreerd(g);
        } else if (gebeurd instanceof ZaakAanKlantGekoppeld g) {
            zaakGekoppeld(g);
        } else if (gebeurd instanceof KlantreisGestart g) {
            Reis bestaand = reis(g.klantreisId()).orElse(null);
            Thema thema = new Thema(g.zaakId(), g.onderwerp());
            vervallenKlantreizen.remove(g.klantreisId());
            zetReis(bestaand == null
                    ? new Reis(g.klantreisId(), g.soort(), thema, List.of(), null, null)
                    : new Reis(g.klantreisId(), g.soort(), thema, bestaand.contacten(), bestaand.zaakstap(),
                            bestaand.beeindigdOp()));
        } else if (gebeurd instanceof KlantcontactIngedeeld g) {
            ingedeeld(g.klantcontactId(), g.klantreisId());
        } else if (gebeurd instanceof KlantreisVervallen g) {
            klantreizen.removeIf(reis -> reis.klantreisId().equals(g.klantreisId()));
            if (!vervallenKlantreizen.contains(g.klantreisId())) {
                vervallenKlantreizen.add(g.klantreisId());
                vervallenKlantreizen.sort(Comparator.naturalOrder());
            }
            // The aggregate retracts a lapsed klantreis's wissels first; this only guards the invariant.
            kanaalwissels.removeIf(wissel -> wissel.klantreisId().equals(g.klantreisId()));
        } else if (gebeurd instanceof KlantreisBeeindigd g) {
            wijzigZaak(g.zaakId(), zaak -> zaak.afgeslotenOp(g.beeindigdOp()));
            wijzigReis(g.klantreisId(), reis -> reis.beeindigdOp(g.beeindigdOp()));
        } else if (gebeurd instanceof KanaalGewisseld g) {
            Kanaalwissel wissel = new Kanaalwissel(g.klantreisId(), g.vanStap(), g.naarStap(), g.van(), g.naar(),
                    g.op(), g.warm());
            verwijderWissel(g.klantreisId(), g.vanStap(), g.naarStap());
            kanaalwissels.add(wissel);
            kanaalwissels.sort(WISSELVOLGORDE);
        } else if (gebeurd instanceof KanaalwisselIngetrokken g) {
            verwijderWissel(g.klantreisId(), g.vanStap(), g.naarStap());
        } else if (gebeurd instanceof KanaalvoorkeurVastgelegd g) {
            Kanaalvoorkeur voorkeur = new Kanaalvoorkeur(g.kanaal(), g.onderwerp(), g.vastgelegdOp());
            if (!kanaalvoorkeuren.contains(voorkeur)) {
                kanaalvoorkeuren.add(voorkeur);
                kanaalvoorkeuren.sort(Comparator.comparing(Kanaalvoorkeur::vastgelegdOp)
                        .thenComparing(Kanaalvoorkeur::kanaal)
                        .thenComparing(Kanaalvoorkeur::onderwerp, Comparator.nullsFirst(Comparator.naturalOrder())));
            }
        } else if (gebeurd instanceof KlantVergeten g) {
            vergeet(g);
        }
    }

    private void ingeschreven(KlantIngeschreven g) {
        soort = g.soort();
        Versleuteld leesbaar = nietVergeten(g.nummer());
        // A klant who returns after being forgotten is inscribed again with a new key; a re-delivered
        // inscription under a forgotten key does not make him known again.
        if (g.nummer() == null || leesbaar != null) {
            nummer = leesbaar;
            vergeten = false;
        }
    }

    private void contactGeregistreerd(KlantcontactGeregistreerd g) {
        KlantreisId reis = contact(g.klantcontactId()).map(Contact::klantreisId).orElse(null);
        Contact contact = new Contact(g.klantcontactId(), g.plaatsgevondenOp(), g.kanaal(), g.kanaalOntvangen(),
                g.richting(), g.onderwerp(), g.zaakId(), g.resultaat(), g.doorverwezenNaar(), g.wasKlantcontact(),
                g.medewerker(), nietVergeten(g.inhoud()), g.duurSeconden(), reis);
        contacten.removeIf(c -> c.klantcontactId().equals(g.klantcontactId()));
        contacten.add(contact);
        contacten.sort(STAPVOLGORDE);
    }

    private void zaakGekoppeld(ZaakAanKlantGekoppeld g) {
        Instant afgeslotenOp = zaak(g.zaakId()).map(Zaak::afgeslotenOp).orElse(null);
        zaken.removeIf(z -> z.zaakId().equals(g.zaakId()));
        zaken.add(new Zaak(g.zaakId(), g.zaaktype(), g.kanaal(), g.geregistreerdOp(), afgeslotenOp, g.klantreisId()));
        zaken.sort(Comparator.comparing(Zaak::geregistreerdOp).thenComparing(Zaak::zaakId));
        wijzigReis(g.klantreisId(), reis -> reis.metZaakstap(g.zaakId()));
    }

    /**
     * Moves the contact out of whichever klantreis holds it: {@code vorigeKlantreisId} says the
     * same, but holding on to the actual membership keeps the dossier right even if it did not.
     */
    private void ingedeeld(KlantcontactId contactId, KlantreisId naar) {
        for (Reis reis : List.copyOf(klantreizen)) {
            if (!reis.klantreisId().equals(naar) && reis.contacten().contains(contactId)) {
                List<KlantcontactId> rest = new ArrayList<>(reis.contacten());
                rest.remove(contactId);
                zetReis(reis.metContacten(rest));
            }
        }
        wijzigReis(naar, reis -> {
            TreeSet<KlantcontactId> leden = new TreeSet<>(reis.contacten());
            leden.add(contactId);
            return reis.metContacten(inStapvolgorde(leden));
        });
        contacten.replaceAll(c -> c.klantcontactId().equals(contactId) ? c.metKlantreis(naar) : c);
    }

    private List<KlantcontactId> inStapvolgorde(Collection<KlantcontactId> leden) {
        List<KlantcontactId> gekend = contacten.stream().map(Contact::klantcontactId).filter(leden::contains).toList();
        List<KlantcontactId> geordend = new ArrayList<>(gekend);
        leden.stream().filter(id -> !gekend.contains(id)).forEach(geordend::add);
        return geordend;
    }

    /**
     * Forgetting empties the dossier: nothing of his life before stays under his pseudonym (his
     * klantreizen went on anonymously, {@link #anoniem}), so a klant who returns starts from
     * nothing, as the Klant aggregate does. Kept: that he is forgotten (he is then unknown to every
     * question, exactly like someone the engine never heard of) and the ids of his deleted keys.
     */
    private void vergeet(KlantVergeten g) {
        TreeSet<String> sleutels = new TreeSet<>(vergetenSleutels);
        if (nummer != null) {
            sleutels.add(nummer.sleutel());
        }
        contacten.stream().map(Contact::inhoud).filter(Objects::nonNull).map(Versleuteld::sleutel)
                .forEach(sleutels::add);
        vergetenSleutels = new ArrayList<>(sleutels);
        nummer = null;
        contacten = new ArrayList<>();
        zaken = new ArrayList<>();
        klantreizen = new ArrayList<>();
        vervallenKlantreizen = new ArrayList<>();
        kanaalwissels = new ArrayList<>();
        kanaalvoorkeuren = new ArrayList<>();
        vergeten = true;
        vergetenKeer++;
        // Not when: a dated "forgotten" mark under his pseudonym would itself be a fact about him.
        vergetenOp = null;
    }

    /** Whether there is anything of a life before forgetting to keep anonymously. */
    public boolean heeftFeiten() {
        return !contacten.isEmpty() || !zaken.isEmpty();
    }

    /**
     * What a forgotten klant leaves for the anonymous aggregates: his contacts, zaken, klantreizen
     * and kanaalwissels under a new key that nothing leads to, without his number, what was said,
     * who served him, his preferences or lapsed klantreizen. The KPIs count it as one klant of the
     * same soort, exactly as they counted him; a copy that shares nothing with this dossier.
     */
    public Klantdossier anoniem(String anoniemeSleutel) {
        // His klantreis ids derive from his pseudonym and the facts kept here: renamed, or they
        // would tell whose dossier this was to anyone who can compute his pseudonym.
        UnaryOperator<KlantreisId> hernoem = id -> id == null ? null : new KlantreisId(java.util.UUID.nameUUIDFromBytes(
                (anoniemeSleutel + "|" + id).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        Klantdossier anoniem = new Klantdossier(anoniemeSleutel);
        anoniem.soort = soort;
        anoniem.contacten = new ArrayList<>(contacten.stream()
                .map(c -> c.anoniem().metKlantreis(hernoem.apply(c.klantreisId()))).toList());
        anoniem.zaken = new ArrayList<>(zaken.stream().map(z -> new Zaak(z.zaakId(), z.zaaktype(), z.kanaal(),
                z.geregistreerdOp(), z.afgeslotenOp(), hernoem.apply(z.klantreisId()))).toList());
        anoniem.klantreizen = new ArrayList<>(klantreizen.stream().map(r -> new Reis(hernoem.apply(r.klantreisId()),
                r.soort(), r.thema(), r.contacten(), r.zaakstap(), r.beeindigdOp())).sorted(Comparator.comparing(
                Reis::klantreisId)).toList());
        anoniem.kanaalwissels = new ArrayList<>(kanaalwissels.stream().map(w -> new Kanaalwissel(
                hernoem.apply(w.klantreisId()), w.vanStap(), w.naarStap(), w.van(), w.naar(), w.op(), w.warm()))
                .sorted(WISSELVOLGORDE).toList());
        anoniem.vergeten = true;
        return anoniem;
    }

    private Versleuteld nietVergeten(Versleuteld waarde) {
        return waarde == null || vergetenSleutels.contains(waarde.sleutel()) ? null : waarde;
    }

    private void verwijderWissel(KlantreisId reis, String vanStap, String naarStap) {
        kanaalwissels.removeIf(w -> w.klantreisId().equals(reis) && w.vanStap().equals(vanStap)
                && w.naarStap().equals(naarStap));
    }

    private void wijzigZaak(ZaakId zaakId, UnaryOperator<Zaak> wijziging) {
        zaken.replaceAll(z -> z.zaakId().equals(zaakId) ? wijziging.apply(z) : z);
    }

    /**
     * Events of a klantreis always follow its {@code KlantreisGestart}; should one not, the
     * klantreis is kept with what is known of it rather than losing the fact.
     */
    private void wijzigReis(KlantreisId id, UnaryOperator<Reis> wijziging) {
        Reis reis = reis(id).orElseGet(() -> new Reis(id, null, null, List.of(), null, null));
        zetReis(wijziging.apply(reis));
    }

    private void zetReis(Reis reis) {
        klantreizen.removeIf(r -> r.klantreisId().equals(reis.klantreisId()));
        klantreizen.add(reis);
        klantreizen.sort(Comparator.comparing(Reis::klantreisId));
    }

    public Optional<Contact> contact(KlantcontactId id) {
        return contacten.stream().filter(c -> c.klantcontactId().equals(id)).findFirst();
    }

    public Optional<Zaak> zaak(ZaakId id) {
        return zaken.stream().filter(z -> z.zaakId().equals(id)).findFirst();
    }

    public Optional<Reis> reis(KlantreisId id) {
        return klantreizen.stream().filter(r -> r.klantreisId().equals(id)).findFirst();
    }

    /** The klant's contacts as facts for the KPI engine, in step order. */
    public List<Contactgegevens> contactgegevens() {
        return contacten.stream().map(Contact::contactgegevens).toList();
    }

    /** The klant's zaken as facts for the KPI engine, in order of registration. */
    public List<Zaakgegevens> zaakgegevens() {
        return zaken.stream().map(Zaak::zaakgegevens).toList();
    }

    /**
     * The klantreizen as the events recorded them (not recomputed): all their steps in
     * {@link Reisstap#VOLGORDE} and their live kanaalwissels, ordered by start, then id. A klantreis
     * without any step yet is left out.
     */
    public List<Klantreisindeling> indelingen() {
        Map<KlantcontactId, Contact> contactOpId = new HashMap<>();
        contacten.forEach(contact -> contactOpId.put(contact.klantcontactId(), contact));
        List<Klantreisindeling> indelingen = new ArrayList<>();
        for (Reis reis : klantreizen) {
            List<Reisstap> stappen = new ArrayList<>();
            reis.contacten().stream().map(contactOpId::get).filter(Objects::nonNull).map(Contact::stap)
                    .forEach(stappen::add);
            zakenVan(reis).forEach(zaak -> stappen.add(zaak.stap()));
            if (stappen.isEmpty()) {
                continue;
            }
            stappen.sort(Reisstap.VOLGORDE);
            List<Kanaalwissel> wissels = kanaalwissels.stream()
                    .filter(w -> w.klantreisId().equals(reis.klantreisId())).toList();
            Instant beeindigdOp = reis.beeindigdOp() != null ? reis.beeindigdOp()
                    : zakenVan(reis).stream().map(Zaak::afgeslotenOp).filter(Objects::nonNull).findFirst().orElse(null);
            indelingen.add(new Klantreisindeling(reis.klantreisId(), reis.soort(), reis.thema(), stappen, wissels,
                    beeindigdOp));
        }
        indelingen.sort(Comparator.comparing(Klantreisindeling::gestartOp).thenComparing(Klantreisindeling::id));
        return indelingen;
    }

    private List<Zaak> zakenVan(Reis reis) {
        return zaken.stream().filter(z -> reis.klantreisId().equals(z.klantreisId())
                || Objects.equals(z.zaakId(), reis.zaakstap())).toList();
    }

    /**
     * What his klantreis ids are derived from, as the Klant aggregate does: his pseudonym, and after
     * a forgetting his pseudonym with the count, so no klantreis of his new life has an old id.
     */
    public KlantId reisnaamruimte() {
        return vergetenKeer == 0 ? new KlantId(klantId) : new KlantId(klantId + "-" + vergetenKeer);
    }

    public String klantId() {
        return klantId;
    }

    public Identificatiesoort soort() {
        return soort;
    }

    public Versleuteld nummer() {
        return nummer;
    }

    public List<Contact> contacten() {
        return Collections.unmodifiableList(contacten);
    }

    public List<Zaak> zaken() {
        return Collections.unmodifiableList(zaken);
    }

    public List<Reis> klantreizen() {
        return Collections.unmodifiableList(klantreizen);
    }

    public List<KlantreisId> vervallenKlantreizen() {
        return Collections.unmodifiableList(vervallenKlantreizen);
    }

    public List<Kanaalwissel> kanaalwissels() {
        return Collections.unmodifiableList(kanaalwissels);
    }

    public List<Kanaalvoorkeur> kanaalvoorkeuren() {
        return Collections.unmodifiableList(kanaalvoorkeuren);
    }

    public boolean isVergeten() {
        return vergeten;
    }

    public Instant vergetenOp() {
        return vergetenOp;
    }
}
