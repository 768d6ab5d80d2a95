package org.bnn.dsl.ui.editor;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentPartitioner;
import org.eclipse.jface.text.rules.EndOfLineRule;
import org.eclipse.jface.text.rules.FastPartitioner;
import org.eclipse.jface.text.rules.IPredicateRule;
import org.eclipse.jface.text.rules.MultiLineRule;
import org.eclipse.jface.text.rules.RuleBasedPartitionScanner;
import org.eclipse.jface.text.rules.Token;

/**
 * Document partitions of a .bnn text: comments ({@code //}, {@code /* *&#47;}) and strings may
 * span lines, so they get partitions of their own; everything else is code, highlighted token by
 * token with the language's lexer.
 */
public final class BnnPartitions {

    /** The partitioning id under which the partitioner is installed on the document. */
    public static final String PARTITIONING = "org.bnn.dsl.ui.partitioning";
    public static final String COMMENT = "__bnn_comment";
    public static final String STRING = "__bnn_string";
    public static final String[] CONTENT_TYPES = {IDocument.DEFAULT_CONTENT_TYPE, COMMENT, STRING};

    private BnnPartitions() {
    }

    public static IDocumentPartitioner createPartitioner() {
        RuleBasedPartitionScanner scanner = new RuleBasedPartitionScanner();
        Token comment = new Token(COMMENT);
        Token string = new Token(STRING);
        scanner.setPredicateRules(new IPredicateRule[] {
            new EndOfLineRule("//", comment),
            new MultiLineRule("/*", "*/", comment, (char) 0, true),
            new MultiLineRule("\"", "\"", string, '\\', true),
            new MultiLineRule("'", "'", string, '\\', true)});
        return new FastPartitioner(scanner, new String[] {COMMENT, STRING});
    }
}
