package com.acme.kb.web;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/** HTML fragments for the knowledge-base search box (loaded with htmx). */
@RestController
public class SearchController {

    private final ArticleIndex index;

    public SearchController(ArticleIndex index) {
        this.index = index;
    }

    @GetMapping(value = "/kb/search", produces = MediaType.TEXT_HTML_VALUE)
    public String search(@RequestParam("q") String query) {
        List<Article> hits = index.search(query, 20);
        if (hits.isEmpty()) {
            return "<p class=\"empty\">No articles match <b>" + query + "</b></p>";
        }
        return hits.stream()
                .map(a -> "<li><a href=\"/kb/" + a.id() + "\">" + HtmlUtils.htmlEscape(a.title()) + "</a></li>")
                .collect(Collectors.joining("", "<ul>", "</ul>"));
    }

    @GetMapping(value = "/kb/suggest", produces = MediaType.TEXT_HTML_VALUE)
    public String suggest(@RequestParam("q") String prefix) {
        String shown = HtmlUtils.htmlEscape(prefix);
        return "<option value=\"" + shown + "\">Search for " + shown + "</option>";
    }
}
