package org.bnn.onnx.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bnn.onnx.model.OnnxFormatException;
import org.bnn.onnx.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The import the CLI and the IDEs share, with a stand-in for the language (the chips of a preset
 * file are named after the file): where presets are looked for, the bundled fallback, the chip
 * chosen, reprogramming, and what is (not) written on refusal. End to end with the real language:
 * OnnxCommandsTest, ModelImportCommandTest (org.bnn.tests), ImportModelTest (Eclipse).
 */
class ModelImportTest {
    @TempDir
    Path root;

    private final List<List<Path>> asked = new ArrayList<>();
    private boolean exceeds;
    private final ModelImport modelImport = new ModelImport(files -> {
        asked.add(files);
        return files.stream().map(f -> "presets." + f.getFileName().toString().replace(".bnn", "")).toList();
    }, (bnn, presets) -> exceeds);

    @Test
    void theNearestLibComesFirstThenTheFoldersAbove() throws Exception {
        Path folder = Files.createDirectories(root.resolve("a/b"));
        Files.createDirectories(root.resolve("a/b/lib"));
        Files.createDirectories(root.resolve("lib"));
        Files.writeString(root.resolve("a/b/lib/near.bnn"), "");
        Files.writeString(root.resolve("lib/far.bnn"), "");
        Files.writeString(root.resolve("lib/notes.txt"), "");

        assertEquals(List.of("presets.near", "presets.far"), modelImport.availableChips(folder));
    }

    @Test
    void withoutPresetsTheBundledOnesAreOfferedThenWrittenBesideTheImport() throws Exception {
        Path folder = root.resolve("out");

        assertEquals(List.of("presets.illustrative-hw"), modelImport.availableChips(root));
        assertTrue(Files.notExists(asked.get(1).get(0)), "the bundled presets were read from a copy that is gone");

        ImportResult result = modelImport.run(Fixtures.plainModel(), folder, ImportOptions.defaults());
        Path written = folder.resolve("lib/illustrative-hw.bnn");
        assertEquals(java.util.Optional.of(written), result.writtenPresets());
        assertTrue(Files.readString(written).contains("package presets.illustrative"));
        assertEquals(folder.resolve("FashionBnn.bnn"), result.bnnFile());
        assertTrue(Files.isRegularFile(result.weightsFile()));
        String text = Files.readString(result.bnnFile());
        assertTrue(text.contains("import presets.*\n") && text.contains("    network FashionBnn on illustrative-hw\n}"), text);
    }

    @Test
    void aChipNamedShortIsFoundAndAMappingTooLargeAllowsReprogramming() throws Exception {
        Files.createDirectories(root.resolve("lib"));
        Files.writeString(root.resolve("lib/small.bnn"), "");
        Files.writeString(root.resolve("lib/tiny.bnn"), "");
        exceeds = true;

        ImportResult result = modelImport.run(Fixtures.plainModel(), root, new ImportOptions("Net", "tiny", 8, null, false));

        String text = Files.readString(result.bnnFile());
        assertTrue(text.contains("mapping NetOntiny {\n    network Net on tiny\n    allow reprogramming\n}"), text);
        ModelImportException unknown = assertThrows(ModelImportException.class,
                () -> modelImport.run(Fixtures.plainModel(), root, new ImportOptions("Other", "Huge", 8, null, false)));
        assertEquals(ModelImportException.Problem.CHIP, unknown.problem());
        assertEquals("Huge: no such chip in the presets; they have [presets.small, presets.tiny]", unknown.getMessage());
    }

    @Test
    void existingFilesAreKeptUnlessOverwritingIsAsked() throws Exception {
        Path mine = Files.writeString(root.resolve("FashionBnn.npz"), "mine");

        ModelImportException exists = assertThrows(ModelImportException.class,
                () -> modelImport.run(Fixtures.plainModel(), root, ImportOptions.defaults()));

        assertEquals(ModelImportException.Problem.EXISTS, exists.problem());
        assertEquals(mine + ": exists", exists.getMessage());
        assertEquals("mine", Files.readString(mine));
        assertTrue(Files.notExists(root.resolve("FashionBnn.bnn")));
        modelImport.run(Fixtures.plainModel(), root, new ImportOptions(null, null, 8, null, true));
        assertTrue(Files.size(mine) > 4, "overwritten when asked");
    }

    @Test
    void aCorruptModelOrABadOptionWritesNothing() throws Exception {
        Path broken = Files.writeString(root.resolve("broken.onnx"), "not a protobuf");
        Path folder = root.resolve("out");

        OnnxFormatException corrupt = assertThrows(OnnxFormatException.class,
                () -> modelImport.run(broken, folder, ImportOptions.defaults()));
        assertTrue(corrupt.getMessage().startsWith(broken + ": not an ONNX model"), corrupt.getMessage());
        ModelImportException name = assertThrows(ModelImportException.class,
                () -> modelImport.run(Fixtures.plainModel(), folder, new ImportOptions("1x", null, 8, null, false)));
        assertEquals(ModelImportException.Problem.NAME, name.problem());
        ModelImportException bits = assertThrows(ModelImportException.class,
                () -> modelImport.run(Fixtures.plainModel(), folder, new ImportOptions(null, null, 17, null, false)));
        assertEquals("17: the simulator feeds 1 to 16 bits", bits.getMessage());
        assertTrue(Files.notExists(folder), "no folder, no presets, no file");
    }
}
