package com.acme.marketing.web;

import java.io.StringWriter;
import java.util.Map;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lets the marketing team preview newsletter drafts with sample data. */
@RestController
@RequestMapping("/newsletters")
public class NewsletterPreviewController {

    private static final String FOOTER = "You receive this because $subscriber.email signed up.";

    private final VelocityEngine velocity;

    public NewsletterPreviewController(VelocityEngine velocity) {
        this.velocity = velocity;
    }

    private VelocityContext sampleContext(Map<String, String> subscriber) {
        VelocityContext context = new VelocityContext();
        context.put("subscriber", subscriber);
        return context;
    }

    @PostMapping("/preview")
    public Map<String, String> preview(@RequestBody Map<String, String> draft) {
        StringWriter out = new StringWriter();
        velocity.evaluate(sampleContext(Map.of("name", "Alex", "email", "alex@example.com")),
                out, "draft", draft.get("body"));
        return Map.of("rendered", out.toString());
    }

    @PostMapping("/preview/footer")
    public Map<String, String> footer(@RequestBody Map<String, String> subscriber) {
        StringWriter out = new StringWriter();
        velocity.evaluate(sampleContext(subscriber), out, "footer", FOOTER);
        return Map.of("rendered", out.toString());
    }
}
