package dev.ferry.parser.oozie;

import dev.ferry.diagnostics.Diagnostics;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Applies a workflow's {@code <global>} to one action: see {@link ActionSettings} for the rules. */
final class GlobalMerge {

    private GlobalMerge() {}

    static ActionSettings apply(Global global, Action action) {
        ActionSettings own = own(action);
        if (global == null) {
            return own;
        }
        List<String> inherited = new ArrayList<>();
        String resourceManager = own.resourceManager();
        if (resourceManager == null && global.resourceManager() != null) {
            resourceManager = global.resourceManager();
            inherited.add("resource-manager");
        }
        String nameNode = own.nameNode();
        if (nameNode == null && global.nameNode() != null) {
            nameNode = global.nameNode();
            inherited.add("name-node");
        }
        List<String> jobXml = new ArrayList<>(own.jobXml());
        for (String path : global.jobXml()) {
            if (!jobXml.contains(path)) {
                jobXml.add(path);
                inherited.add("job-xml:" + path);
            }
        }
        List<ConfigProperty> configuration = new ArrayList<>(own.configuration());
        Set<String> set = new HashSet<>();
        own.configuration().forEach(p -> set.add(p.name()));
        for (ConfigProperty property : global.configuration()) {
            if (set.add(property.name())) {
                configuration.add(property);
                inherited.add("configuration:" + property.name());
            }
        }
        return new ActionSettings(resourceManager, nameNode, jobXml, configuration, inherited);
    }

    /** The action's own settings, before {@code <global>}. */
    private static ActionSettings own(Action action) {
        if (action instanceof PigAction pig) {
            return new ActionSettings(
                    pig.resourceManager(), pig.nameNode(), pig.jobXml(), pig.configuration(), List.of());
        } else if (action instanceof FsAction fs) {
            return new ActionSettings(null, fs.nameNode(), fs.jobXml(), fs.configuration(), List.of());
        } else if (action instanceof BoundAction bound) {
            return bound.parts().settings();
        } else if (action instanceof GenericAction generic) {
            XmlElement element = generic.element();
            // Malformed properties were reported by the schema pass; none are reported twice here.
            return new ActionSettings(
                    OozieElements.resourceManager(element),
                    element.childText("name-node"),
                    OozieElements.texts(element, "job-xml"),
                    OozieElements.configuration(element, new Diagnostics()),
                    List.of());
        }
        return new ActionSettings(null, null, List.of(), List.of(), List.of());
    }
}
