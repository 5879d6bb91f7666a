package com.acme.cms.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Set;
import javax.servlet.ServletException;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** Proxies images embedded in articles so readers' browsers never contact third parties. */
@WebServlet(urlPatterns = {"/img/proxy", "/img/cdn"})
public class ImageProxyServlet extends HttpServlet {

    private static final Set<String> CDN_HOSTS = Set.of("images.acme-cdn.net", "static.acme-cdn.net");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        String src = request.getParameter("src");
        if (request.getServletPath().endsWith("/cdn")) {
            URL image = new URL(src);
            if (!"https".equals(image.getProtocol()) || !CDN_HOSTS.contains(image.getHost())) {
                response.sendError(403);
                return;
            }
            copy(image.openStream(), response);
            return;
        }
        copy(new URL(src).openStream(), response);
    }

    private static void copy(InputStream in, HttpServletResponse response) throws IOException {
        response.setContentType("image/*");
        response.setHeader("Cache-Control", "public, max-age=86400");
        try (in) {
            in.transferTo(response.getOutputStream());
        }
    }
}
