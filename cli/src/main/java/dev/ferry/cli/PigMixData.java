package dev.ferry.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Data of PigMix's shapes, small and deterministic: page_views with its ^C/^D map and ^B bag-of-maps
 * columns, users, power_users, widerow, widegroupbydata (and the _sorted copies); nulls in the columns
 * PigMix's generator leaves null, and unicode names. Users and page views share names so that joins
 * meet. Read by {@code ferry verify --repo} for a script that loads with PigMix's loader, and by the
 * PigMix differential test.
 */
final class PigMixData {

    private static final char A = '\u0001';
    static final int PAGE_VIEWS = 300;

    private PigMixData() {}

    /** Every table by name (the last segment of the path PigMix's scripts load), in a fixed order. */
    static Map<String, List<String>> tables() {
        Random random = new Random(16);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            names.add((i % 13 == 0 ? "zoë" : "user") + i);
        }
        Map<String, List<String>> tables = new LinkedHashMap<>();
        List<String> views = new ArrayList<>();
        for (int i = 0; i < PAGE_VIEWS; i++) {
            views.add(pageView(random, names));
        }
        tables.put("page_views", views);
        tables.put("page_views_sorted", sorted(views));
        List<String> users = new ArrayList<>();
        for (int i = 0; i < names.size() + 10; i++) {
            String name = i < names.size() && i % 4 != 3 ? names.get(i) : "other" + i;
            users.add(String.join(
                    String.valueOf(A),
                    name,
                    "555-" + (1000 + i),
                    i + " Main St",
                    "Town" + i % 5,
                    "CA",
                    "9" + (4000 + i)));
        }
        tables.put("users", users);
        tables.put("users_sorted", sorted(users));
        tables.put(
                "power_users", users.stream().filter(u -> u.hashCode() % 3 == 0).toList());
        tables.put(
                "power_users_samples",
                users.stream().filter(u -> u.hashCode() % 2 == 0).toList());
        List<String> wide = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            StringBuilder row = new StringBuilder(i % 11 == 5 ? "" : names.get(random.nextInt(names.size())));
            for (int c = 0; c < 10; c++) {
                row.append(A).append(random.nextInt(100));
            }
            wide.add(row.toString());
        }
        tables.put("widerow", wide);
        List<String> wideGroup = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            // Few distinct keys so that groups have more than one row.
            Random small = new Random(i % 40);
            wideGroup.add(pageView(small, names.subList(0, 5))
                    + A
                    + pageView(small, names.subList(0, 5))
                    + A
                    + pageView(random, names.subList(0, 3)));
        }
        tables.put("widegroupbydata", wideGroup);
        return tables;
    }

    /** The table a LOAD of {@code path} reads: the one its last path segment names. */
    static Optional<List<String>> table(String path) {
        String trimmed = path.replaceAll("/+$", "");
        return Optional.ofNullable(tables().get(trimmed.substring(trimmed.lastIndexOf('/') + 1)));
    }

    /** Writes every table as a file named after it into {@code dir}. */
    static void write(Path dir) throws IOException {
        for (Map.Entry<String, List<String>> table : tables().entrySet()) {
            Files.writeString(dir.resolve(table.getKey()), String.join("\n", table.getValue()) + "\n");
        }
    }

    private static List<String> sorted(List<String> rows) {
        return rows.stream()
                .sorted(Comparator.comparing(PigMixData::firstField))
                .toList();
    }

    /** One page_views row as PigMix's generator writes it: ^A between the nine fields; null is an empty field. */
    private static String pageView(Random random, List<String> names) {
        String user = random.nextInt(20) == 0 ? "" : names.get(random.nextInt(names.size()));
        String queryTerm = random.nextInt(5) == 0 ? "" : "term" + random.nextInt(12);
        String revenue = random.nextInt(20) == 0 ? "" : String.valueOf(random.nextDouble() * random.nextInt(1000));
        String pageLinks = random.nextInt(5) == 0 ? "" : bagOfMaps(random);
        return String.join(
                String.valueOf(A),
                user,
                String.valueOf(random.nextInt(2)),
                String.valueOf(random.nextInt(10)),
                queryTerm,
                String.valueOf(random.nextInt(Integer.MAX_VALUE)),
                String.valueOf(random.nextInt(86400)),
                revenue,
                map(random),
                pageLinks);
    }

    /** PigMix's map: one-letter keys from 'a', each key ^D value, entries separated by ^C. */
    private static String map(Random random) {
        StringBuilder map = new StringBuilder();
        int entries = random.nextInt(4) + 1;
        for (int k = 0; k < entries; k++) {
            if (k != 0) {
                map.append('\u0003');
            }
            map.append((char) ('a' + k)).append('\u0004');
            int length = random.nextInt(4) + 1;
            for (int i = 0; i < length; i++) {
                map.append((char) (random.nextInt(122 - 65) + 65));
            }
        }
        return map.toString();
    }

    /** PigMix's bag of maps: elements separated by ^B, each the type letter 'm' and a map. */
    private static String bagOfMaps(Random random) {
        StringBuilder bag = new StringBuilder();
        int elements = random.nextInt(4) + 1;
        for (int i = 0; i < elements; i++) {
            if (i != 0) {
                bag.append('\u0002');
            }
            bag.append('m').append(map(random));
        }
        return bag.toString();
    }

    private static String firstField(String line) {
        int end = line.indexOf(A);
        return end < 0 ? line : line.substring(0, end);
    }
}
