package com.acme.erp.web;

import java.io.IOException;
import javax.servlet.ServletException;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/** Receives purchase orders from suppliers' EDI gateways. */
@WebServlet(urlPatterns = {"/edi/purchase-orders", "/edi/dispatch-notes"})
public class XmlImportServlet extends HttpServlet {

    private final PurchaseOrderImporter importer = new PurchaseOrderImporter();

    private static DocumentBuilder hardenedBuilder() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder();
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        try {
            Document document;
            if (request.getServletPath().endsWith("/dispatch-notes")) {
                document = hardenedBuilder().parse(request.getInputStream());
            } else {
                DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                factory.setNamespaceAware(true);
                document = factory.newDocumentBuilder().parse(request.getInputStream());
            }
            int lines = importer.importDocument(document);
            response.setContentType("application/json");
            response.getWriter().printf("{\"lines\":%d}", lines);
        } catch (ParserConfigurationException | SAXException e) {
            response.sendError(400, "malformed document");
        }
    }
}
