package nl.klantreis.simulatie;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.klantreis.infrastructuur.referentie.Referentiegegevens;

/**
 * A simulated municipality: klanten with zaken and klantcontacten across all kanalen, sent in
 * as the CloudEvents of the ingestion contract (EVENTS.md), for load tests, demos and replay
 * checks.
 *
 * <pre>{@code
 * Simulatie.metSeed(42).klanten(10_000).metFouten(true).berichten().forEach(...)
 * }</pre>
 *
 * <p><b>Deterministic</b>: the same seed and settings give the same messages, byte for byte.
 * Every klant draws from a random stream of his own, seeded from the seed and his index, so
 * nothing depends on threads or on the order in which klanten are made.
 *
 * <p><b>Lazy</b>: {@link #berichten()} makes klant after klant while the stream is read;
 * memory does not grow with the number of klanten.
 *
 * <p><b>Valid</b>: every message passes the engine's keuring and is accepted by its domain
 * (statussen and resultaten of the zaak's own zaaktype, opschorting and verlenging only where
 * allowed); nothing lies after {@link #nu()}, a month after the period. With {@link #metFouten(boolean)} the stream also has
 * the faults real systems make: resends, statuses before their zaak, late contacts.
 *
 * <p>Instances are immutable; every setting returns a new one.
 */
public final class Simulatie {
    public static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    /**
     * The period of {@link #metSeed}, fixed so that a library caller (and a test) gets the same
     * messages on any day; the {@code simuleer} command defaults to {@link #standaardPeriode} instead.
     */
    public static final LocalDate STANDAARD_VAN = LocalDate.of(2025, 1, 1);
    public static final LocalDate STANDAARD_TOT = LocalDate.of(2026, 10, 1);
    /** How far the simulated "now" lies after the period: what follows a zaak runs on that long. */
    public static final int MAANDEN_NA_PERIODE = 1;
    /** The length of {@link #standaardPeriode}, as long as the fixed one of {@link #metSeed}. */
    public static final int MAANDEN_STANDAARDPERIODE = 21;
    public static final int STANDAARD_KLANTEN = 1_000;
    /** The most klanten one seed can give distinct BSNs and KVK numbers. */
    public static final int MEESTE_KLANTEN = Identificaties.MEESTE_KLANTEN;

    /** Salts that separate a klant's own random stream from the one that injects faults. */
    private static final long ZOUT_KLANT = 0x4B4C414E54L;
    private static final long ZOUT_STORING = 0x53544F52L;

    private final long seed;
    private final int klanten;
    private final LocalDate van;
    private final LocalDate tot;
    private final boolean fouten;
    private final Referentiegegevens referentie;

    private Simulatie(long seed, int klanten, LocalDate van, LocalDate tot, boolean fouten,
                      Referentiegegevens referentie) {
        this.seed = seed;
        this.klanten = klanten;
        this.van = van;
        this.tot = tot;
        this.fouten = fouten;
        this.referentie = referentie;
    }

    /** {@value #STANDAARD_KLANTEN} klanten, zaken registered from 2025-01-01 to 2026-10-01, no faults. */
    public static Simulatie metSeed(long seed) {
        return new Simulatie(seed, STANDAARD_KLANTEN, STANDAARD_VAN, STANDAARD_TOT, false, null);
    }

    /** How many klanten (identified ones; anonymous contacts come on top), at most {@link #MEESTE_KLANTEN}. */
    public Simulatie klanten(int aantal) {
        if (aantal < 0 || aantal > MEESTE_KLANTEN) {
            throw new IllegalArgumentException("aantal klanten moet tussen 0 en " + MEESTE_KLANTEN + " liggen");
        }
        return new Simulatie(seed, aantal, van, tot, fouten, referentie);
    }

    /**
     * The days on which zaken are registered and contacts happen, {@code [van, tot)}; what
     * follows a zaak (statussen, afsluiting) may run on to {@link #nu()}, never beyond. Whether
     * that lies in the past is the caller's to check ({@link #voorbijOp}): the simulation reads no
     * clock, so the same period gives the same messages on any day.
     */
    public Simulatie periode(LocalDate van, LocalDate tot) {
        Objects.requireNonNull(van, "van");
        Objects.requireNonNull(tot, "tot");
        if (!van.isBefore(tot)) {
            throw new IllegalArgumentException("van moet voor tot liggen");
        }
        if (van.getYear() < 1900 || tot.getYear() > 9999) {
            throw new IllegalArgumentException("de periode moet in de jaren 1900 tot en met 9999 liggen");
        }
        return new Simulatie(seed, klanten, van, tot, fouten, referentie);
    }

    /** The simulated "now", {@value #MAANDEN_NA_PERIODE} month after the period: nothing happens or is logged after it. */
    public Instant nu() {
        return nu(tot);
    }

    private static Instant nu(LocalDate tot) {
        return tot.plusMonths(MAANDEN_NA_PERIODE).atStartOfDay(AMSTERDAM).toInstant();
    }

    /** A period of days, {@code [van, tot)}. */
    public record Periode(LocalDate van, LocalDate tot) {
    }

    /**
     * The default period of the {@code simuleer} command on a given day: the
     * {@value #MAANDEN_STANDAARDPERIODE} months up to the first day of last month, so that the
     * simulated "now" is the first of this month and every message lies in the past, as the
     * engine requires.
     */
    public static Periode standaardPeriode(LocalDate vandaag) {
        LocalDate tot = vandaag.withDayOfMonth(1).minusMonths(MAANDEN_NA_PERIODE);
        return new Periode(tot.minusMonths(MAANDEN_STANDAARDPERIODE), tot);
    }

    /** Whether a simulation ending at {@code tot} lies wholly before {@code vandaag} (its "now" included). */
    public static boolean voorbijOp(LocalDate tot, LocalDate vandaag) {
        return !nu(tot).isAfter(vandaag.atStartOfDay(AMSTERDAM).toInstant());
    }

    /** Also the faults of real systems: about 2% resends, statuses before their zaak, late contacts. */
    public Simulatie metFouten(boolean fouten) {
        return new Simulatie(seed, klanten, van, tot, fouten, referentie);
    }

    /** Other reference data than the shipped kanalen and zaaktypen. */
    public Simulatie metReferentie(Referentiegegevens referentie) {
        return new Simulatie(seed, klanten, van, tot, fouten, Objects.requireNonNull(referentie, "referentie"));
    }

    public long seed() {
        return seed;
    }

    public int klanten() {
        return klanten;
    }

    /**
     * The messages, klant by klant, each a complete CloudEvent in structured mode. Without
     * faults a klant's messages come in the order their systems logged them. Each call starts
     * afresh; the nodes are new and the caller may change them.
     */
    public Stream<ObjectNode> berichten() {
        Opzet opzet = new Opzet(seed, van, tot, nu(),
                referentie != null ? referentie : Referentiegegevens.laadStandaard());
        Iterator<ObjectNode> stroom = new Stroom(opzet);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(stroom,
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /** The messages in an order of their own, the same for the same seed: a delivery in any order. */
    public static Stream<ObjectNode> geschud(List<ObjectNode> berichten, long seed) {
        List<ObjectNode> kopie = new ArrayList<>(berichten);
        SplittableRandom rng = new SplittableRandom(Identificaties.meng(seed));
        for (int i = kopie.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            ObjectNode t = kopie.get(i);
            kopie.set(i, kopie.get(j));
            kopie.set(j, t);
        }
        return kopie.stream();
    }

    /** Writes the messages as NDJSON (one CloudEvent a line, UTF-8); returns how many. */
    public long schrijfNdjson(OutputStream uit) throws IOException {
        ObjectWriter schrijver = new ObjectMapper().writer();
        long aantal = 0;
        Iterator<ObjectNode> berichten = berichten().iterator();
        while (berichten.hasNext()) {
            uit.write(schrijver.writeValueAsBytes(berichten.next()));
            uit.write('\n');
            aantal++;
        }
        uit.flush();
        return aantal;
    }

    /**
     * {@code --klanten N --seed S --uit pad [--fouten] [--van JJJJ-MM-DD --tot JJJJ-MM-DD]}:
     * writes the simulation as NDJSON to {@code pad}.
     */
    public static void main(String[] args) {
        Integer klanten = null;
        Long seed = null;
        Path uit = null;
        boolean fouten = false;
        Periode standaard = standaardPeriode(LocalDate.now(AMSTERDAM));
        LocalDate van = standaard.van();
        LocalDate tot = standaard.tot();
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--klanten" -> klanten = Integer.parseInt(waarde(args, ++i));
                    case "--seed" -> seed = Long.parseLong(waarde(args, ++i));
                    case "--uit" -> uit = Path.of(waarde(args, ++i));
                    case "--fouten" -> fouten = true;
                    case "--van" -> van = LocalDate.parse(waarde(args, ++i));
                    case "--tot" -> tot = LocalDate.parse(waarde(args, ++i));
                    default -> throw new IllegalArgumentException("onbekende optie " + args[i]);
                }
            }
            if (klanten == null || seed == null || uit == null) {
                throw new IllegalArgumentException("--klanten, --seed en --uit zijn verplicht");
            }
            if (!voorbijOp(tot, LocalDate.now(AMSTERDAM))) {
                throw new IllegalArgumentException("--tot ligt te laat: de simulatie loopt tot een maand na --tot, "
                        + "en de engine neemt geen berichten uit de toekomst aan");
            }
        } catch (RuntimeException e) {
            System.err.println("simuleer: " + e.getMessage());
            System.err.println("gebruik: --klanten N --seed S --uit pad [--fouten] [--van JJJJ-MM-DD --tot JJJJ-MM-DD]");
            System.exit(2);
            return;
        }
        Simulatie simulatie = metSeed(seed).klanten(klanten).periode(van, tot).metFouten(fouten);
        try {
            if (uit.toAbsolutePath().getParent() != null) {
                Files.createDirectories(uit.toAbsolutePath().getParent());
            }
            try (OutputStream stroom = new BufferedOutputStream(Files.newOutputStream(uit), 1 << 16)) {
                long aantal = simulatie.schrijfNdjson(stroom);
                System.out.println(aantal + " berichten van " + klanten + " klanten (seed " + seed
                        + (fouten ? ", met fouten" : "") + ") geschreven naar " + uit);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("kon niet schrijven naar " + uit, e);
        }
    }

    private static String waarde(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " mist een waarde");
        }
        return args[i];
    }

    /** Klant after klant; with faults, also the messages that travel past their own klant. */
    private final class Stroom implements Iterator<ObjectNode> {
        private final Opzet opzet;
        private final Storingen storingen;
        private final ArrayDeque<ObjectNode> klaar = new ArrayDeque<>();
        private int volgende;
        private boolean restGedaan;

        Stroom(Opzet opzet) {
            this.opzet = opzet;
            this.storingen = fouten ? new Storingen(opzet.nu) : null;
        }

        @Override
        public boolean hasNext() {
            while (klaar.isEmpty()) {
                if (volgende < klanten) {
                    maak(volgende++);
                } else if (storingen != null && !restGedaan) {
                    restGedaan = true;
                    storingen.rest(klaar);
                } else {
                    return false;
                }
            }
            return true;
        }

        @Override
        public ObjectNode next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return klaar.poll();
        }

        private void maak(int index) {
            SplittableRandom rng = new SplittableRandom(Identificaties.klantzaad(seed, index, ZOUT_KLANT));
            List<Klantverloop.Verzonden> berichten = new Klantverloop(opzet, index, rng).genereer();
            if (storingen == null) {
                berichten.forEach(v -> klaar.add(v.bericht()));
            } else {
                SplittableRandom storing = new SplittableRandom(Identificaties.klantzaad(seed, index, ZOUT_STORING));
                storingen.pasToe(berichten, index, storing, klaar);
            }
        }
    }
}
