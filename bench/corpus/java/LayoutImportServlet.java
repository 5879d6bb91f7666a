package com.acme.dashboards.web;

import java.beans.XMLDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.util.List;
import javax.servlet.ServletException;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** Imports dashboard layouts exported from another installation. */
@WebServlet(urlPatterns = {"/dashboards/import", "/dashboards/defaults"})
public class LayoutImportServlet extends HttpServlet {

    private static final String DEFAULT_LAYOUTS = "/com/acme/dashboards/default-layouts.ser";

    private final DashboardStore store = DashboardStore.instance();

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        try (XMLDecoder decoder = new XMLDecoder(request.getInputStream())) {
            DashboardLayout layout = (DashboardLayout) decoder.readObject();
            store.save(request.getRemoteUser(), layout);
        }
        response.setStatus(201);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        // The defaults ship inside the application jar.
        try (InputStream bundled = LayoutImportServlet.class.getResourceAsStream(DEFAULT_LAYOUTS);
                ObjectInputStream in = new ObjectInputStream(bundled)) {
            @SuppressWarnings("unchecked")
            List<DashboardLayout> defaults = (List<DashboardLayout>) in.readObject();
            store.installDefaults(request.getRemoteUser(), defaults);
        } catch (ClassNotFoundException e) {
            throw new ServletException("default layouts are out of date", e);
        }
        response.setStatus(204);
    }
}
