package org.bnn.dsl.ide.imports;

import org.bnn.dsl.files.ImportLanguageChecks;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.bnn.onnx.model.OnnxFormatException;
import org.bnn.onnx.workspace.ImportOptions;
import org.bnn.onnx.workspace.ImportResult;
import org.bnn.onnx.workspace.ModelImport;
import org.bnn.onnx.workspace.ModelImportException;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * The work of {@link ModelImportCommands}: its JSON arguments read, org.bnn.onnx's ModelImport run,
 * the answer as JSON. Every failure the user can cause is an {@code {error}} answer of one line,
 * never an exception that the client would show as an internal error with a stack trace.
 */
final class ModelImportRequests {
    private ModelImportRequests() {
    }

    static JsonObject importModel(ImportLanguageChecks checks, List<Object> arguments) {
        try {
            Path model = path(argument(arguments, 0, "the model's URI"));
            JsonObject given = arguments.size() > 1 && json(arguments.get(1)).isJsonObject()
                    ? json(arguments.get(1)).getAsJsonObject()
                    : new JsonObject();
            Path folder = given.has("folder") ? path(given.get("folder")) : model.toAbsolutePath().getParent();
            ImportOptions options = new ImportOptions(text(given, "name"), text(given, "chip"),
                    given.has("inputBits") ? bits(given.get("inputBits")) : ImportOptions.DEFAULT_INPUT_BITS, text(given, "dataset"),
                    given.has("overwrite") && given.get("overwrite").getAsBoolean());
            ImportResult result = modelImport(checks).run(model, folder, options);
            JsonObject answer = new JsonObject();
            answer.addProperty("uri", result.bnnFile().toUri().toString());
            answer.addProperty("weightsUri", result.weightsFile().toUri().toString());
            answer.addProperty("network", result.network());
            answer.addProperty("summary", result.summary());
            JsonArray notes = new JsonArray();
            result.notes().forEach(notes::add);
            answer.add("notes", notes);
            return answer;
        } catch (ModelImportException e) {
            JsonObject answer = error(e.getMessage());
            answer.addProperty("problem", e.problem().name().toLowerCase(Locale.ROOT));
            return answer;
        } catch (OnnxFormatException | IllegalArgumentException e) {
            return error(e.getMessage());
        }
    }

    static Object chips(ImportLanguageChecks checks, List<Object> arguments) {
        try {
            JsonArray chips = new JsonArray();
            modelImport(checks).availableChips(path(argument(arguments, 0, "the folder's URI"))).forEach(chips::add);
            return chips;
        } catch (ModelImportException | IllegalArgumentException e) {
            return error(e.getMessage());
        }
    }

    static JsonObject error(String message) {
        JsonObject answer = new JsonObject();
        answer.addProperty("error", message);
        return answer;
    }

    private static ModelImport modelImport(ImportLanguageChecks checks) {
        return new ModelImport(checks::chips, checks::exceedsChip);
    }

    private static JsonElement argument(List<Object> arguments, int index, String what) {
        if (arguments.size() <= index) {
            throw new IllegalArgumentException("missing argument " + (index + 1) + ": " + what);
        }
        return json(arguments.get(index));
    }

    /** LSP4J hands arguments over as parsed JSON; a caller in the same process may pass plain strings. */
    private static JsonElement json(Object argument) {
        return argument instanceof JsonElement element ? element : new JsonPrimitive(String.valueOf(argument));
    }

    /** A file URI as a path (IllegalArgumentException, with the URI, for anything else). */
    private static Path path(JsonElement uri) {
        String text = uri.isJsonPrimitive() ? uri.getAsString() : uri.toString();
        try {
            return Path.of(URI.create(text));
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            throw new IllegalArgumentException(text + ": not a file URI");
        }
    }

    private static int bits(JsonElement bits) {
        try {
            return bits.getAsInt();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("input bits " + bits + ": not a whole number");
        }
    }

    private static String text(JsonObject object, String key) {
        JsonElement value = object.get(key);
        return value == null || value.isJsonNull() || value.getAsString().isBlank() ? null : value.getAsString();
    }
}
