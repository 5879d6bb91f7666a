package com.acme.cms.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Builds URL slugs and teaser text for CMS articles. */
public final class SlugUtil {

    private static final Pattern NON_LATIN = Pattern.compile("[^\\w-]");
    private static final Pattern WHITESPACE = Pattern.compile("[\\s_]+");
    private static final Pattern DASHES = Pattern.compile("-{2,}");

    private SlugUtil() {
    }

    public static String slugify(String title, int maxLength) {
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String dashed = WHITESPACE.matcher(ascii.trim()).replaceAll("-");
        String slug = DASHES.matcher(NON_LATIN.matcher(dashed).replaceAll("")).replaceAll("-")
                .toLowerCase(Locale.ROOT);
        if (slug.length() > maxLength) {
            slug = slug.substring(0, maxLength);
        }
        return slug.replaceAll("^-+|-+$", "");
    }

    public static String teaser(String text, int maxWords) {
        String[] words = text.trim().split("\\s+");
        if (words.length <= maxWords) {
            return String.join(" ", words);
        }
        return String.join(" ", java.util.Arrays.copyOf(words, maxWords)) + "…";
    }
}
