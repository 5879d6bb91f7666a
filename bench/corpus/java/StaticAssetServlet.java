package com.acme.web.assets;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import javax.servlet.ServletException;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** Serves bundled JS and CSS with strong ETags so browsers revalidate cheaply. */
@WebServlet("/assets/*")
public class StaticAssetServlet extends HttpServlet {

    private static final Pattern ASSET_NAME = Pattern.compile("[A-Za-z0-9_-]+(\\.min)?\\.(js|css)");

    private final ConcurrentHashMap<String, byte[]> cache = new ConcurrentHashMap<>();

    private byte[] load(String name) throws IOException {
        if (!ASSET_NAME.matcher(name).matches()) {
            return null;
        }
        try (InputStream in = getServletContext().getResourceAsStream("/WEB-INF/assets/" + name)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    private static String etag(byte[] body) {
        try {
            return '"' + HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body)) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        String name = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        byte[] body = cache.get(name);
        if (body == null) {
            body = load(name);
            if (body == null) {
                response.sendError(404);
                return;
            }
            cache.put(name, body);
        }
        String tag = etag(body);
        if (tag.equals(request.getHeader("If-None-Match"))) {
            response.setStatus(304);
            return;
        }
        response.setHeader("ETag", tag);
        response.setContentType(name.endsWith(".css") ? "text/css" : "application/javascript");
        response.getOutputStream().write(body);
    }
}
