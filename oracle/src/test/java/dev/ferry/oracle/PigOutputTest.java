package dev.ferry.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PigOutputTest {

    @Test
    void readsPartFilesInNameOrderSkippingMarkersAndHiddenFiles(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("part-r-00001"), "c\nd\n");
        Files.writeString(dir.resolve("part-r-00000"), "a\nb\n");
        Files.writeString(dir.resolve("_SUCCESS"), "");
        Files.writeString(dir.resolve(".part-r-00000.crc"), "junk\n");
        Files.writeString(dir.resolve("_temporary-x"), "junk\n");
        Files.createDirectories(dir.resolve("sub")).resolve("part-0").toFile().createNewFile();
        Files.writeString(dir.resolve("sub").resolve("part-0"), "nested\n");
        assertEquals(List.of("a", "b", "c", "d"), PigOutput.read(dir));
    }

    @Test
    void readsASingleFileKeepingCarriageReturnsAndEmptyLines(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("one.txt");
        Files.writeString(f, "x\r\n\ny\u00e9", StandardCharsets.UTF_8);
        assertEquals(List.of("x\r", "", "y\u00e9"), PigOutput.read(f));
    }

    @Test
    void emptyOutputIsEmpty(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("part-m-00000"), "");
        Files.writeString(dir.resolve("_SUCCESS"), "");
        assertEquals(List.of(), PigOutput.read(dir));
    }

    @Test
    void missingPathIsAnError(@TempDir Path dir) {
        assertThrows(NoSuchFileException.class, () -> PigOutput.read(dir.resolve("nope")));
    }
}
