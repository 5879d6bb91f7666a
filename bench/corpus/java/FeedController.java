package com.acme.news.web;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.bind.annotation.RequestParam;

/** Imports RSS feeds that editors upload from partner sites. */
@RestController
@RequestMapping("/feeds")
public class FeedController {

    private static List<String> titles(XMLStreamReader reader) throws XMLStreamException {
        List<String> titles = new ArrayList<>();
        while (reader.hasNext()) {
            if (reader.next() == XMLStreamConstants.START_ELEMENT && "title".equals(reader.getLocalName())) {
                titles.add(reader.getElementText());
            }
        }
        reader.close();
        return titles;
    }

    @PostMapping("/rss")
    public List<String> importRss(@RequestParam("feed") MultipartFile feed) throws Exception {
        XMLInputFactory factory = XMLInputFactory.newInstance();
        try (InputStream in = feed.getInputStream()) {
            return titles(factory.createXMLStreamReader(in));
        }
    }

    @PostMapping("/atom")
    public List<String> importAtom(@RequestParam("feed") MultipartFile feed) throws Exception {
        XMLInputFactory factory = XMLInputFactory.newInstance();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try (InputStream in = feed.getInputStream()) {
            return titles(factory.createXMLStreamReader(in));
        }
    }
}
