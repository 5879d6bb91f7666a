package com.acme.catalog.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;

import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

public class CatalogXmlImporter {

    private static final Pattern SKU = Pattern.compile("[A-Z0-9-]{3,24}");

    private final XPath xpath = XPathFactory.newInstance().newXPath();

    public Document parseSupplierFeed(InputStream upload)
            throws ParserConfigurationException, IOException, SAXException {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        DocumentBuilder builder = dbf.newDocumentBuilder();
        return builder.parse(upload);
    }

    public Document parseHardened(InputStream upload)
            throws ParserConfigurationException, IOException, SAXException {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        dbf.setXIncludeAware(false);
        dbf.setExpandEntityReferences(false);
        return dbf.newDocumentBuilder().parse(upload);
    }

    public void streamPrices(InputStream upload, DefaultHandler handler)
            throws ParserConfigurationException, SAXException, IOException {
        SAXParser parser = SAXParserFactory.newInstance().newSAXParser();
        parser.parse(upload, handler);
    }

    public void streamPricesSafely(InputStream upload, DefaultHandler handler)
            throws ParserConfigurationException, SAXException, IOException {
        SAXParserFactory spf = SAXParserFactory.newInstance();
        spf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        spf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        spf.newSAXParser().parse(upload, handler);
    }

    public int countItems(InputStream upload) throws XMLStreamException {
        XMLInputFactory xif = XMLInputFactory.newInstance();
        XMLStreamReader reader = xif.createXMLStreamReader(upload);
        int items = 0;
        while (reader.hasNext()) {
            if (reader.next() == XMLStreamReader.START_ELEMENT && "item".equals(reader.getLocalName())) {
                items++;
            }
        }
        return items;
    }

    public XMLStreamReader openStream(InputStream upload) throws XMLStreamException {
        XMLInputFactory xif = XMLInputFactory.newInstance();
        xif.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        xif.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return xif.createXMLStreamReader(upload);
    }

    public NodeList findBySku(Document catalog, String sku) throws XPathExpressionException {
        String expr = "/catalog/product[@sku='" + sku + "']";
        return (NodeList) xpath.evaluate(expr, catalog, XPathConstants.NODESET);
    }

    public NodeList findBySkuChecked(Document catalog, String sku) throws XPathExpressionException {
        if (!SKU.matcher(sku).matches()) {
            throw new IllegalArgumentException("bad sku");
        }
        return (NodeList) xpath.evaluate("/catalog/product[@sku='" + sku + "']", catalog, XPathConstants.NODESET);
    }

    public String supplierName(Document catalog, int supplierIndex) throws XPathExpressionException {
        return xpath.compile("/catalog/supplier[" + supplierIndex + "]/name").evaluate(catalog);
    }

    public String categoryTitle(Document catalog, String category) throws XPathExpressionException {
        return xpath.evaluate("//category[@code=\"" + category + "\"]/title", catalog);
    }

    public Object restoreSnapshot(InputStream snapshot) throws IOException, ClassNotFoundException {
        try (ObjectInputStream ois = new ObjectInputStream(snapshot)) {
            return ois.readObject();
        }
    }
}
