package dev.ferry.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Tells whether a property name looks like it holds a secret (password, token, credential, private key...),
 * so its value is kept out of generated files. Matching is by words: {@code db.password},
 * {@code hive2.password}, {@code jdbcPassword}, {@code aws_secret_access_key}, {@code api-key}.
 */
public final class SecretNames {

    private static final Set<String> SECRET_WORDS = Set.of(
            "password",
            "passwd",
            "passwords",
            "pwd",
            "pw",
            "pass",
            "passphrase",
            "secret",
            "secrets",
            "token",
            "tokens",
            "credential",
            "credentials",
            "apikey",
            "privatekey",
            "secretkey",
            "accesskey");

    /** Words before {@code key} that make it a secret key ({@code ENCRYPTION_KEY}, {@code client_key}), unlike a join key. */
    private static final Set<String> KEY_OWNERS = Set.of(
            "encryption",
            "signing",
            "master",
            "auth",
            "client",
            "aes",
            "hmac",
            "ssh",
            "license",
            "session",
            "storage",
            "account",
            "access");

    /** Words that turn a secret-looking word into configuration about it (a path, a renewal policy...). */
    private static final Set<String> NOT_SECRET_AFTER = Set.of(
            "renewal",
            "renewer",
            "renew",
            "kind",
            "service",
            "provider",
            "path",
            "file",
            "location",
            "uri",
            "url",
            "dir",
            "alias",
            "length",
            "expiry",
            "expiration",
            "ttl",
            "lifetime",
            "max");

    private SecretNames() {}

    public static boolean isSecret(String propertyName) {
        if (propertyName == null) {
            return false;
        }
        List<String> words = words(propertyName);
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            String next = i + 1 < words.size() ? words.get(i + 1) : "";
            boolean secret = SECRET_WORDS.contains(word)
                    || word.endsWith("password")
                    || word.endsWith("passwd")
                    || (word.equals("private") && next.equals("key"))
                    || (word.equals("api") && next.equals("key"))
                    || (word.equals("secret") && next.equals("key"))
                    || (word.equals("access") && next.equals("token"))
                    || (word.equals("key") && i > 0 && KEY_OWNERS.contains(words.get(i - 1)));
            if (secret
                    && !NOT_SECRET_AFTER.contains(
                            word.equals("private") || word.equals("api") ? after(words, i + 1) : next)) {
                return true;
            }
        }
        return false;
    }

    private static String after(List<String> words, int index) {
        return index + 1 < words.size() ? words.get(index + 1) : "";
    }

    /** Splits on '.', '_', '-', spaces and camelCase boundaries, lower-cased. */
    static List<String> words(String name) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                flush(word, words);
                continue;
            }
            if (Character.isUpperCase(c) && word.length() > 0 && i > 0 && Character.isLowerCase(name.charAt(i - 1))) {
                flush(word, words);
            }
            word.append(Character.toLowerCase(c));
        }
        flush(word, words);
        return words;
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (word.length() > 0) {
            words.add(word.toString().toLowerCase(Locale.ROOT));
            word.setLength(0);
        }
    }
}
