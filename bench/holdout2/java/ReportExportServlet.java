package com.acme.reports.web;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Set;

import javax.servlet.ServletException;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.apache.commons.io.FilenameUtils;

@WebServlet("/reports/*")
public class ReportExportServlet extends HttpServlet {

    private static final String REPORT_DIR = "/var/acme/reports";
    private static final Path REPORT_ROOT = Paths.get(REPORT_DIR).toAbsolutePath().normalize();
    private static final Set<String> FORMATS = Set.of("pdf", "csv", "xlsx");

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp)
            throws ServletException, IOException {
        String action = req.getParameter("action");
        if ("download".equals(action)) {
            download(req, resp);
        } else if ("preview".equals(action)) {
            preview(req, resp);
        } else if ("thumb".equals(action)) {
            thumbnail(req, resp);
        } else {
            resp.sendError(HttpServletResponse.SC_BAD_REQUEST);
        }
    }

    private void download(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String name = req.getParameter("name");
        File report = new File(REPORT_DIR, name);
        try (InputStream in = new FileInputStream(report); OutputStream out = resp.getOutputStream()) {
            in.transferTo(out);
        }
    }

    private void preview(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Path requested = REPORT_ROOT.resolve(req.getParameter("name")).normalize();
        if (!requested.startsWith(REPORT_ROOT)) {
            resp.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        Files.copy(requested, resp.getOutputStream());
    }

    private void thumbnail(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String baseName = FilenameUtils.getName(req.getParameter("name"));
        Path thumb = Paths.get(REPORT_DIR, "thumbs", baseName + ".png");
        Files.copy(thumb, resp.getOutputStream());
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp)
            throws ServletException, IOException {
        String reportId = req.getParameter("id");
        String format = req.getParameter("format");
        if (req.getPathInfo().endsWith("/merge")) {
            Process p = Runtime.getRuntime().exec("pdfunite " + REPORT_DIR + "/" + reportId + "-*.pdf /tmp/merged.pdf");
            waitQuietly(p);
        } else if (req.getPathInfo().endsWith("/bundle")) {
            String label = req.getParameter("label");
            ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", "zip -qr /tmp/" + label + ".zip " + REPORT_DIR);
            waitQuietly(pb.start());
        } else if (FORMATS.contains(format)) {
            ProcessBuilder pb = new ProcessBuilder("report-render", "--format", format, "--id", "42");
            pb.directory(new File(REPORT_DIR));
            waitQuietly(pb.start());
        } else {
            resp.sendError(HttpServletResponse.SC_BAD_REQUEST, "unknown format");
        }
    }

    private static void waitQuietly(Process p) {
        try {
            p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
