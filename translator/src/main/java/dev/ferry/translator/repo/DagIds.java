package dev.ferry.translator.repo;

import dev.ferry.translator.workflow.WorkflowTranslator.DagNames;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * DAG ids that stay unique when applications share a name (legal in Oozie: names are per job, not per server).
 * Apps with the same id each get the shortest tail of their path that tells them apart, e.g. two
 * {@code daily-aggregate-coord} in {@code oozie/webrequest/daily} and {@code oozie/pageview/daily} become
 * {@code daily_aggregate_coord_webrequest_daily} and {@code daily_aggregate_coord_pageview_daily}.
 */
final class DagIds {

    private DagIds() {}

    static <T> Map<T, String> disambiguate(List<T> items, Function<T, String> baseId, Function<T, String> origin) {
        Map<String, List<T>> byId = new LinkedHashMap<>();
        items.forEach(item ->
                byId.computeIfAbsent(baseId.apply(item), k -> new ArrayList<>()).add(item));
        Map<T, String> ids = new IdentityHashMap<>();
        for (Map.Entry<String, List<T>> group : byId.entrySet()) {
            List<T> members = group.getValue();
            if (members.size() == 1) {
                ids.put(members.get(0), group.getKey());
                continue;
            }
            List<List<String>> paths =
                    members.stream().map(m -> segments(origin.apply(m))).toList();
            int longest = paths.stream().mapToInt(List::size).max().orElse(0);
            int tail = 1;
            while (tail < longest && !distinct(paths, tail)) {
                tail++;
            }
            Set<String> taken = new HashSet<>(byId.keySet());
            // The application the repository itself is (a job.properties or workflow.xml at its root) keeps the id.
            boolean rootKeeps = paths.stream().filter(List::isEmpty).count() == 1;
            for (int i = 0; i < members.size(); i++) {
                if (rootKeeps && paths.get(i).isEmpty()) {
                    ids.put(members.get(i), group.getKey());
                    continue;
                }
                String id = DagNames.dagId(group.getKey() + "_" + String.join("_", tail(paths.get(i), tail)));
                String unique = id;
                for (int n = 2;
                        taken.contains(unique) && !(rootKeeps && unique.equals(group.getKey()))
                                || ids.containsValue(unique);
                        n++) {
                    unique = id + "_" + n;
                }
                ids.put(members.get(i), unique);
            }
        }
        return ids;
    }

    private static boolean distinct(List<List<String>> paths, int tail) {
        Set<List<String>> seen = new HashSet<>();
        return paths.stream().allMatch(p -> seen.add(tail(p, tail)));
    }

    private static List<String> tail(List<String> path, int n) {
        return path.subList(Math.max(0, path.size() - n), path.size());
    }

    private static List<String> segments(String origin) {
        return Arrays.stream(origin.split("/")).filter(s -> !s.isEmpty()).toList();
    }
}
