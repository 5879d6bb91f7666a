package com.acme.erp.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.SAXException;

/** Accepts supplier invoices as XML uploads and totals their lines. */
@WebServlet(urlPatterns = {"/invoices/upload", "/invoices/upload-v2"})
@MultipartConfig
public class InvoiceUploadServlet extends HttpServlet {

    private static void parseV1(InputStream in, InvoiceTotals totals)
            throws ParserConfigurationException, SAXException, IOException {
        SAXParserFactory factory = SAXParserFactory.newInstance();
        factory.setValidating(false);
        factory.newSAXParser().parse(in, totals);
    }

    private static void parseV2(InputStream in, InvoiceTotals totals)
            throws ParserConfigurationException, SAXException, IOException {
        SAXParserFactory factory = SAXParserFactory.newInstance();
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.newSAXParser().parse(in, totals);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        InvoiceTotals totals = new InvoiceTotals();
        try (InputStream in = request.getPart("invoice").getInputStream()) {
            if (request.getServletPath().endsWith("-v2")) {
                parseV2(in, totals);
            } else {
                parseV1(in, totals);
            }
        } catch (ParserConfigurationException | SAXException e) {
            response.sendError(400, "not a valid invoice");
            return;
        }
        response.setContentType("application/json");
        response.getWriter().printf("{\"lines\":%d,\"total\":\"%s\"}", totals.lines(), totals.total());
    }
}
