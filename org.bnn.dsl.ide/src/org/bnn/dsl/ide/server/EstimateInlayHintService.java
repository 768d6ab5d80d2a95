package org.bnn.dsl.ide.server;

import java.util.ArrayList;
import java.util.List;

import org.bnn.dsl.ide.estimate.EstimateHint;
import org.bnn.dsl.ide.estimate.EstimateHints;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

import com.google.inject.Inject;

/**
 * The estimates as inlay hints: after each layer, and after each mapping's and experiment's name
 * unless the client takes those totals as code lenses ({@link EstimateTotals}).
 */
public class EstimateInlayHintService implements IInlayHintService {

    @Inject
    private EstimateHints hints;

    @Inject
    private EstimateTotals totals;

    @Override
    public List<InlayHint> computeInlayHints(Document document, XtextResource resource, InlayHintParams params, CancelIndicator cancel) {
        Range range = params.getRange();
        List<InlayHint> result = new ArrayList<>();
        boolean withTotals = totals.kind() == EstimateTotals.Kind.INLAY_HINT;
        for (EstimateHint hint : hints.of(resource, cancel)) {
            if (hint.isHeader() && !withTotals) {
                continue;
            }
            Position position = document.getPosition(hint.offset());
            if (range == null || within(position, range)) {
                InlayHint inlay = new InlayHint(position, Either.forLeft(hint.text()));
                inlay.setPaddingLeft(true);
                result.add(inlay);
            }
        }
        return result;
    }

    private static boolean within(Position position, Range range) {
        return compare(range.getStart(), position) <= 0 && compare(position, range.getEnd()) <= 0;
    }

    private static int compare(Position a, Position b) {
        return a.getLine() != b.getLine() ? Integer.compare(a.getLine(), b.getLine()) : Integer.compare(a.getCharacter(), b.getCharacter());
    }
}
