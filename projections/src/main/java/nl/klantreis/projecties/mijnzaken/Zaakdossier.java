package nl.klantreis.projecties.mijnzaken;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;

import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.gedeeld.KlantcontactId;
import nl.klantreis.domein.gedeeld.Versleuteld;
import nl.klantreis.domein.gedeeld.ZaakId;
import nl.klantreis.domein.klant.KlantcontactGeregistreerd;
import nl.klantreis.domein.klant.ZaakKoppelingVergeten;
import nl.klantreis.domein.referentie.ZaaktypeRegels;
import nl.klantreis.domein.zaak.UiterlijkeEinddatumBepaald;
import nl.klantreis.domein.zaak.ZaakAfgesloten;
import nl.klantreis.domein.zaak.ZaakGeregistreerd;
import nl.klantreis.domein.zaak.ZaakHervat;
import nl.klantreis.domein.zaak.ZaakOpgeschort;
import nl.klantreis.domein.zaak.ZaakVerlengd;
import nl.klantreis.domein.zaak.ZaakfeitOnbruikbaar;
import nl.klantreis.domein.zaak.Zaakfeitsoort;
import nl.klantreis.domein.zaak.ZaakstatusGezet;

/**
 * Everything MijnZaken needs to know about one zaak, stored as one JSON document per zaakId.
 *
 * <p>The dossier keeps facts, not conclusions: what the citizen sees depends on the peilmoment,
 * the time axis and whether the texts can still be decrypted, so {@link MijnZakenWeergave}
 * derives it when asked. Every fact carries its {@code bekendOp} so that the view can also be
 * drawn as the engine knew it at a moment. Lists are kept in a fixed order (by when things
 * happened), so the same set of events gives the same document whatever order they came in.
 *
 * <p>Free texts stay encrypted exactly as in the events: forgetting a klant deletes his keys and
 * thereby empties this document too, without the projection having to hear of it.
 *
 * <p>Stored as its fields (the JSON names are the field names, frozen by the approved documents in
 * {@code leesmodeldocumenten/}); the accessors are for the views and write nothing.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
public class Zaakdossier {
    private static final Comparator<Status> STATUSVOLGORDE =
            Comparator.comparing(Status::datumStatusGezet).thenComparing(Status::statustype);
    private static final Comparator<Moment> MOMENTVOLGORDE = Comparator.comparing(Moment::op);
    private static final Comparator<Verlenging> VERLENGINGVOLGORDE =
            Comparator.comparing(Verlenging::verlengdOp).thenComparingInt(Verlenging::duurDagen);
    private static final Comparator<Klantcontact> CONTACTVOLGORDE =
            Comparator.comparing(Klantcontact::plaatsgevondenOp).thenComparing(Klantcontact::klantcontactId);
    private static final Comparator<OnbruikbaarFeit> ONBRUIKBAARVOLGORDE =
            Comparator.comparing(OnbruikbaarFeit::op, Comparator.nullsFirst(Comparator.naturalOrder()))
                    .thenComparing(o -> o.feit().code())
                    .thenComparing(OnbruikbaarFeit::code, Comparator.nullsFirst(Comparator.naturalOrder()));

    private ZaakId zaakId;
    private Registratie registratie;
    private List<Status> statussen = new ArrayList<>();
    private List<Moment> opschortingen = new ArrayList<>();
    private List<Moment> hervattingen = new ArrayList<>();
    private List<Verlenging> verlengingen = new ArrayList<>();
    private Afsluiting afsluiting;
    private Einddatum uiterlijkeEinddatum;
    private List<OnbruikbaarFeit> onbruikbareFeiten = new ArrayList<>();
    private List<Klantcontact> klantcontacten = new ArrayList<>();
    private Instant laatstGewijzigd;

    /** Required by Jackson to read the stored document. */
    private Zaakdossier() {
    }

    public Zaakdossier(ZaakId zaakId) {
        this.zaakId = Objects.requireNonNull(zaakId, "zaakId");
    }

    /**
     * The registration as the zaaksysteem sent it, with the zaaktype rules frozen in the event.
     *
     * @param vertrouwelijkheid the ZGW level sent or defaulted at registration; may be null
     * @param omschrijving      encrypted with the zaak's key; may be null
     */
    public record Registratie(String identificatie, String zaaktype, ZaaktypeRegels regels, String vertrouwelijkheid,
                              KlantId initiator, Versleuteld omschrijving, Instant geregistreerdOp, String kanaal,
                              LocalDate opgegevenUiterlijkeEinddatum, Instant bekendOp) {
    }

    /** One status; a status is identified by its statustype and when it was set, as in the Zaak aggregate. */
    public record Status(String statustype, Instant datumStatusGezet, Versleuteld statustoelichting,
                         Instant bekendOp) {
    }

    /** When an opschorting or hervatting happened. */
    public record Moment(Instant op, Instant bekendOp) {
    }

    public record Verlenging(Instant verlengdOp, int duurDagen, Instant bekendOp) {
    }

    public record Afsluiting(Instant afgeslotenOp, String resultaat, Versleuteld toelichting, Instant bekendOp) {
    }

    /**
     * The last {@link UiterlijkeEinddatumBepaald}. Kept for operators and for comparison; the view
     * recomputes the date because it has to count a running opschorting up to its own peilmoment
     * and has to give the date as it was at a past moment.
     */
    public record Einddatum(LocalDate datum, LocalDate basis, Instant opgeschortSinds, Instant bekendOp) {
    }

    /** A fact that arrived before the zaak and did not fit its zaaktype (ADR 0003): it never counts. */
    public record OnbruikbaarFeit(Zaakfeitsoort feit, String code, Instant op, String reden, Instant bekendOp) {
    }

    /**
     * A contact that named this zaak. The klant is kept because someone other than the initiator
     * can name the zaak; only the initiator's own contacts are shown to him.
     */
    public record Klantcontact(KlantcontactId klantcontactId, KlantId klantId, String kanaal,
                               Instant plaatsgevondenOp, String onderwerp, String resultaat, Instant bekendOp) {
    }

    /**
     * Applies one event. Whatever is already known (the same status, the same contact, a fact
     * already declared unusable) changes nothing, not even {@code laatstGewijzigd}.
     *
     * @return whether the dossier changed
     */
    boolean pasToe(Object event, Instant bekendOp) {
        boolean gewijzigd;
        if (event instanceof ZaakGeregistreerd geregistreerd) {
            gewijzigd = registreer(geregistreerd, bekendOp);
        } else if (event instanceof ZaakstatusGezet status) {
            gewijzigd = zetStatus(status, bekendOp);
        } else if (event instanceof ZaakOpgeschort opgeschort) {
            gewijzigd = voegMomentToe(opschortingen, Zaakfeitsoort.ZAAK_OPGESCHORT, opgeschort.opgeschortOp(),
                    bekendOp);
        } else if (event instanceof ZaakHervat hervat) {
            gewijzigd = voegMomentToe(hervattingen, Zaakfeitsoort.ZAAK_HERVAT, hervat.hervatOp(), bekendOp);
        } else if (event instanceof ZaakVerlengd verlengd) {
            gewijzigd = verleng(verlengd, bekendOp);
        } else if (event instanceof ZaakAfgesloten afgesloten) {
            gewijzigd = sluitAf(afgesloten, bekendOp);
        } else if (event instanceof UiterlijkeEinddatumBepaald bepaald) {
            gewijzigd = bepaalEinddatum(bepaald, bekendOp);
        } else if (event instanceof ZaakfeitOnbruikbaar onbruikbaar) {
            gewijzigd = verklaarOnbruikbaar(onbruikbaar, bekendOp);
        } else if (event instanceof KlantcontactGeregistreerd contact) {
            gewijzigd = voegContactToe(contact, bekendOp);
        } else if (event instanceof ZaakKoppelingVergeten vergeten) {
            gewijzigd = vergeetKoppeling(vergeten);
        } else {
            gewijzigd = false;
        }
        // Forgetting the initiator is no change of the zaak: laatstGewijzigd stays.
        if (gewijzigd && bekendOp != null && !(event instanceof ZaakKoppelingVergeten)
                && (laatstGewijzigd == null || bekendOp.isAfter(laatstGewijzigd))) {
            laatstGewijzigd = bekendOp;
        }
        return gewijzigd;
    }

    /** Not shown to anyone until registered: before that nobody knows whose zaak it is. */
    public boolean isGeregistreerd() {
        return registratie != null;
    }

    private boolean registreer(ZaakGeregistreerd gebeurd, Instant bekendOp) {
        if (registratie != null) {
            // The aggregate refuses a different second registration; a repeat is no news.
            return false;
        }
        zaakId = gebeurd.zaakId();
        registratie = new Registratie(gebeurd.identificatie(), gebeurd.zaaktype(), gebeurd.regels(),
                gebeurd.vertrouwelijkheid(), gebeurd.initiator(), gebeurd.omschrijving(), gebeurd.geregistreerdOp(),
                gebeurd.kanaal(), gebeurd.opgegevenUiterlijkeEinddatum(), bekendOp);
        return true;
    }

    private boolean zetStatus(ZaakstatusGezet gebeurd, Instant bekendOp) {
        zaakId = gebeurd.zaakId();
        boolean bekend = statussen.stream().anyMatch(s -> s.statustype().equals(gebeurd.statustype())
                && s.datumStatusGezet().equals(gebeurd.datumStatusGezet()));
        if (bekend || isOnbruikbaar(Zaakfeitsoort.STATUS_GEZET, gebeurd.statustype(), gebeurd.datumStatusGezet())) {
            return false;
        }
        statussen.add(new Status(gebeurd.statustype(), gebeurd.datumStatusGezet(), gebeurd.statustoelichting(),
                bekendOp));
        statussen.sort(STATUSVOLGORDE);
        return true;
    }

    private boolean voegMomentToe(List<Moment> momenten, Zaakfeitsoort feit, Instant op, Instant bekendOp) {
        if (momenten.stream().anyMatch(m -> m.op().equals(op)) || isOnbruikbaar(feit, null, op)) {
            return false;
        }
        momenten.add(new Moment(op, bekendOp));
        momenten.sort(MOMENTVOLGORDE);
        return true;
    }

    private boolean verleng(ZaakVerlengd gebeurd, Instant bekendOp) {
        boolean bekend = verlengingen.stream().anyMatch(v -> v.verlengdOp().equals(gebeurd.verlengdOp())
                && v.duurDagen() == gebeurd.duurDagen());
        if (bekend || isOnbruikbaar(Zaakfeitsoort.ZAAK_VERLENGD, Integer.toString(gebeurd.duurDagen()),
                gebeurd.verlengdOp())) {
            return false;
        }
        verlengingen.add(new Verlenging(gebeurd.verlengdOp(), gebeurd.duurDagen(), bekendOp));
        verlengingen.sort(VERLENGINGVOLGORDE);
        return true;
    }

    private boolean sluitAf(ZaakAfgesloten gebeurd, Instant bekendOp) {
        if (isOnbruikbaar(Zaakfeitsoort.ZAAK_AFGESLOTEN, gebeurd.resultaat(), gebeurd.afgeslotenOp())) {
            return false;
        }
        if (afsluiting != null && afsluiting.afgeslotenOp().equals(gebeurd.afgeslotenOp())
                && afsluiting.resultaat().equals(gebeurd.resultaat())) {
            return false;
        }
        // A different afsluiting can only follow one that was declared unusable (the aggregate
        // refuses a second one otherwise), so the newer one is the one that counts.
        afsluiting = new Afsluiting(gebeurd.afgeslotenOp(), gebeurd.resultaat(), gebeurd.toelichting(), bekendOp);
        return true;
    }

    private boolean bepaalEinddatum(UiterlijkeEinddatumBepaald gebeurd, Instant bekendOp) {
        Einddatum nieuw = new Einddatum(gebeurd.uiterlijkeEinddatum(), gebeurd.basis(), gebeurd.opgeschortSinds(),
                bekendOp);
        if (uiterlijkeEinddatum != null && bekendOp != null && uiterlijkeEinddatum.bekendOp() != null
                && bekendOp.isBefore(uiterlijkeEinddatum.bekendOp())) {
            return false;
        }
        if (uiterlijkeEinddatum != null && Objects.equals(uiterlijkeEinddatum.datum(), nieuw.datum())
                && Objects.equals(uiterlijkeEinddatum.basis(), nieuw.basis())
                && Objects.equals(uiterlijkeEinddatum.opgeschortSinds(), nieuw.opgeschortSinds())) {
            return false;
        }
        uiterlijkeEinddatum = nieuw;
        return true;
    }

    private boolean verklaarOnbruikbaar(ZaakfeitOnbruikbaar gebeurd, Instant bekendOp) {
        if (isOnbruikbaar(gebeurd.feit(), gebeurd.code(), gebeurd.op())) {
            return false;
        }
        onbruikbareFeiten.add(new OnbruikbaarFeit(gebeurd.feit(), gebeurd.code(), gebeurd.op(), gebeurd.reden(),
                bekendOp));
        onbruikbareFeiten.sort(ONBRUIKBAARVOLGORDE);
        switch (gebeurd.feit()) {
            case STATUS_GEZET -> statussen.removeIf(s -> s.statustype().equals(gebeurd.code())
                    && s.datumStatusGezet().equals(gebeurd.op()));
            case ZAAK_OPGESCHORT -> opschortingen.removeIf(m -> m.op().equals(gebeurd.op()));
            case ZAAK_HERVAT -> hervattingen.removeIf(m -> m.op().equals(gebeurd.op()));
            case ZAAK_VERLENGD -> verlengingen.removeIf(v -> v.verlengdOp().equals(gebeurd.op())
                    && Integer.toString(v.duurDagen()).equals(gebeurd.code()));
            case ZAAK_AFGESLOTEN -> {
                if (afsluiting != null && afsluiting.afgeslotenOp().equals(gebeurd.op())
                        && afsluiting.resultaat().equals(gebeurd.code())) {
                    afsluiting = null;
                }
            }
        }
        return true;
    }

    /**
     * The klant was forgotten: the zaak stays (its facts keep counting in the zaak KPIs) but nothing
     * leads from him to it: no initiator (so it is nobody's in MijnZaken or a klantbeeld), none of
     * his contacts, and not its description, which only his deleted key could open anyway. Not a
     * change of the zaak itself, so {@code laatstGewijzigd} stays.
     */
    private boolean vergeetKoppeling(ZaakKoppelingVergeten gebeurd) {
        boolean gewijzigd = klantcontacten.removeIf(c -> gebeurd.klantId().equals(c.klantId()));
        if (registratie != null && gebeurd.klantId().equals(registratie.initiator())) {
            Registratie r = registratie;
            registratie = new Registratie(r.identificatie(), r.zaaktype(), r.regels(), r.vertrouwelijkheid(), null,
                    null, r.geregistreerdOp(), r.kanaal(), r.opgegevenUiterlijkeEinddatum(), r.bekendOp());
            gewijzigd = true;
        }
        return gewijzigd;
    }

    private boolean voegContactToe(KlantcontactGeregistreerd gebeurd, Instant bekendOp) {
        if (gebeurd.zaakId() == null
                || klantcontacten.stream().anyMatch(c -> c.klantcontactId().equals(gebeurd.klantcontactId()))) {
            return false;
        }
        if (zaakId == null) {
            zaakId = gebeurd.zaakId();
        }
        klantcontacten.add(new Klantcontact(gebeurd.klantcontactId(), gebeurd.klantId(), gebeurd.kanaal(),
                gebeurd.plaatsgevondenOp(), gebeurd.onderwerp(), gebeurd.resultaat(), bekendOp));
        klantcontacten.sort(CONTACTVOLGORDE);
        return true;
    }

    /**
     * Whether a fact was declared unusable. The code is compared only when the declaration has
     * one: an opschorting or hervatting is declared by its moment alone.
     */
    private boolean isOnbruikbaar(Zaakfeitsoort feit, String code, Instant op) {
        Predicate<OnbruikbaarFeit> zelfde = o -> o.feit() == feit && Objects.equals(o.op(), op)
                && (o.code() == null || o.code().equals(code));
        return onbruikbareFeiten.stream().anyMatch(zelfde);
    }

    public ZaakId zaakId() {
        return zaakId;
    }

    public Registratie registratie() {
        return registratie;
    }

    public List<Status> statussen() {
        return Collections.unmodifiableList(statussen);
    }

    public List<Moment> opschortingen() {
        return Collections.unmodifiableList(opschortingen);
    }

    public List<Moment> hervattingen() {
        return Collections.unmodifiableList(hervattingen);
    }

    public List<Verlenging> verlengingen() {
        return Collections.unmodifiableList(verlengingen);
    }

    public Afsluiting afsluiting() {
        return afsluiting;
    }

    public Einddatum uiterlijkeEinddatum() {
        return uiterlijkeEinddatum;
    }

    public List<OnbruikbaarFeit> onbruikbareFeiten() {
        return Collections.unmodifiableList(onbruikbareFeiten);
    }

    public List<Klantcontact> klantcontacten() {
        return Collections.unmodifiableList(klantcontacten);
    }

    public Instant laatstGewijzigd() {
        return laatstGewijzigd;
    }
}
