package org.bnn.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.bnn.cli.compile.InMemoryJavaCompiler;
import org.bnn.dsl.bnn.BnnPackage;
import org.bnn.dsl.bnn.Model;
import org.bnn.dsl.generator.JavaNames;
import org.bnn.dsl.validation.BnnIssueCodes;
import org.bnn.runtime.spec.MappingSpec;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.generator.GeneratorDelegate;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.eclipse.xtext.testing.validation.ValidationTestHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;

/**
 * What validates also generates, compiles and loads: names and texts at the language's limits
 * give Java that compiles (class and file names, string constants), one beyond them and packages
 * the JDK keeps for itself are validation errors.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(BnnInjectorProvider.class)
class JavaNamesValidationTest {
    private static final BnnPackage BNN = BnnPackage.eINSTANCE;

    @Inject
    private ParseHelper<Model> parser;
    @Inject
    private ValidationTestHelper validation;
    @Inject
    private GeneratorDelegate generator;

    private static String design(String packageName, String name, String stack) {
        return "package " + packageName + "\n"
                + "device " + name + " { stack \"" + stack + "\" regime r { lrs lognormal(median 4 kOhm, sigma 0.15) "
                + "hrs lognormal(median 120 kOhm, sigma 0.70) set 2 V 200 uA 1 us reset 2 V 200 uA 1 us endurance 1e6 } }\n"
                + "tile " + name + "T { cells 8 rows x 8 columns 2T2R of " + name + " }\n"
                + "chip " + name + "C { tiles 100 of " + name + "T }\n"
                + "network " + name + "N { input " + name + ": 16  output " + name + "O: dense 3 }\n"
                + "mapping " + name + " { network " + name + "N on " + name + "C }\n"
                + "experiment " + name + "X { run " + name + " on random 4 inputs sweep ber { 0 } seed 1 }\n";
    }

    /** A name of {@code length} characters that ends with {@code tail}. */
    private static String name(int length, String tail) {
        return "n".repeat(length - tail.length()) + tail;
    }

    @Test
    void namesAndTextsAtTheLimitsGenerateJavaThatCompilesAndLoads() throws Exception {
        String mapping = name(JavaNames.MAX_NAME_LENGTH, "");
        String longest = name(JavaNames.MAX_NAME_LENGTH - 1, "");
        // every name at the limit (the suffixed ones one shorter), a stack of 4096 characters of 3 bytes each in UTF-8
        Model model = parser
                .parse(design("new.^class." + name(JavaNames.MAX_NAME_LENGTH - 10, ""), longest, "\u20ac".repeat(JavaNames.MAX_TEXT_LENGTH))
                        .replace("mapping " + longest + " {", "mapping " + mapping + " {")
                        .replace("run " + longest + " on", "run " + mapping + " on"));
        assertEquals(List.of(), validation.validate(model).stream().filter(issue -> issue.getSeverity() == Severity.ERROR).toList());
        Map<String, String> sources = BnnGeneratorTest.generate(generator, model);
        assertEquals(2, sources.size(), sources::toString);
        for (String file : sources.keySet()) {
            String fileName = file.substring(file.lastIndexOf('/') + 1);
            assertTrue(fileName.getBytes(StandardCharsets.UTF_8).length <= 255, fileName);
        }
        InMemoryJavaCompiler.Result compiled = new InMemoryJavaCompiler().compile(sources);
        String simulation = "new_.class_." + name(JavaNames.MAX_NAME_LENGTH - 10, "") + "." + mapping + "Simulation";
        MappingSpec spec = (MappingSpec) compiled.load(simulation).getMethod("mapping").invoke(null);
        assertEquals(mapping, spec.name());
        assertEquals("\u20ac".repeat(JavaNames.MAX_TEXT_LENGTH), spec.chip().tile().device().orElseThrow().stack());
    }

    @Test
    void aNameOrATextBeyondTheLimitIsAnError() throws Exception {
        String tooLong = name(JavaNames.MAX_NAME_LENGTH + 1, "");
        Model model = parser.parse(design("lab", tooLong, "x".repeat(JavaNames.MAX_TEXT_LENGTH + 1)));
        validation.assertError(model, BNN.getMapping(), BnnIssueCodes.NAME_TOO_LONG, "A name has at most 200 characters");
        validation.assertError(model, BNN.getDevice(), BnnIssueCodes.NAME_TOO_LONG, "got 201");
        validation.assertError(model, BNN.getInput(), BnnIssueCodes.NAME_TOO_LONG, "got 201");
        validation.assertError(model, BNN.getDevice(), BnnIssueCodes.TEXT_TOO_LONG, "A quoted text has at most 4096 characters, got 4097");
        Model seventyThousand = parser.parse(design("lab", name(70_000, ""), "s"));
        validation.assertError(seventyThousand, BNN.getMapping(), BnnIssueCodes.NAME_TOO_LONG, "got 70000");
        validation.assertError(parser.parse(design(name(JavaNames.MAX_NAME_LENGTH - 1, "") + ".b", "M", "s")), BNN.getModel(),
                BnnIssueCodes.NAME_TOO_LONG, "got 201");
    }

    @Test
    void packagesOfTheJdkAreErrors() throws Exception {
        for (String reserved : List.of("java.lang", "java", "javax.swing", "javax.mine", "^java.util.^function", "org.w3c.dom",
                "sun.misc")) {
            Model model = parser.parse(design(reserved, "M", "s"));
            validation.assertError(model, BNN.getModel(), BnnIssueCodes.RESERVED_PACKAGE, "cannot hold the generated Java classes");
        }
        validation.assertNoError(parser.parse(design("javanese.lab", "M", "s")), BnnIssueCodes.RESERVED_PACKAGE);
        validation.assertNoError(parser.parse(design("org.w3c.lab", "M", "s")), BnnIssueCodes.RESERVED_PACKAGE);
    }
}
