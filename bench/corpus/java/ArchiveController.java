package com.acme.files.web;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class ArchiveController {

    private static final Path PROJECTS = Path.of("/srv/projects");
    private static final Pattern PROJECT_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,40}");

    @PostMapping("/projects/{name}/archive")
    public ResponseEntity<String> archive(@PathVariable String name) throws IOException, InterruptedException {
        String script = "cd " + PROJECTS + " && tar czf /srv/archives/" + name + ".tgz " + name;
        Process tar = new ProcessBuilder("bash", "-c", script).inheritIO().start();
        return ResponseEntity.ok("exit " + tar.waitFor());
    }

    @PostMapping("/projects/{name}/checksum")
    public ResponseEntity<String> checksum(@PathVariable String name) throws IOException, InterruptedException {
        if (!PROJECT_NAME.matcher(name).matches()) {
            return ResponseEntity.status(400).body("invalid project name");
        }
        List<String> command = List.of("sha256sum", "/srv/archives/" + name + ".tgz");
        Process sum = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(sum.getInputStream().readAllBytes());
        sum.waitFor();
        return ResponseEntity.ok(output);
    }
}
