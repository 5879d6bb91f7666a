package com.acme.catalog.web;

import java.util.regex.Pattern;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

@RestController
public class ProductCatalogController {

    private static final Pattern SKU = Pattern.compile("[A-Z]{3}-\\d{5}");

    private final Document catalog;
    private final XPathFactory xpaths = XPathFactory.newInstance();

    public ProductCatalogController(CatalogFeed feed) {
        this.catalog = feed.currentDocument();
    }

    @GetMapping("/catalog/products/{sku}/price")
    public ResponseEntity<String> price(@PathVariable String sku) throws XPathExpressionException {
        if (!SKU.matcher(sku).matches()) {
            return ResponseEntity.status(400).build();
        }
        XPath xpath = xpaths.newXPath();
        String price = xpath.evaluate(String.format("/catalog/product[@sku='%s']/price", sku), catalog);
        return price.isEmpty() ? ResponseEntity.notFound().build() : ResponseEntity.ok(price);
    }

    @GetMapping("/catalog/products/by-vendor")
    public ResponseEntity<Integer> countForVendor(@RequestHeader("X-Vendor") String vendor)
            throws XPathExpressionException {
        XPath xpath = xpaths.newXPath();
        String expression = String.format("/catalog/product[vendor='%s']", vendor);
        NodeList products = (NodeList) xpath.evaluate(expression, catalog, XPathConstants.NODESET);
        return ResponseEntity.ok(products.getLength());
    }

    @GetMapping("/catalog/categories/{id}/size")
    public ResponseEntity<Integer> categorySize(@PathVariable int id) throws XPathExpressionException {
        XPath xpath = xpaths.newXPath();
        Double count = (Double) xpath.evaluate(
                "count(/catalog/product[category=" + id + "])", catalog, XPathConstants.NUMBER);
        return ResponseEntity.ok(count.intValue());
    }
}
