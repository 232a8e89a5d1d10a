package dev.ferry.translator.workflow;

import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.parser.repo.RepoRoot;
import dev.ferry.translator.el.Template;
import dev.ferry.translator.el.TemplateText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Oozie's {@code <file>}/{@code <archive>} entries ({@code path#link}): the name an entry gets in the
 * working directory, and a warning for a relative one the repository does not hold (a jar or data file
 * built elsewhere is expected, so it is a warning, not an error: the pod fetches it at run time).
 */
final class ActionFiles {

    private ActionFiles() {}

    /** {@code path#link} → link; {@code path} → its last segment (Oozie's symlink name). */
    static Template link(Template entry) {
        if (TemplateText.splitFirst(entry, '#').isPresent()) {
            return TemplateText.afterLast(entry, '#');
        }
        return TemplateText.afterLast(TemplateText.withoutSuffix(entry, '/'), '/');
    }

    /** Warns about relative entries not found in the workflow directory. */
    static void checkPresent(PodCommandContext context, String element, List<Template> entries, SourceSpan span) {
        for (Template template : entries) {
            // An entry holding a value computed per run cannot be looked up now.
            if (TemplateText.constant(template).isEmpty()) {
                continue;
            }
            String entry = TemplateText.constant(template).get();
            String path = entry.contains("#") ? entry.substring(0, entry.lastIndexOf('#')) : entry;
            if (path.contains("://") || path.startsWith("/")) {
                continue;
            }
            RepoRoot.Located located = context.sources.root().locate(context.sources.workflowDir(), path);
            Path file = located.path();
            if (located.outside()) {
                context.sources.root().checked(located, span, context.diagnostics);
            } else if (!located.inside()) {
                context.warn(
                        span,
                        element + " '" + entry + "' of '" + context.node.name()
                                + "' is not in the repository (looked for " + context.sources.display(file) + ")",
                        "the pod fetches it from the workflow's application path at run time; make sure it is there");
            }
        }
    }

    /** A warning when a JVM action's workflow has no lib/ jars: the image must bring them. */
    static void checkLib(PodCommandContext context, String hint) {
        Path lib = context.sources.workflowDir().resolve("lib");
        boolean jars = false;
        if (Files.isDirectory(lib) && context.sources.root().locate(lib).inside()) {
            try (var list = Files.list(lib)) {
                jars = list.anyMatch(p -> p.getFileName().toString().endsWith(".jar"));
            } catch (java.io.IOException e) {
                jars = false;
            }
        }
        if (!jars) {
            context.warn(
                    context.action.span(),
                    "'" + context.node.name() + "' runs classes from the workflow's lib/ jars, "
                            + "which are not in the repository (looked for " + context.sources.display(lib) + "/*.jar)",
                    "build the jars into the action's image under " + PodCommandContext.APP_LIB + hint);
        }
    }
}
