package com.acme.docs.web;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import javax.servlet.ServletException;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** Serves contract PDFs from the document share. */
@WebServlet(urlPatterns = {"/contracts/download", "/contracts/signed"})
public class FileDownloadServlet extends HttpServlet {

    private static final String CONTRACT_DIR = "/mnt/docs/contracts/";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        if (request.getServletPath().endsWith("/signed")) {
            sendSigned(request, response);
            return;
        }
        String name = request.getParameter("file");
        File contract = new File(CONTRACT_DIR + name);
        stream(new FileInputStream(contract), contract.getName(), response);
    }

    private void sendSigned(HttpServletRequest request, HttpServletResponse response) throws IOException {
        File base = new File(CONTRACT_DIR, "signed").getCanonicalFile();
        File requested = new File(base, request.getParameter("file")).getCanonicalFile();
        if (!requested.toPath().startsWith(base.toPath()) || !requested.isFile()) {
            response.sendError(404);
            return;
        }
        stream(new FileInputStream(requested), requested.getName(), response);
    }

    private static void stream(InputStream in, String filename, HttpServletResponse response)
            throws IOException {
        response.setContentType("application/pdf");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
        try (in) {
            in.transferTo(response.getOutputStream());
        }
    }
}
