package org.bnn.dsl.ui.internal;

import org.bnn.dsl.ui.highlighting.BnnTokenStyleIds;
import org.eclipse.xtext.ide.LexerIdeBindings;
import org.eclipse.xtext.ide.editor.syntaxcoloring.AbstractAntlrTokenToAttributeIdMapper;
import org.eclipse.xtext.parser.antlr.AntlrTokenDefProvider;
import org.eclipse.xtext.parser.antlr.ITokenDefProvider;
import org.eclipse.xtext.parser.antlr.Lexer;
import org.eclipse.xtext.parser.antlr.LexerBindings;

import com.google.inject.AbstractModule;
import com.google.inject.Key;
import com.google.inject.name.Names;

/**
 * Eclipse-side bindings on top of the language's runtime and IDE modules: lexical highlighting
 * uses the language's own ANTLR lexer and token definitions, classified by Xtext's default
 * token-to-style mapper with the language's number terminals added (keywords, numbers, strings,
 * comments, punctuation).
 */
final class BnnUiModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(Lexer.class).annotatedWith(Names.named(LexerIdeBindings.HIGHLIGHTING))
                .to(Key.get(Lexer.class, Names.named(LexerBindings.RUNTIME)));
        bind(ITokenDefProvider.class).annotatedWith(Names.named(LexerIdeBindings.HIGHLIGHTING))
                .to(AntlrTokenDefProvider.class);
        bind(AbstractAntlrTokenToAttributeIdMapper.class).to(BnnTokenStyleIds.class);
    }
}
