package dev.ferry.runtime.fs;

import java.net.URI;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.FileSystemFactory;

/**
 * The {@code file:} scheme as {@link BlockedLocalFileSystem}, registered as a service: Flink loads the factories on its
 * class path after its own local one, and the later one of a scheme wins. On a Flink cluster the runtime's jar is
 * user code, whose factories Flink does not load: there the inputs are on a distributed file system with blocks of
 * its own.
 */
public final class BlockedLocalFileSystemFactory implements FileSystemFactory {

    public static final ConfigOption<MemorySize> BLOCK_SIZE = ConfigOptions.key("ferry.local-files.block-size")
            .memoryType()
            .defaultValue(MemorySize.parse("32mb"))
            .withDescription("The size of the blocks a local file is read in, one split each (Hadoop's"
                    + " fs.local.block.size).");

    private BlockedLocalFileSystem fileSystem =
            new BlockedLocalFileSystem(BLOCK_SIZE.defaultValue().getBytes());

    @Override
    public String getScheme() {
        return "file";
    }

    @Override
    public void configure(Configuration config) {
        fileSystem = new BlockedLocalFileSystem(config.get(BLOCK_SIZE).getBytes());
    }

    @Override
    public FileSystem create(URI fsUri) {
        return fileSystem;
    }
}
