package nl.klantreis.oidcaanbieder;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.web.servlet.context.AnnotationConfigServletWebServerApplicationContext;

/**
 * A real OpenID Connect provider for the pages' login tests: Spring Authorization Server
 * ({@link Inrichting}), started in a JVM process of its own on a free port.
 *
 * <p>Why a process and not a context in the test JVM: the authorization server is Servlet-only and
 * needs a servlet container, and with Tomcat (or Jetty, Undertow) on the test classpath Spring Boot
 * would start the reactive engine on that container instead of Netty. So Tomcat stays off every
 * classpath of the module (dependency:copy puts it in {@code target/oidc-aanbieder}) and only this
 * process gets it, beside the test classpath. The process ends when its standard input closes: when
 * {@link #close()} closes it, or when the test JVM dies.
 *
 * <p>Use: {@code static final Oidcaanbieder aanbieder = Oidcaanbieder.start();} before the engine
 * (whose options need {@link #uitgever()} and {@link #jwksUrl()}), registered as an extension so it
 * stops with the class.
 */
public final class Oidcaanbieder implements AutoCloseable, AfterAllCallback {
    static final String KLAAR = "OIDC-AANBIEDER-KLAAR ";
    /** The engine's client at this provider, with its secret. */
    public static final String CLIENT_ID = "klantreis-paginas";
    public static final String CLIENT_GEHEIM = "paginageheim";
    /** Every test user's password (users: {@link Inrichting#GEBRUIKERS}). */
    public static final String WACHTWOORD = "geheim";

    private final Process proces;
    private final String uitgever;

    private Oidcaanbieder(Process proces, String uitgever) {
        this.proces = proces;
        this.uitgever = uitgever;
    }

    /** Starts the provider and waits (at most a minute) until it answers on its port. */
    public static Oidcaanbieder start() {
        Path tomcat = Path.of("target/oidc-aanbieder");
        List<String> klassen = new ArrayList<>();
        try (Stream<Path> jars = Files.list(tomcat)) {
            jars.filter(p -> p.toString().endsWith(".jar")).forEach(p -> klassen.add(p.toAbsolutePath().toString()));
        } catch (IOException e) {
            throw new IllegalStateException("geen Tomcat voor de OIDC-aanbieder in " + tomcat.toAbsolutePath()
                    + ": mvn zet hem daar in process-test-classes (dependency:copy); draai de test via mvn", e);
        }
        // Surefire hands its class path in this property (java.class.path is only its booter jar).
        klassen.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        Path javaProgramma = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = Path.of("target/oidc-aanbieder.log").toAbsolutePath();
        try {
            Process proces = new ProcessBuilder(javaProgramma.toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
                    "-cp", String.join(java.io.File.pathSeparator, klassen), Oidcaanbieder.class.getName())
                    .redirectErrorStream(true).start();
            Runtime.getRuntime().addShutdownHook(new Thread(proces::destroy, "oidc-aanbieder-stoppen"));
            CompletableFuture<Integer> poort = new CompletableFuture<>();
            Thread lezer = new Thread(() -> {
                try (BufferedReader uit = new BufferedReader(new InputStreamReader(proces.getInputStream(), StandardCharsets.UTF_8));
                     Writer naarLog = Files.newBufferedWriter(log)) {
                    for (String regel = uit.readLine(); regel != null; regel = uit.readLine()) {
                        if (regel.startsWith(KLAAR)) {
                            poort.complete(Integer.parseInt(regel.substring(KLAAR.length()).strip()));
                        }
                        naarLog.write(regel + "\n");
                        naarLog.flush();
                    }
                } catch (IOException e) {
                    poort.completeExceptionally(e);
                }
                poort.completeExceptionally(new IllegalStateException("de OIDC-aanbieder stopte; zie " + log));
            }, "oidc-aanbieder-uitvoer");
            lezer.setDaemon(true);
            lezer.start();
            return new Oidcaanbieder(proces, "http://localhost:" + poort.get(60, TimeUnit.SECONDS));
        } catch (Exception e) {
            throw new IllegalStateException("de OIDC-aanbieder start niet; zie " + log, e);
        }
    }

    /** The issuer, {@code http://localhost:<port>}: the engine's klantreis.beveiliging.issuer. */
    public String uitgever() {
        return uitgever;
    }

    /** The provider's keys: the engine's klantreis.beveiliging.jwks-url. */
    public String jwksUrl() {
        return uitgever + "/oauth2/jwks";
    }

    /** The engine's start options for an OIDC login at this provider, as client {@link #CLIENT_ID}. */
    public String[] engineopties() {
        return new String[] {
                "--klantreis.beveiliging.jwks-url=" + jwksUrl(),
                "--klantreis.beveiliging.issuer=" + uitgever,
                "--klantreis.beveiliging.audience=" + CLIENT_ID,
                "--klantreis.paginas.oidc.client-id=" + CLIENT_ID,
                "--klantreis.paginas.oidc.client-secret=" + CLIENT_GEHEIM};
    }

    @Override
    public void afterAll(ExtensionContext klasse) {
        close();
    }

    @Override
    public void close() {
        try {
            proces.getOutputStream().close();
            if (!proces.waitFor(10, TimeUnit.SECONDS)) {
                proces.destroy();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            proces.destroy();
        }
    }

    /** The provider process: the authorization server on a free port, until standard input closes. */
    public static void main(String[] argumenten) throws IOException {
        AnnotationConfigServletWebServerApplicationContext context =
                new AnnotationConfigServletWebServerApplicationContext(Inrichting.class);
        System.out.println(KLAAR + context.getWebServer().getPort());
        System.out.flush();
        while (System.in.read() >= 0) {
            // Nothing is sent; the end of the input is the signal to stop.
        }
        context.close();
        System.exit(0);
    }
}
