package dev.ferry.translator.workflow;

import dev.ferry.translator.el.Template;
import java.util.List;
import java.util.SortedMap;

/**
 * The container an Oozie action runs in: every value is a template rendered per run, except secrets, which
 * are only references (a Kubernetes Secret name and key) and never a value.
 *
 * @param imageParam    the DAG param holding the image (a person supplies it: Ferry cannot know the job's jars)
 * @param image         the image: the value of that param
 * @param command       the argv, in order; {@code $(NAME)} expands to env var NAME (Kubernetes semantics)
 * @param env           plain environment variables
 * @param secretEnv     environment variables read from Kubernetes Secrets
 * @param configuration the action's Hadoop configuration ({@code <global>} merged), written to
 *                      {@code action.xml} in the working directory before the command runs
 * @param files         {@code <file>} entries as written ({@code path#link}), fetched into the working directory
 * @param archives      {@code <archive>} entries ({@code path#link}), fetched and unpacked there
 * @param carried       files of the legacy repository copied to the output and put in the working directory
 * @param captureOutput the command writes Java properties to {@code $OOZIE_ACTION_OUTPUT_PROPERTIES}, read by
 *                      {@code wf:actionData}
 * @param memoryMb      {@code <launcher><memory.mb>}, null when not set
 * @param vcores        {@code <launcher><vcores>}, null when not set
 */
public record PodContainer(
        String imageParam,
        Template image,
        List<Template> command,
        SortedMap<String, Template> env,
        List<SecretEnv> secretEnv,
        SortedMap<String, Template> configuration,
        List<Template> files,
        List<Template> archives,
        List<CarriedFile> carried,
        boolean captureOutput,
        String memoryMb,
        String vcores) {

    public PodContainer {
        command = List.copyOf(command);
        secretEnv = List.copyOf(secretEnv);
        files = List.copyOf(files);
        archives = List.copyOf(archives);
        carried = List.copyOf(carried);
    }

    /** Environment variable {@code name} from key {@code key} of Kubernetes Secret {@code secret}. */
    public record SecretEnv(String name, String secret, String key) {}

    /**
     * A file of the legacy repository carried into the output at {@code outputPath} (relative to the output
     * root) and placed in the pod's working directory as {@code link}.
     */
    public record CarriedFile(String outputPath, String link, String content) {}
}
