package com.acme.docs.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/handbook")
public class DocumentController {

    private static final Path HANDBOOK_ROOT = Paths.get("/srv/handbook").toAbsolutePath().normalize();

    @GetMapping(value = "/{section}/{page}", produces = MediaType.TEXT_MARKDOWN_VALUE)
    public ResponseEntity<byte[]> page(@PathVariable String section, @PathVariable String page)
            throws IOException {
        Path file = HANDBOOK_ROOT.resolve(section).resolve(page + ".md").normalize();
        if (!file.startsWith(HANDBOOK_ROOT) || !Files.isRegularFile(file)) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok(Files.readAllBytes(file));
    }

    @GetMapping(value = "/attachments", produces = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    public ResponseEntity<byte[]> attachment(@RequestParam String path) throws IOException {
        Path file = Paths.get(HANDBOOK_ROOT.toString(), "attachments", path);
        if (!Files.exists(file)) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok(Files.readAllBytes(file));
    }
}
