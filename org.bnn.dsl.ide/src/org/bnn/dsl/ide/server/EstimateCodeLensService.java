package org.bnn.dsl.ide.server;

import java.util.ArrayList;
import java.util.List;

import org.bnn.dsl.ide.estimate.EstimateHint;
import org.bnn.dsl.ide.estimate.EstimateHints;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.codelens.ICodeLensService;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

import com.google.inject.Inject;

/**
 * The totals of each mapping and experiment as code lenses above them, when the client takes them
 * as code lenses ({@link EstimateTotals}). The lens only shows text: its command has no id, so
 * clients render it as a label.
 */
public class EstimateCodeLensService implements ICodeLensService {

    @Inject
    private EstimateHints hints;

    @Inject
    private EstimateTotals totals;

    @Override
    public List<? extends CodeLens> computeCodeLenses(Document document, XtextResource resource, CodeLensParams params,
            CancelIndicator cancel) {
        List<CodeLens> lenses = new ArrayList<>();
        if (totals.kind() != EstimateTotals.Kind.CODE_LENS) {
            return lenses;
        }
        for (EstimateHint hint : hints.of(resource, cancel)) {
            if (hint.isHeader()) {
                Position start = document.getPosition(hint.elementStart());
                lenses.add(new CodeLens(new Range(start, start), new Command(hint.text(), ""), null));
            }
        }
        return lenses;
    }
}
