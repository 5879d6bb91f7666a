package com.acme.prefs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

@RestController
public class PreferencesController {

    public record Preferences(String theme, String language, int pageSize) {}

    private final ObjectMapper mapper = new ObjectMapper();

    @PostMapping("/prefs/restore")
    public Object restore(@CookieValue("prefs") String prefsCookie) throws IOException, ClassNotFoundException {
        byte[] raw = Base64.getDecoder().decode(prefsCookie);
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(raw))) {
            return in.readObject();
        }
    }

    @PostMapping("/prefs/restore-json")
    public Preferences restoreJson(@RequestBody String body) throws IOException {
        return mapper.readValue(body, Preferences.class);
    }

    @PostMapping("/prefs/restore-poly")
    public Object restorePolymorphic(@RequestBody String body) throws IOException {
        ObjectMapper loose = new ObjectMapper();
        loose.enableDefaultTyping(ObjectMapper.DefaultTyping.NON_FINAL);
        return loose.readValue(body, Object.class);
    }

    @PostMapping("/prefs/restore-typed")
    public Object restoreTyped(@RequestBody String body) throws IOException {
        ObjectMapper strict = new ObjectMapper();
        strict.activateDefaultTyping(
                BasicPolymorphicTypeValidator.builder().allowIfSubType("com.acme.prefs.").build(),
                ObjectMapper.DefaultTyping.NON_FINAL);
        return strict.readValue(body, Object.class);
    }

    @PostMapping("/prefs/import-yaml")
    public Object importYaml(@RequestBody String body) {
        return new Yaml().load(body);
    }

    @PostMapping("/prefs/import-yaml-safe")
    public Map<String, Object> importYamlSafe(@RequestBody String body) {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(body);
    }
}
