package com.acme.portal.web;

import jakarta.servlet.http.HttpSession;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class PreferencesController {

    private static final Set<String> SUPPORTED_LOCALES = Set.of("en-GB", "en-US", "de-DE", "fr-FR");

    @PostMapping("/preferences/locale")
    public ResponseEntity<Void> locale(@RequestParam String tag, HttpSession session) {
        if (!SUPPORTED_LOCALES.contains(tag)) {
            return ResponseEntity.status(400).build();
        }
        session.setAttribute("locale", Locale.forLanguageTag(tag));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/preferences/workspace")
    public ResponseEntity<Void> workspace(@RequestHeader("X-Workspace-Role") String role,
            @RequestParam String workspace, HttpSession session) {
        session.setAttribute("workspace", workspace);
        session.setAttribute("workspaceRole", role);
        return ResponseEntity.noContent().build();
    }
}
