package nl.klantreis.api.benchmark;

import java.util.Locale;
import java.util.Map;

/** What the stack samplers ask of a sampled stack, and how they print what they counted. */
final class Stapels {
    private Stapels() {
    }

    /** {@code Klasse.methode}, without the package. */
    static String kort(StackTraceElement frame) {
        String klasse = frame.getClassName();
        return klasse.substring(klasse.lastIndexOf('.') + 1) + "." + frame.getMethodName();
    }

    /** The innermost frame of ours or Axon's, the code a wait or a library call was for. */
    static String eersteEigenFrame(StackTraceElement[] stapel) {
        for (StackTraceElement frame : stapel) {
            if (frame.getClassName().startsWith("nl.klantreis.") || frame.getClassName().startsWith("org.axonframework.")) {
                return kort(frame);
            }
        }
        return stapel.length == 0 ? "?" : stapel[0].getClassName();
    }

    /** Whether a frame's class contains {@code deel} or its method is named {@code deel}. */
    static boolean bevat(StackTraceElement[] stapel, String deel) {
        for (StackTraceElement frame : stapel) {
            if (frame.getClassName().contains(deel) || frame.getMethodName().equals(deel)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a frame's class ends with {@code klasse} and its method is {@code methode}. */
    static boolean bevat(StackTraceElement[] stapel, String klasse, String methode) {
        for (StackTraceElement frame : stapel) {
            if (frame.getClassName().endsWith(klasse) && frame.getMethodName().equals(methode)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the thread waits on PostgreSQL: the first frame below the JDK's socket code is the
     * driver ({@code driver}, a package prefix) reading the server's answer or sending it a statement.
     */
    static boolean wachtOpPostgres(StackTraceElement[] stapel, String driver) {
        for (StackTraceElement frame : stapel) {
            String klasse = frame.getClassName();
            if (klasse.startsWith("java.") || klasse.startsWith("sun.") || klasse.startsWith("jdk.")) {
                continue;
            }
            return klasse.startsWith(driver) && stapel[0].getClassName().matches(
                    "^(java\\.net\\.|sun\\.nio\\.ch\\.|java\\.io\\.|jdk\\.internal\\.|sun\\.security\\.).*");
        }
        return false;
    }

    /** The buckets other than {@code wacht}, largest first, down to half a percent of the busy samples. */
    static void drukAandelen(Map<String, Long> tellingen, String wacht, long bezig, String inspringing) {
        tellingen.entrySet().stream().filter(e -> !e.getKey().equals(wacht))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .filter(e -> e.getValue() * 200 >= bezig)
                .forEach(e -> System.out.printf(Locale.ROOT, "%s%5.1f%%  %s%n", inspringing, 100.0 * e.getValue() / bezig,
                        e.getKey()));
    }

    static long bezig(Map<String, Long> tellingen, String wacht) {
        return tellingen.entrySet().stream().filter(e -> !e.getKey().equals(wacht)).mapToLong(Map.Entry::getValue).sum();
    }

    /** The {@code hoeveel} most frequent frames with their sample counts, under {@code kop}. */
    static void drukFrames(String kop, Map<String, Long> frames, int hoeveel) {
        if (frames.isEmpty()) {
            return;
        }
        System.out.println(kop);
        frames.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(hoeveel)
                .forEach(e -> System.out.printf("      %,6d  %s%n", e.getValue(), e.getKey()));
    }
}
