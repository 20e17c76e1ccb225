package nl.klantreis.projecties.mijnzaken;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import nl.klantreis.domein.gedeeld.Tijd;
import nl.klantreis.domein.gedeeld.Versleuteld;
import nl.klantreis.domein.referentie.Catalogus;
import nl.klantreis.domein.referentie.Statustype;
import nl.klantreis.domein.referentie.Vertrouwelijkheid;
import nl.klantreis.domein.referentie.Zaaktype;
import nl.klantreis.domein.referentie.ZaaktypeRegels;
import nl.klantreis.domein.zaak.Opschorting;
import nl.klantreis.domein.zaak.UiterlijkeEinddatum;
import nl.klantreis.projecties.mijnzaken.Zaakdossier.Registratie;
import nl.klantreis.projecties.tijd.Peiling;
import nl.klantreis.projecties.tijd.Tijdas;

/**
 * What a citizen sees of a {@link Zaakdossier} at a peilmoment: the MijnZaken card and detail.
 *
 * <p>The view is a pure function of the dossier, the peilmoment, the time axis and the
 * decryption: it counts only the facts that had happened (or that the engine knew, on the
 * {@code bekend} axis) by the peilmoment, so a past moment gives the page as it was then, and a
 * running opschorting keeps moving "beslissing uiterlijk" day by day without any event.
 *
 * <p>Rules chosen where the contract leaves room:
 * <ul>
 * <li>The zaak's steps are the catalogue's statustypen of its zaaktype that the rules frozen at
 * registration also name: the frozen rules decide what belongs to the zaak (as the aggregate
 * did when it accepted the statuses), the catalogue how a step is called and explained now.
 * A status of any other statustype is never shown.</li>
 * <li>{@code stap} is the position in volgnummer order, which equals the volgnummer when the
 * volgnummers run 1..n as in the reference data, and cannot exceed {@code vanStappen} when they
 * do not.</li>
 * <li>A statustype with {@code informeren = false} is shown like any other (where the zaak
 * stands must stay true, or the citizen phones to ask), but without the generic statustekst:
 * ZGW's informeren says the municipality chose not to tell the initiator about this step, and
 * the statustekst is the text written for telling him. An explicit statustoelichting is shown,
 * since the zaaksysteem wrote it for the klant.</li>
 * <li>Once the zaak is closed it is not suspended any more, and a still running opschorting
 * counts only up to the date of closing, so a closed card stops changing.</li>
 * <li>Above {@code zaakvertrouwelijk} (also when the level is unknown: fail closed) only
 * zaakId, identificatie, zaaktype and the statusgroep of the current status are filled in,
 * and nothing is decrypted. The zaakId stays because it is the address of the detail page and
 * the updates stream the portal already uses; it carries nothing about the klant.</li>
 * </ul>
 */
public final class MijnZakenWeergave {

    /** The citizen's list: the latest registered zaak first. */
    private static final Comparator<Zaakdossier> NIEUWSTE_EERST = Comparator
            .comparing((Zaakdossier d) -> d.registratie().geregistreerdOp(), Comparator.reverseOrder())
            .thenComparing(d -> d.zaakId().toString());

    private final Catalogus catalogus;

    public MijnZakenWeergave(Catalogus catalogus) {
        this.catalogus = Objects.requireNonNull(catalogus, "catalogus");
    }

    /** Whether the zaak is registered by the peilmoment (on the {@code gebeurd} axis): only then is it shown. */
    public boolean zichtbaar(Zaakdossier dossier, Instant peilmoment) {
        return zichtbaar(dossier, peilmoment, Tijdas.GEBEURD);
    }

    public boolean zichtbaar(Zaakdossier dossier, Instant peilmoment, Tijdas tijdas) {
        Registratie registratie = dossier.registratie();
        return registratie != null
                && new Peiling(peilmoment, tijdas).telt(registratie.geregistreerdOp(), registratie.bekendOp());
    }

    public Zaakkaart kaart(Zaakdossier dossier, Instant peilmoment, Function<Versleuteld, Optional<String>> ontsleutel) {
        return kaart(dossier, peilmoment, Tijdas.GEBEURD, ontsleutel);
    }

    /**
     * @param ontsleutel the plain text of an encrypted field, empty when it can no longer be read
     * @throws IllegalArgumentException when the zaak is not {@link #zichtbaar visible} at the peilmoment
     */
    public Zaakkaart kaart(Zaakdossier dossier, Instant peilmoment, Tijdas tijdas,
                           Function<Versleuteld, Optional<String>> ontsleutel) {
        return new Stand(dossier, new Peiling(peilmoment, tijdas), ontsleutel).kaart();
    }

    public Zaakdetail detail(Zaakdossier dossier, Instant peilmoment,
                             Function<Versleuteld, Optional<String>> ontsleutel) {
        return detail(dossier, peilmoment, Tijdas.GEBEURD, ontsleutel);
    }

    /** @throws IllegalArgumentException when the zaak is not {@link #zichtbaar visible} at the peilmoment */
    public Zaakdetail detail(Zaakdossier dossier, Instant peilmoment, Tijdas tijdas,
                             Function<Versleuteld, Optional<String>> ontsleutel) {
        return new Stand(dossier, new Peiling(peilmoment, tijdas), ontsleutel).detail();
    }

    /** The cards of the zaken visible at the peilmoment, newest registration first (ties by zaakId). */
    public List<Zaakkaart> kaarten(Collection<Zaakdossier> dossiers, Instant peilmoment, Tijdas tijdas,
                                   Function<Versleuteld, Optional<String>> ontsleutel) {
        return dossiers.stream()
                .filter(d -> zichtbaar(d, peilmoment, tijdas))
                .sorted(NIEUWSTE_EERST)
                .map(d -> kaart(d, peilmoment, tijdas, ontsleutel))
                .toList();
    }

    /** A counted status of a statustype of the zaak, with its step. */
    private record GezetteStatus(Zaakdossier.Status status, Statustype type, int stap) {
    }

    /** The dossier reduced to what counts at one peilmoment; decrypts only what it shows. */
    private final class Stand {
        private final Zaakdossier dossier;
        private final Registratie registratie;
        private final Peiling peiling;
        private final Function<Versleuteld, Optional<String>> ontsleutel;
        private final Optional<Zaaktype> zaaktype;
        private final List<Statustype> stappen;
        private final List<GezetteStatus> statussen;
        private final Zaakdossier.Afsluiting afsluiting;

        Stand(Zaakdossier dossier, Peiling peiling, Function<Versleuteld, Optional<String>> ontsleutel) {
            this.dossier = dossier;
            this.registratie = dossier.registratie();
            this.peiling = peiling;
            this.ontsleutel = Objects.requireNonNull(ontsleutel, "ontsleutel");
            if (registratie == null || !peiling.telt(registratie.geregistreerdOp(), registratie.bekendOp())) {
                throw new IllegalArgumentException("zaak " + dossier.zaakId() + " is op " + peiling.moment()
                        + " (" + peiling.tijdas() + ") niet geregistreerd");
            }
            this.zaaktype = catalogus.zaaktype(registratie.zaaktype());
            this.stappen = stappen(zaaktype, registratie.regels());
            this.statussen = dossier.statussen().stream()
                    .filter(s -> peiling.telt(s.datumStatusGezet(), s.bekendOp()))
                    .flatMap(this::metStap)
                    .sorted(Comparator.comparing((GezetteStatus g) -> g.status().datumStatusGezet())
                            .thenComparingInt(GezetteStatus::stap))
                    .toList();
            Zaakdossier.Afsluiting gesloten = dossier.afsluiting();
            this.afsluiting = gesloten != null && peiling.telt(gesloten.afgeslotenOp(), gesloten.bekendOp())
                    ? gesloten : null;
        }

        private static List<Statustype> stappen(Optional<Zaaktype> zaaktype, ZaaktypeRegels regels) {
            return zaaktype.map(z -> z.statustypen().stream()
                            .filter(s -> regels == null || regels.statustypen().contains(s.code()))
                            .toList())
                    .orElse(List.of());
        }

        private Stream<GezetteStatus> metStap(Zaakdossier.Status status) {
            for (int i = 0; i < stappen.size(); i++) {
                if (stappen.get(i).code().equals(status.statustype())) {
                    return Stream.of(new GezetteStatus(status, stappen.get(i), i + 1));
                }
            }
            return Stream.empty();
        }

        Zaakkaart kaart() {
            GezetteStatus huidige = statussen.isEmpty() ? null : statussen.get(statussen.size() - 1);
            if (beperkt()) {
                Zaakkaart.Status alleenGroep = huidige == null ? null
                        : new Zaakkaart.Status(null, null, huidige.type().groep(), null, null, null, null);
                return new Zaakkaart(zaakId(), registratie.identificatie(), registratie.zaaktype(), null, alleenGroep,
                        null, null, null, null, null);
            }
            Zaakkaart.Status status = huidige == null ? null
                    : new Zaakkaart.Status(huidige.type().code(), huidige.type().omschrijving(), huidige.type().groep(),
                    huidige.stap(), stappen.size(), huidige.status().datumStatusGezet(), tekst(huidige));
            List<Opschorting> opschortingen = opschortingen();
            return new Zaakkaart(zaakId(), registratie.identificatie(), registratie.zaaktype(),
                    lees(registratie.omschrijving()), status, beslissingUiterlijk(opschortingen),
                    opgeschort(opschortingen),
                    afsluiting == null ? null : new Zaakkaart.Afgesloten(afsluiting.afgeslotenOp(), afsluiting.resultaat()),
                    volgendeStap(huidige), laatstGewijzigd());
        }

        Zaakdetail detail() {
            Zaakkaart kaart = kaart();
            if (beperkt()) {
                return Zaakdetail.van(kaart, List.of(), List.of(), List.of(), List.of());
            }
            List<Zaakdetail.Statusregel> regels = statussen.stream()
                    .map(g -> new Zaakdetail.Statusregel(g.type().code(), g.type().omschrijving(), g.type().groep(),
                            g.stap(), g.status().datumStatusGezet(), tekst(g)))
                    .toList();
            List<Zaakdetail.Klantcontact> contacten = eigenContacten()
                    .map(c -> new Zaakdetail.Klantcontact(c.kanaal(), c.plaatsgevondenOp(), c.onderwerp(), c.resultaat()))
                    .toList();
            List<Zaakdetail.Opschorting> opschortingen = opschortingen().stream()
                    .map(o -> new Zaakdetail.Opschorting(o.van(), o.tot()))
                    .toList();
            List<Zaakdetail.Verlenging> verlengingen = verlengingen()
                    .map(v -> new Zaakdetail.Verlenging(v.verlengdOp(), v.duurDagen()))
                    .toList();
            return Zaakdetail.van(kaart, regels, contacten, opschortingen, verlengingen);
        }

        private String zaakId() {
            return dossier.zaakId() == null ? null : dossier.zaakId().toString();
        }

        /** Fail closed: a level that is absent and has no zaaktype default, or that is unknown, hides the zaak. */
        private boolean beperkt() {
            Optional<Vertrouwelijkheid> niveau = registratie.vertrouwelijkheid() != null
                    ? Vertrouwelijkheid.metCode(registratie.vertrouwelijkheid())
                    : zaaktype.map(Zaaktype::vertrouwelijkheid);
            return niveau.map(n -> n.boven(Vertrouwelijkheid.ZAAKVERTROUWELIJK)).orElse(true);
        }

        private String tekst(GezetteStatus gezet) {
            String toelichting = lees(gezet.status().statustoelichting());
            if (toelichting != null) {
                return toelichting;
            }
            return gezet.type().informeren() ? gezet.type().statustekst() : null;
        }

        private String lees(Versleuteld versleuteld) {
            if (versleuteld == null) {
                return null;
            }
            return ontsleutel.apply(versleuteld).filter(tekst -> !tekst.isBlank()).orElse(null);
        }

        private Zaakkaart.VolgendeStap volgendeStap(GezetteStatus huidige) {
            int volgende = huidige == null ? 0 : huidige.stap();
            if (afsluiting != null || volgende >= stappen.size()) {
                return null;
            }
            Statustype stap = stappen.get(volgende);
            return new Zaakkaart.VolgendeStap(stap.code(), stap.omschrijving(), stap.groep());
        }

        private List<Opschorting> opschortingen() {
            return Opschorting.paren(
                    tellende(dossier.opschortingen()).map(Zaakdossier.Moment::op).toList(),
                    tellende(dossier.hervattingen()).map(Zaakdossier.Moment::op).toList());
        }

        private Stream<Zaakdossier.Moment> tellende(List<Zaakdossier.Moment> momenten) {
            return momenten.stream().filter(m -> peiling.telt(m.op(), m.bekendOp()));
        }

        private Stream<Zaakdossier.Verlenging> verlengingen() {
            return dossier.verlengingen().stream().filter(v -> peiling.telt(v.verlengdOp(), v.bekendOp()));
        }

        /** Someone else can name the zaak in a contact; what he did is not the initiator's to see. */
        private Stream<Zaakdossier.Klantcontact> eigenContacten() {
            return dossier.klantcontacten().stream()
                    .filter(c -> Objects.equals(c.klantId(), registratie.initiator()))
                    .filter(c -> peiling.telt(c.plaatsgevondenOp(), c.bekendOp()));
        }

        private Boolean opgeschort(List<Opschorting> opschortingen) {
            Instant moment = peiling.moment();
            return afsluiting == null && opschortingen.stream()
                    .anyMatch(o -> !o.van().isAfter(moment) && (o.tot() == null || o.tot().isAfter(moment)));
        }

        /** KLANTREIS-EN-KPI.md §4, with the running opschorting counted up to the peildatum. */
        private LocalDate beslissingUiterlijk(List<Opschorting> opschortingen) {
            ZaaktypeRegels regels = registratie.regels();
            Integer servicenorm = regels != null ? Integer.valueOf(regels.servicenormDagen())
                    : zaaktype.map(Zaaktype::servicenormDagen).orElse(null);
            if (registratie.opgegevenUiterlijkeEinddatum() == null && servicenorm == null) {
                return null;
            }
            LocalDate basis = UiterlijkeEinddatum.basis(registratie.geregistreerdOp(),
                    registratie.opgegevenUiterlijkeEinddatum(), servicenorm == null ? 0 : servicenorm);
            LocalDate peildatum = Tijd.datum(peiling.moment());
            if (afsluiting != null && Tijd.datum(afsluiting.afgeslotenOp()).isBefore(peildatum)) {
                peildatum = Tijd.datum(afsluiting.afgeslotenOp());
            }
            List<Integer> verlengingen = verlengingen().map(Zaakdossier.Verlenging::duurDagen).toList();
            return UiterlijkeEinddatum.bereken(basis, verlengingen, opschortingen, peildatum).datum();
        }

        /** The latest change this view shows, as {@link Peiling#gewijzigdOp} dates it: never after the peilmoment. */
        private Instant laatstGewijzigd() {
            List<Instant> gewijzigd = new ArrayList<>();
            gewijzigd.add(peiling.gewijzigdOp(registratie.geregistreerdOp(), registratie.bekendOp()));
            statussen.forEach(g -> gewijzigd.add(peiling.gewijzigdOp(g.status().datumStatusGezet(),
                    g.status().bekendOp())));
            tellende(dossier.opschortingen()).forEach(m -> gewijzigd.add(peiling.gewijzigdOp(m.op(), m.bekendOp())));
            tellende(dossier.hervattingen()).forEach(m -> gewijzigd.add(peiling.gewijzigdOp(m.op(), m.bekendOp())));
            verlengingen().forEach(v -> gewijzigd.add(peiling.gewijzigdOp(v.verlengdOp(), v.bekendOp())));
            eigenContacten().forEach(c -> gewijzigd.add(peiling.gewijzigdOp(c.plaatsgevondenOp(), c.bekendOp())));
            if (afsluiting != null) {
                gewijzigd.add(peiling.gewijzigdOp(afsluiting.afgeslotenOp(), afsluiting.bekendOp()));
            }
            return gewijzigd.stream().filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
        }
    }
}
