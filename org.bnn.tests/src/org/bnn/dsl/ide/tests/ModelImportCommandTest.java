package org.bnn.dsl.ide.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bnn.cli.BnnCli;
import org.bnn.cli.workspace.BnnWorkspace;
import org.bnn.cli.workspace.Diagnostic;
import org.bnn.dsl.ide.tests.LanguageServerProcess.Session;
import org.bnn.onnx.testing.Fixtures;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.ExecuteCommandCapabilities;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The language server's model import ({@code bnn.importModel}, docs/ide.md) driven over LSP as the
 * VS Code extension drives it: the files it writes are those `bnn import` writes, byte for byte; a
 * corrupt model is an {@code error} answer of the CLI's one line, with nothing written.
 */
class ModelImportCommandTest {
    private static final long TIMEOUT = LanguageServerProcess.TIMEOUT_SECONDS;

    @TempDir
    Path workspace;

    @Test
    void importsTheFixtureAsBnnImportDoesAndAnswersTheNewFilesUri() throws Exception {
        Path model = Files.copy(Fixtures.plainModel(), workspace.resolve("fashion-bnn.onnx"));
        Path byServer = Files.createDirectories(workspace.resolve("server"));
        Path byCli = Files.createDirectories(workspace.resolve("cli"));
        LanguageServerProcess.withServer(workspace, capabilities(), session -> {
            assertTrue(session.initialized().getCapabilities().getExecuteCommandProvider().getCommands()
                    .containsAll(List.of("bnn.importModel", "bnn.importModel.chips")), "the commands are advertised");
            JsonArray chips = execute(session, "bnn.importModel.chips", byServer.toUri().toString()).getAsJsonArray();
            assertEquals("[\"presets.illustrative.Demo\",\"presets.illustrative.Demo1T1R\",\"presets.illustrative.DemoSecded\"]",
                    chips.toString(), "no lib/ above: the bundled presets' chips");

            JsonObject options = new JsonObject();
            options.addProperty("folder", byServer.toUri().toString());
            options.addProperty("chip", "Demo1T1R");
            JsonObject answer = execute(session, "bnn.importModel", model.toUri().toString(), options).getAsJsonObject();

            assertEquals(byServer.resolve("FashionBnn.bnn"), Path.of(URI.create(answer.get("uri").getAsString())), answer.toString());
            assertEquals(byServer.resolve("FashionBnn.npz"), Path.of(URI.create(answer.get("weightsUri").getAsString())));
            assertEquals("FashionBnn", answer.get("network").getAsString());

            JsonObject again = execute(session, "bnn.importModel", model.toUri().toString(), options).getAsJsonObject();
            assertEquals(byServer.resolve("FashionBnn.bnn") + ": exists", again.get("error").getAsString());
            assertEquals("exists", again.get("problem").getAsString(), "the client offers to overwrite on this problem");
        });
        assertEquals(0, BnnCli.execute("import", model.toString(), "-o", byCli.toString(), "--chip", "Demo1T1R"));
        for (String file : List.of("FashionBnn.bnn", "FashionBnn.npz", "lib/illustrative-hw.bnn")) {
            assertArrayEquals(Files.readAllBytes(byCli.resolve(file)), Files.readAllBytes(byServer.resolve(file)), file);
        }
        assertTrue(Files.readString(byServer.resolve("FashionBnn.bnn")).contains("network FashionBnn on Demo1T1R\n"), "the chip asked for");
        assertEquals(List.of(), BnnWorkspace.load(List.of(byServer.resolve("FashionBnn.bnn"))).diagnostics().stream()
                .filter(d -> d.severity() == Diagnostic.Severity.ERROR).toList(), "it checks");
    }

    @Test
    void aCorruptModelIsAnErrorAnswerOfOneLineAndWritesNothing() throws Exception {
        Path broken = Files.writeString(workspace.resolve("broken.onnx"), "not a protobuf at all\n");
        LanguageServerProcess.withServer(workspace, capabilities(), session -> {
            JsonObject answer = execute(session, "bnn.importModel", broken.toUri().toString()).getAsJsonObject();

            String error = answer.get("error").getAsString();
            assertTrue(error.startsWith(broken + ": not an ONNX model (the protobuf does not parse"), error);
            assertEquals(1, error.lines().count(), error);
            assertEquals(1, answer.size(), answer.toString());

            JsonObject notAUri = execute(session, "bnn.importModel", "not a uri").getAsJsonObject();
            assertEquals("not a uri: not a file URI", notAUri.get("error").getAsString());
        });
        try (var files = Files.list(workspace)) {
            assertEquals(List.of(broken), files.toList(), "nothing written");
        }
    }

    /** A client that runs server commands, as VS Code's language client and Neovim's announce (Xtext offers them only then). */
    private static ClientCapabilities capabilities() {
        WorkspaceClientCapabilities workspace = new WorkspaceClientCapabilities();
        workspace.setExecuteCommand(new ExecuteCommandCapabilities(true));
        ClientCapabilities capabilities = new ClientCapabilities();
        capabilities.setWorkspace(workspace);
        return capabilities;
    }

    private static JsonElement execute(Session session, String command, Object... arguments) throws Exception {
        Object answer = session.server().getWorkspaceService().executeCommand(new ExecuteCommandParams(command, List.of(arguments)))
                .get(TIMEOUT, TimeUnit.SECONDS);
        return new Gson().toJsonTree(answer); // LSP4J hands an untyped result over as maps and lists
    }
}
