package io.firebreak.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.StandardConstants;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;

import io.firebreak.support.FirebreakTest;

/**
 * TLS through a pinned connection: a real HTTPS server on 127.0.0.1 (a free port) with a
 * certificate for {@value #NAME} only, reached through the guard's scripted DNS. The client sends
 * the host name as SNI and verifies the certificate against it, not against the address it connected to.
 */
@FirebreakTest
class OutboundTlsTests {

    static final String NAME = "hooks.firebreak.test";
    static final char[] PASSWORD = "changeit".toCharArray();

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ChannelRepository channels;
    @TempDir
    Path dir;

    HttpsServer server;
    SSLContext clientTls;
    final List<String> sniNames = new CopyOnWriteArrayList<>();
    final List<String> hostHeaders = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        Path keystore = dir.resolve("hook.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "hook", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + NAME,
                "-ext", "SAN=dns:" + NAME, "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
        String out = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor()).as(out).isZero();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            keys.load(in, PASSWORD);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, PASSWORD);
        SSLContext serverTls = SSLContext.getInstance("TLS");
        serverTls.init(kmf.getKeyManagers(), null, null);

        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("hook", keys.getCertificate("hook"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trusted);
        clientTls = SSLContext.getInstance("TLS");
        clientTls.init(null, tmf.getTrustManagers(), null);

        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverTls) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters ssl = getSSLContext().getDefaultSSLParameters();
                ssl.setSNIMatchers(List.of(new SNIMatcher(StandardConstants.SNI_HOST_NAME) {
                    @Override
                    public boolean matches(SNIServerName name) {
                        sniNames.add(((SNIHostName) name).getAsciiName());
                        return true;
                    }
                }));
                params.setSSLParameters(ssl);
            }
        });
        server.createContext("/", exchange -> {
            hostHeaders.add(exchange.getRequestHeaders().getFirst("Host"));
            exchange.getRequestBody().readAllBytes();
            byte[] body = "{}".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(body);
            }
        });
        server.start();
        channels.addAllowEntry("127.0.0.1");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    /** A client whose DNS knows only {@code name}, at 127.0.0.1. */
    OutboundHttp client(String name) {
        UrlGuard guard = new UrlGuard(jdbc, host -> {
            if (!host.equals(name)) {
                throw new UnknownHostException(host);
            }
            return new InetAddress[] { InetAddress.getByName("127.0.0.1") };
        });
        return new OutboundHttp(guard, Duration.ofSeconds(2), Duration.ofSeconds(5), clientTls);
    }

    String url(String name) {
        return "https://" + name + ":" + server.getAddress().getPort() + "/hook";
    }

    @Test
    void thePinnedConnectionSendsTheHostNameAsSniAndVerifiesTheCertificateAgainstIt() {
        DeliveryResult r = client(NAME).postJson(url(NAME), "{}", Map.of());
        assertThat(r.outcome()).as(r.error()).isEqualTo(DeliveryResult.Outcome.SENT);
        assertThat(sniNames).containsExactly(NAME);
        assertThat(hostHeaders).containsExactly(NAME + ":" + server.getAddress().getPort());
    }

    @Test
    void aCertificateForAnotherNameIsRefusedAlthoughTheAddressIsTheSame() {
        DeliveryResult r = client("other.firebreak.test").postJson(url("other.firebreak.test"), "{}", Map.of());
        assertThat(r.outcome()).isEqualTo(DeliveryResult.Outcome.RETRY);
        assertThat(r.error()).startsWith("connection error").containsIgnoringCase("ssl");
        assertThat(hostHeaders).isEmpty();
    }
}
