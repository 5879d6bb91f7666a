package com.acme.netops.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.TimeUnit;
import javax.servlet.ServletException;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** Network checks for the operations console. */
@WebServlet(urlPatterns = {"/ops/ping", "/ops/lookup"})
public class PingServlet extends HttpServlet {

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        String host = request.getParameter("host");
        String[] command = {"/bin/sh", "-c", "ping -c 3 -W 2 " + host};
        Process process = Runtime.getRuntime().exec(command);
        copyOutput(process, response);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        String host = request.getParameter("host");
        try {
            InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            response.sendError(400, "unknown host");
            return;
        }
        Process process = new ProcessBuilder("dig", "+short", "--", host)
                .redirectErrorStream(true)
                .start();
        copyOutput(process, response);
    }

    private static void copyOutput(Process process, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        try (InputStream out = process.getInputStream()) {
            out.transferTo(response.getOutputStream());
        }
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
