package com.acme.media.web;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.servlet.ServletException;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** Converts stored recordings to the format a client asks for. */
@WebServlet("/media/convert")
public class ConvertServlet extends HttpServlet {

    private static final File MEDIA_DIR = new File("/var/media");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        List<String> options = new ArrayList<>();
        options.add(request.getHeader("X-Target-Codec"));
        options.add("libmp3lame");
        String codec = options.get(0);
        String recording = Long.toString(Long.parseLong(request.getParameter("id")));
        String cmd = "ffmpeg -y -i " + recording + ".wav -acodec " + codec + " " + recording + ".out";
        Runtime.getRuntime().exec(new String[] {"sh", "-c", cmd}, null, MEDIA_DIR);
        response.setStatus(202);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        List<String> options = new ArrayList<>();
        options.add(request.getHeader("X-Target-Codec"));
        options.add("libmp3lame");
        String codec = options.get(1);
        String recording = Long.toString(Long.parseLong(request.getParameter("id")));
        String cmd = "ffmpeg -y -i " + recording + ".wav -acodec " + codec + " " + recording + ".mp3";
        Runtime.getRuntime().exec(new String[] {"sh", "-c", cmd}, null, MEDIA_DIR);
        response.setStatus(202);
    }
}
