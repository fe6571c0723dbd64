package io.firebreak.notification.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

import javax.net.ssl.SSLContext;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.BasicHttpClientConnectionManager;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.config.Lookup;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.ssl.SSLContexts;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Posts JSON to a guarded URL with connect and read timeouts and turns the answer into a
 * {@link DeliveryResult}: 2xx judged (by default sent), 5xx/429/408/timeouts/connection errors
 * retried, anything else failed. Redirects are never followed (a redirect could lead to an internal
 * address).
 *
 * <p>The connection is pinned to the checked addresses: the client's DNS resolver is
 * {@link UrlGuard#checkedAddresses}, so the name is resolved once, at connect time, every address
 * is checked, and the socket connects only to those addresses (a refusal fails the message like a
 * refused URL). TLS still uses the host name for SNI and certificate verification, since the
 * client connects to the host name's route and only its address lookup is replaced. Each send
 * opens its own connection (nothing is pooled or reused), so every send is checked again.
 */
@Component
public class OutboundHttp {

    static final int EXCERPT = 500;
    /** At most this much of an answer is read; only an excerpt is kept anyway. */
    private static final int MAX_READ = 64 * 1024;

    private final UrlGuard guard;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Lookup<TlsSocketStrategy> tls;

    @Autowired
    OutboundHttp(UrlGuard guard, @Value("${firebreak.notification.connect-timeout:PT5S}") Duration connectTimeout,
            @Value("${firebreak.notification.read-timeout:PT10S}") Duration readTimeout) {
        this(guard, connectTimeout, readTimeout, SSLContexts.createDefault());
    }

    /**
     * With the trust of {@code sslContext} (the JVM's default trust store in the application; tests
     * trust their own certificate). The host name is verified by JSSE against the URL's host.
     */
    OutboundHttp(UrlGuard guard, Duration connectTimeout, Duration readTimeout, SSLContext sslContext) {
        this.guard = guard;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.tls = RegistryBuilder.<TlsSocketStrategy>create().register("https",
                new DefaultClientTlsStrategy(sslContext, HostnameVerificationPolicy.BUILTIN, null)).build();
    }

    /** The answer of a successful exchange, for channels that must look into a 200 body. */
    public record Answer(int status, String body) {
    }

    /** Sends {@code json} to {@code url}; a 2xx answer is then judged by {@code judge}. */
    public DeliveryResult postJson(String url, String json, Map<String, String> headers,
            Function<Answer, DeliveryResult> judge) {
        URI uri;
        try {
            uri = guard.parse(url);
        } catch (UrlGuard.RefusedUrlException e) {
            return DeliveryResult.failed(null, null, "URL refused: " + e.getMessage());
        }
        HttpPost post = new HttpPost(uri);
        post.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON.withCharset(StandardCharsets.UTF_8)));
        headers.forEach(post::setHeader);
        try (CloseableHttpClient client = client(uri.getScheme())) {
            return client.execute(post, response -> judge(response, judge));
        } catch (UnknownHostException e) {
            // From the pinned resolver: the host does not resolve, or an address it resolves to is refused.
            return DeliveryResult.failed(null, null, "URL refused: " + e.getMessage());
        } catch (InterruptedIOException e) {
            return DeliveryResult.retry(null, null, "timeout: " + e.getMessage());
        } catch (IOException e) {
            return DeliveryResult.retry(null, null, "connection error: " + e);
        }
    }

    /** Judges a plain 2xx as delivered. */
    public DeliveryResult postJson(String url, String json, Map<String, String> headers) {
        return postJson(url, json, headers, a -> DeliveryResult.sent(a.status(), a.body()));
    }

    private static DeliveryResult judge(ClassicHttpResponse response, Function<Answer, DeliveryResult> judge)
            throws IOException {
        int status = response.getCode();
        String body = null;
        if (response.getEntity() != null) {
            try (InputStream in = response.getEntity().getContent()) {
                body = excerpt(new String(in.readNBytes(MAX_READ), StandardCharsets.UTF_8));
            }
        }
        if (status >= 200 && status < 300) {
            return judge.apply(new Answer(status, body));
        }
        if (status >= 500 || status == 429 || status == 408) {
            return DeliveryResult.retry(status, body, "HTTP " + status);
        }
        return DeliveryResult.failed(status, body, "HTTP " + status);
    }

    /** A client for one send: no proxy, no redirects, no automatic retries, no reuse, the guard as DNS. */
    private CloseableHttpClient client(String scheme) {
        BasicHttpClientConnectionManager connections = BasicHttpClientConnectionManager.create(null,
                new PinnedResolver(guard, scheme), tls, null);
        connections.setConnectionConfig(ConnectionConfig.custom().setConnectTimeout(Timeout.of(connectTimeout))
                .setSocketTimeout(Timeout.of(readTimeout)).build());
        connections.setSocketConfig(SocketConfig.custom().setSoTimeout(Timeout.of(readTimeout)).build());
        return HttpClients.custom().setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(readTimeout)).build())
                .setConnectionReuseStrategy((request, response, context) -> false)
                .disableRedirectHandling().disableAutomaticRetries().disableCookieManagement()
                .setUserAgent("Firebreak").build();
    }

    /**
     * The client's DNS: the guard's lookup and check. A refusal becomes an {@link UnknownHostException}
     * carrying the reason, so the client gives up on the host without trying any address.
     */
    private record PinnedResolver(UrlGuard guard, String scheme) implements DnsResolver {

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            try {
                return guard.checkedAddresses(scheme, host);
            } catch (UrlGuard.RefusedUrlException e) {
                throw new UnknownHostException(e.getMessage());
            } catch (UnknownHostException e) {
                throw new UnknownHostException("host " + host + " does not resolve");
            }
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            // Used only for Kerberos-style authentication, which these requests never do.
            return host;
        }
    }

    static String excerpt(String s) {
        if (s == null) {
            return null;
        }
        return s.length() <= EXCERPT ? s : s.substring(0, EXCERPT) + "…";
    }
}
