package com.acme.docs;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Set;

import javax.servlet.annotation.WebServlet;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;

@WebServlet("/docs/*")
public class DocumentServlet extends HttpServlet {

    private static final Path DOC_ROOT = Paths.get("/srv/docs").toAbsolutePath().normalize();
    private static final Set<String> FORMATS = Set.of("pdf", "docx", "odt");

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String action = req.getParameter("action");
        if ("raw".equals(action)) {
            File file = new File(DOC_ROOT.toFile(), req.getParameter("name"));
            Files.copy(file.toPath(), resp.getOutputStream());
        } else if ("safe".equals(action)) {
            Path target = DOC_ROOT.resolve(req.getParameter("name")).normalize();
            if (!target.startsWith(DOC_ROOT)) {
                resp.sendError(HttpServletResponse.SC_FORBIDDEN);
                return;
            }
            Files.copy(target, resp.getOutputStream());
        } else if ("thumb".equals(action)) {
            String name = new File(req.getParameter("name")).getName();
            Files.copy(DOC_ROOT.resolve("thumbs").resolve(name), resp.getOutputStream());
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String doc = req.getParameter("doc");
        String format = req.getParameter("format");
        if ("convert".equals(req.getParameter("action"))) {
            Runtime.getRuntime().exec("soffice --headless --convert-to " + format + " " + DOC_ROOT.resolve(doc));
        } else if ("convert-safe".equals(req.getParameter("action"))) {
            if (!FORMATS.contains(format)) {
                resp.sendError(HttpServletResponse.SC_BAD_REQUEST);
                return;
            }
            new ProcessBuilder("soffice", "--headless", "--convert-to", format, DOC_ROOT.resolve(new File(doc).getName()).toString()).start();
        } else if ("wc".equals(req.getParameter("action"))) {
            new ProcessBuilder("/bin/sh", "-c", "wc -w " + doc).start();
        }

        HttpSession session = req.getSession();
        session.setAttribute("workspace", req.getParameter("workspace"));
        String view = req.getParameter("view");
        session.setAttribute("view", "grid".equals(view) ? "grid" : "list");

        Cookie last = new Cookie("last_doc_token", req.getSession().getId());
        last.setPath("/docs");
        resp.addCookie(last);

        Cookie hardened = new Cookie("doc_session", session.getId());
        hardened.setSecure(true);
        hardened.setHttpOnly(true);
        resp.addCookie(hardened);
    }
}
