package org.bnn.dsl.ide.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bnn.dsl.BnnStandaloneSetup;
import org.eclipse.xtext.AbstractRule;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.ParserRule;
import org.eclipse.xtext.EnumRule;
import org.eclipse.xtext.IGrammarAccess;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;

/**
 * The VS Code extension's TextMate grammar (editors/vscode/syntaxes/bnn.tmLanguage.json) colours
 * every keyword of the language: each word of the Xtext grammar's parser and enum rules is matched,
 * as a whole word, by one of its keyword rules. How the words are scoped is tested by
 * vscode-tmgrammar-test (editors/vscode/test/grammar, run by scripts/build-vscode-extension.sh).
 */
class TextMateGrammarTest {
    private static final Path GRAMMAR = Path.of(System.getProperty("bnn.repository.root", ".."))
            .resolve("editors/vscode/syntaxes/bnn.tmLanguage.json");

    @Test
    void everyKeywordOfTheLanguageIsColoured() throws IOException {
        JsonElement grammar = JsonParser.parseString(Files.readString(GRAMMAR));
        assertEquals("source.bnn", grammar.getAsJsonObject().get("scopeName").getAsString());
        List<Map.Entry<String, Pattern>> rules = new ArrayList<>();
        collectWordRules(grammar, rules);

        TreeSet<String> uncoloured = new TreeSet<>();
        TreeSet<String> keywords = keywords();
        for (String keyword : keywords) {
            // followed by a number, as 'x' in "28 x 28" (the shape separator) is coloured only there
            String text = keyword + " 1";
            boolean coloured = rules.stream().map(rule -> rule.getValue().matcher(text))
                    .anyMatch(m -> m.lookingAt() && m.end() == keyword.length());
            if (!coloured) {
                uncoloured.add(keyword);
            }
        }
        assertTrue(keywords.size() > 100 && keywords.contains("mapping") && keywords.contains("2T2R"), keywords.toString());
        assertEquals(new TreeSet<>(), uncoloured, "keywords without a TextMate rule in " + GRAMMAR);
    }

    /** The keywords of the parser and enum rules (the terminal rules' characters, such as the 'e' of 1e-5, are none). */
    private static TreeSet<String> keywords() {
        IGrammarAccess access = new BnnStandaloneSetup().createInjectorAndDoEMFRegistration().getInstance(IGrammarAccess.class);
        TreeSet<String> keywords = new TreeSet<>();
        for (AbstractRule rule : GrammarUtil.allRules(access.getGrammar())) {
            if (rule instanceof ParserRule || rule instanceof EnumRule) {
                for (Keyword keyword : EcoreUtil2.getAllContentsOfType(rule, Keyword.class)) {
                    if (Character.isLetterOrDigit(keyword.getValue().charAt(0))) {
                        keywords.add(keyword.getValue());
                    }
                }
            }
        }
        return keywords;
    }

    /** Every "match" of a rule that colours words (not comments, strings or numbers), with its scope. */
    private static void collectWordRules(JsonElement element, List<Map.Entry<String, Pattern>> into) {
        if (element.isJsonArray()) {
            element.getAsJsonArray().forEach(e -> collectWordRules(e, into));
        } else if (element.isJsonObject()) {
            var object = element.getAsJsonObject();
            if (object.has("match") && object.has("name")) {
                String scope = object.get("name").getAsString();
                if (scope.startsWith("keyword.") || scope.startsWith("storage.") || scope.startsWith("constant.language.")) {
                    into.add(Map.entry(scope, Pattern.compile(object.get("match").getAsString())));
                }
            }
            object.entrySet().forEach(e -> collectWordRules(e.getValue(), into));
        }
    }

    /** A check of this test's own matching: the keyword rules take whole words only. */
    @Test
    void aKeywordRuleTakesWholeWordsOnly() throws IOException {
        List<Map.Entry<String, Pattern>> rules = new ArrayList<>();
        collectWordRules(JsonParser.parseString(Files.readString(GRAMMAR)), rules);
        for (String notAKeyword : List.of("tilesX 1", "per-chipped 1", "mappings 1", "x1 1")) {
            for (Map.Entry<String, Pattern> rule : rules) {
                Matcher matcher = rule.getValue().matcher(notAKeyword);
                assertTrue(!matcher.lookingAt() || matcher.end() == 0, rule.getKey() + " takes a part of '" + notAKeyword + "'");
            }
        }
    }
}
