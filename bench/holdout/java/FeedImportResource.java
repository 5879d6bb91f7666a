package com.acme.feeds;

import java.io.InputStream;
import java.io.StringReader;

import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamReader;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.helpers.DefaultHandler;

@Path("/feeds")
public class FeedImportResource {

    @POST
    @Path("/suppliers")
    @Consumes(MediaType.APPLICATION_XML)
    public int importSuppliers(InputStream body) throws Exception {
        DocumentBuilder builder = DocumentBuilderFactory.newInstance().newDocumentBuilder();
        Document doc = builder.parse(body);
        return doc.getElementsByTagName("supplier").getLength();
    }

    @POST
    @Path("/products")
    @Consumes(MediaType.APPLICATION_XML)
    public int importProducts(InputStream body) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        dbf.setXIncludeAware(false);
        dbf.setExpandEntityReferences(false);
        Document doc = dbf.newDocumentBuilder().parse(body);
        return doc.getElementsByTagName("product").getLength();
    }

    @POST
    @Path("/events")
    @Consumes(MediaType.APPLICATION_XML)
    public String importEvents(InputStream body) throws Exception {
        SAXParserFactory spf = SAXParserFactory.newInstance();
        spf.newSAXParser().parse(body, new DefaultHandler());
        return "ok";
    }

    @POST
    @Path("/rates")
    @Consumes(MediaType.APPLICATION_XML)
    public int importRates(String body) throws Exception {
        XMLInputFactory xif = XMLInputFactory.newInstance();
        xif.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        xif.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XMLStreamReader reader = xif.createXMLStreamReader(new StringReader(body));
        int count = 0;
        while (reader.hasNext()) {
            if (reader.next() == XMLStreamReader.START_ELEMENT && "rate".equals(reader.getLocalName())) {
                count++;
            }
        }
        return count;
    }

    @POST
    @Path("/lookup")
    @Consumes(MediaType.APPLICATION_XML)
    public String lookup(String body, @QueryParam("code") String code) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = dbf.newDocumentBuilder().parse(new InputSource(new StringReader(body)));
        XPath xpath = XPathFactory.newInstance().newXPath();
        return xpath.evaluate("/catalog/item[@code='" + code + "']/title", doc);
    }

    @POST
    @Path("/lookup-bound")
    @Consumes(MediaType.APPLICATION_XML)
    public String lookupBound(String body, @QueryParam("code") String code) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = dbf.newDocumentBuilder().parse(new InputSource(new StringReader(body)));
        XPath xpath = XPathFactory.newInstance().newXPath();
        xpath.setXPathVariableResolver(name -> new QName("code").equals(name) ? code : null);
        return xpath.evaluate("/catalog/item[@code=$code]/title", doc);
    }

    @POST
    @Path("/by-vendor")
    @Consumes(MediaType.APPLICATION_XML)
    public int byVendor(String body, @QueryParam("vendor") String vendor) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = dbf.newDocumentBuilder().parse(new InputSource(new StringReader(body)));
        XPath xpath = XPathFactory.newInstance().newXPath();
        String expr = String.format("//item[vendor/text()='%s']", vendor);
        NodeList nodes = (NodeList) xpath.compile(expr).evaluate(doc, XPathConstants.NODESET);
        return nodes.getLength();
    }

    @POST
    @Path("/count")
    @Consumes(MediaType.APPLICATION_XML)
    public double count(String body) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = dbf.newDocumentBuilder().parse(new InputSource(new StringReader(body)));
        return (Double) XPathFactory.newInstance().newXPath().evaluate("count(//item)", doc, XPathConstants.NUMBER);
    }
}
