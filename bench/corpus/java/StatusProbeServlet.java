package com.acme.ops.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Map;

/** Dashboard tile that shows whether each backend answers its health check. */
@WebServlet(urlPatterns = {"/probe", "/probe/service"})
public class StatusProbeServlet extends HttpServlet {

    private static final Map<String, URI> SERVICES = Map.of(
            "billing", URI.create("http://billing.internal:8080/health"),
            "search", URI.create("http://search.internal:9200/_cluster/health"),
            "queue", URI.create("http://queue.internal:15672/api/health/checks/alarms"));

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        try {
            HttpResponse<String> reply;
            if (request.getServletPath().endsWith("/service")) {
                URI target = SERVICES.get(request.getParameter("name"));
                if (target == null) {
                    response.sendError(404);
                    return;
                }
                reply = client.send(HttpRequest.newBuilder(target).GET().build(), BodyHandlers.ofString());
            } else {
                String node = request.getHeader("X-Probe-Node");
                URI health = URI.create("http://" + node + ":8080/health");
                reply = client.send(HttpRequest.newBuilder(health).GET().build(), BodyHandlers.ofString());
            }
            response.setContentType("application/json");
            response.getWriter().printf("{\"status\":%d}", reply.statusCode());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            response.sendError(503);
        }
    }
}
