package com.acme.hr.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.UUID;

/** Applicants upload their CV and cover letter here. */
@WebServlet(urlPatterns = {"/apply/cv", "/apply/letter"})
@MultipartConfig(maxFileSize = 10 * 1024 * 1024)
public class UploadServlet extends HttpServlet {

    private static final String INBOX = "/srv/hr/inbox";

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        Part upload = request.getPart("document");
        if (request.getServletPath().endsWith("/cv")) {
            File target = new File(INBOX, upload.getSubmittedFileName());
            upload.write(target.getAbsolutePath());
            response.setStatus(201);
            return;
        }
        Path submitted = Paths.get(upload.getSubmittedFileName()).getFileName();
        String stored = UUID.randomUUID() + "-" + submitted;
        upload.write(Paths.get(INBOX, "letters", stored).toString());
        response.setHeader("Location", "/apply/letter/" + stored);
        response.setStatus(201);
    }
}
