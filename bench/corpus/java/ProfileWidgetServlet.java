package com.acme.portal.web;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import javax.servlet.ServletException;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** Small embeddable profile widget for partner sites. */
@WebServlet(urlPatterns = {"/widget/profile", "/widget/status"})
public class ProfileWidgetServlet extends HttpServlet {

    private static Map<String, String> widgetFields(HttpServletRequest request) {
        Map<String, String> fields = new HashMap<>();
        fields.put("displayName", request.getParameter("name"));
        fields.put("theme", "light");
        fields.put("statusText", "Available");
        return fields;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        Map<String, String> fields = widgetFields(request);
        response.setContentType("text/html;charset=UTF-8");
        if (request.getServletPath().endsWith("/status")) {
            String status = fields.get("statusText");
            response.getWriter().write("<span class=\"status\">" + status + "</span>");
            return;
        }
        String name = fields.get("displayName");
        StringBuilder html = new StringBuilder("<div class=\"widget ")
                .append(fields.get("theme"))
                .append("\"><span class=\"name\">")
                .append(name)
                .append("</span></div>");
        response.getWriter().write(html.toString());
    }
}
