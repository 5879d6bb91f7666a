package com.acme.gallery.service;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Stores gallery uploads and renders their thumbnails with ImageMagick. */
@RestController
public class ThumbnailService {

    private static final Path GALLERY = Path.of("/srv/gallery");

    @PostMapping("/gallery/photos")
    public ResponseEntity<String> upload(@RequestParam("photo") MultipartFile photo)
            throws IOException, InterruptedException {
        String original = photo.getOriginalFilename();
        File stored = new File(GALLERY.toFile(), original);
        photo.transferTo(stored);
        String thumb = "convert '" + stored.getPath() + "' -thumbnail 256x256 '" + stored.getPath() + ".thumb.jpg'";
        Process convert = Runtime.getRuntime().exec(new String[] {"/bin/bash", "-c", thumb});
        return ResponseEntity.ok("exit " + convert.waitFor());
    }

    @PostMapping("/gallery/scans")
    public ResponseEntity<String> uploadScan(@RequestParam("scan") MultipartFile scan)
            throws IOException, InterruptedException {
        Path stored = GALLERY.resolve("scans").resolve(UUID.randomUUID() + ".tiff");
        scan.transferTo(stored);
        List<String> command = List.of("convert", stored.toString(), "-thumbnail", "256x256",
                stored + ".thumb.jpg");
        Process convert = new ProcessBuilder(command).redirectErrorStream(true).start();
        return ResponseEntity.ok("exit " + convert.waitFor());
    }
}
