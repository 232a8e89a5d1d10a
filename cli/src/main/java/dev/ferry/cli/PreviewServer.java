package dev.ferry.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code ferry preview --serve}: the page on {@code http://127.0.0.1:PORT/}, rendered again on every request (edit,
 * reload). Loopback only; a request whose Host is not this address (a DNS-rebinding page) is refused, and only
 * {@code GET /} is served.
 */
final class PreviewServer {

    private final HttpServer server;

    private PreviewServer(HttpServer server) {
        this.server = server;
    }

    static PreviewServer start(int port, Supplier<String> page) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        int bound = server.getAddress().getPort();
        Set<String> hosts = Set.of("127.0.0.1:" + bound, "localhost:" + bound);
        server.createContext("/", exchange -> {
            try (exchange) {
                String host = exchange.getRequestHeaders().getFirst("Host");
                if (host == null || !hosts.contains(host)) {
                    send(
                            exchange,
                            403,
                            "text/plain",
                            "ferry preview: only http://127.0.0.1:" + bound + "/ is served\n");
                } else if (!exchange.getRequestMethod().equals("GET")
                        || !exchange.getRequestURI().getPath().equals("/")) {
                    send(exchange, 404, "text/plain", "ferry preview: not found\n");
                } else {
                    send(exchange, 200, "text/html", page.get());
                }
            } catch (RuntimeException e) {
                send(
                        exchange,
                        500,
                        "text/plain",
                        "ferry preview: internal error (" + e.getClass().getSimpleName() + "); this is a Ferry bug\n");
            }
        });
        server.start();
        return new PreviewServer(server);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
