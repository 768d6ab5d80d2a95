package org.bnn.dsl.ide.imports;

import org.bnn.dsl.files.ImportLanguageChecks;
import java.util.List;

import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.xtext.ide.server.ILanguageServerAccess;
import org.eclipse.xtext.ide.server.commands.IExecutableCommandService;
import org.eclipse.xtext.util.CancelIndicator;

import com.google.inject.Inject;

/**
 * The language server's model import (docs/ide.md), as {@code workspace/executeCommand}:
 * <ul>
 * <li>{@value #IMPORT_MODEL} with the model's URI and optionally an object of options
 * ({@code folder} URI, {@code name}, {@code chip}, {@code inputBits}, {@code dataset},
 * {@code overwrite}): imports it like {@code bnn import}; answers {@code {uri, weightsUri, network,
 * summary, notes}} or {@code {error}} with the CLI's one-line message (and {@code problem}: {@code name},
 * {@code input_bits}, {@code chip}, {@code exists} or {@code write} when the options or files are the problem);</li>
 * <li>{@value #CHIPS} with a folder's URI: the chips an import into it can map onto, the default
 * first.</li>
 * </ul>
 * Signatures free of org.bnn.onnx types: Guice inspects this class wherever the language's module is
 * used, also in Eclipse where this bundle does not see org.bnn.onnx; {@link ModelImportRequests} does the work.
 */
public class ModelImportCommands implements IExecutableCommandService {
    public static final String IMPORT_MODEL = "bnn.importModel";
    public static final String CHIPS = "bnn.importModel.chips";

    @Inject
    private ImportLanguageChecks checks;

    @Override
    public List<String> initialize() {
        return List.of(IMPORT_MODEL, CHIPS);
    }

    @Override
    public Object execute(ExecuteCommandParams params, ILanguageServerAccess access, CancelIndicator cancelIndicator) {
        List<Object> arguments = params.getArguments() == null ? List.of() : params.getArguments();
        return switch (params.getCommand()) {
            case IMPORT_MODEL -> ModelImportRequests.importModel(checks, arguments);
            case CHIPS -> ModelImportRequests.chips(checks, arguments);
            default -> ModelImportRequests.error("unknown command " + params.getCommand());
        };
    }
}
