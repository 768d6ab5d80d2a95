package org.bnn.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.OptionalDouble;

import org.bnn.cli.compile.InMemoryJavaCompiler;
import org.bnn.dsl.bnn.BnnPackage;
import org.bnn.dsl.bnn.Explore;
import org.bnn.dsl.bnn.Model;
import org.bnn.dsl.formatting2.FormattedText;
import org.bnn.dsl.generator.ExploreTemplate;
import org.bnn.dsl.spec.ExploreTranslator;
import org.bnn.dsl.validation.BnnIssueCodes;
import org.bnn.runtime.explore.Constraint;
import org.bnn.runtime.explore.ExploreAxis;
import org.bnn.runtime.explore.ExploreSpec;
import org.bnn.runtime.explore.Objective;
import org.bnn.runtime.explore.Sampling;
import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.resource.XtextSyntaxDiagnostic;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.eclipse.xtext.testing.validation.ValidationTestHelper;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;
import com.google.inject.Provider;

/** {@code explore}: parsed, validated (each mistake with its code, on what is wrong), translated, formatted, generated. */
@ExtendWith(InjectionExtension.class)
@InjectWith(BnnInjectorProvider.class)
class ExploreLanguageTest {
    private static final BnnPackage BNN = BnnPackage.eINSTANCE;

    /** The illustrative presets (examples/lib: device HfO2 with five regimes, tile T32, chip Demo of 4,096 tiles) and more. */
    private static final String HARDWARE = """
            import presets.illustrative.*
            tile Bare { cells 32 rows x 32 columns 2T2R }
            chip B { tiles 200 of Bare }
            network N {
                input x: 28 x 28 bitserial 8 bits
                dense fc1: 32
                output out: dense 10
            }
            network Bin {
                input x: 28 x 28
                conv c: 4 kernel 3
                pool p: max 2
                output out: dense 10
            }
            mapping OnC { network N on Demo regime nominal }
            mapping OnBare { network N on B }
            mapping BinOnC { network Bin on Demo regime nominal }
            """;

    @Inject
    private ParseHelper<Model> parser;
    @Inject
    private ValidationTestHelper validation;
    @Inject
    private ExploreTranslator translator;
    @Inject
    private FormattedText formatter;
    @Inject
    private ExploreTemplate template;
    @Inject
    private Provider<XtextResourceSet> resourceSets;

    private Model parse(String explore) throws Exception {
        XtextResourceSet project = resourceSets.get();
        parser.parse(TestFiles.read("examples/lib/illustrative-hw.bnn"), URI.createURI("hw.bnn"), project);
        Model model = parser.parse(HARDWARE + explore, URI.createURI("explore.bnn"), project);
        assertEquals(List.of(), model.eResource().getErrors().stream().filter(XtextSyntaxDiagnostic.class::isInstance).toList(),
                "no syntax error");
        return model;
    }

    private static Explore explore(Model model) {
        return (Explore) model.getElements().get(model.getElements().size() - 1);
    }

    /** The one diagnostic of {@code code}, checked to be there exactly once. */
    private Issue only(Model model, String code) {
        List<Issue> all = validation.validate(model);
        List<Issue> issues = all.stream().filter(i -> code.equals(i.getCode())).toList();
        assertEquals(1, issues.size(), all.toString());
        return issues.get(0);
    }

    @Test
    void anExplorationParsesValidatesAndTranslatesWithItsRangesWrittenOut() throws Exception {
        Model model = parse("""
                explore Designs {
                    run OnC on random 50 inputs
                    vary regime { nominal, low }
                    vary tile { 32 x 72, 64 x 144 }
                    vary cells { 2T2R, 1T1R reference 18 kOhm, 1T1R reference best ecc secded(72,64) decode energy 2 pJ per word }
                    vary replicate fc1 from 1 to 3 step 1
                    vary input bits { 1, 8 }
                    vary ber from 1e-4 to 1e-2 log 3
                    sample latin-hypercube 10
                    objectives accuracy, energy, latency, tiles, programming, lifetime
                    require accuracy >= 90 %
                    require energy <= 1 uJ
                    require latency <= 2 us
                    require tiles <= chip
                    trials 2
                    seed 7
                }
                """);
        validation.assertNoErrors(model);
        ExploreSpec spec = translator.translate(explore(model));
        assertEquals(6, spec.axes().size());
        assertEquals(List.of(1, 2, 3), ((ExploreAxis.Replication) spec.axes().get(3)).copies());
        List<Double> bers = ((ExploreAxis.Ber) spec.axes().get(5)).rates();
        assertEquals(3, bers.size());
        assertEquals(1e-4, bers.get(0), 1e-18);
        assertEquals(1e-3, bers.get(1), 1e-15);
        assertEquals(1e-2, bers.get(2), 0);
        assertEquals("1T1R + secded(72,64)", ((ExploreAxis.Cells) spec.axes().get(2)).cells().get(2).label());
        assertEquals(new Sampling(Sampling.Kind.LATIN_HYPERCUBE, 10), spec.sampling());
        assertEquals(List.of(Objective.values()), spec.objectives());
        assertEquals(new Constraint(Objective.ACCURACY, true, OptionalDouble.of(0.9)), spec.constraints().get(0));
        assertEquals(new Constraint(Objective.ENERGY, false, OptionalDouble.of(1e-6)), spec.constraints().get(1));
        assertEquals(new Constraint(Objective.TILES, false, OptionalDouble.empty()), spec.constraints().get(3));
        assertEquals(7, spec.seed());
    }

    @Test
    void anEmptyAxisIsAnErrorOnTheAxis() throws Exception {
        Model model = parse("explore E { run OnC on random 5 inputs vary regime { nominal } vary tile { } objectives energy seed 1 }");
        Issue issue = only(model, BnnIssueCodes.EXPLORE_EMPTY_AXIS);
        assertTrue(issue.getMessage().contains("The axis 'tile' lists no value"), issue.getMessage());
        assertEquals(HARDWARE.length() + "explore E { run OnC on random 5 inputs vary regime { nominal } ".length(),
                issue.getOffset().intValue());
        only(parse("explore E { run OnC on random 5 inputs vary ber { } objectives accuracy seed 1 }"), BnnIssueCodes.EXPLORE_EMPTY_AXIS);
    }

    @Test
    void contradictoryConstraintsAreAnErrorOnTheLaterOne() throws Exception {
        Model model = parse("""
                explore E {
                    run OnC on random 5 inputs
                    vary regime { nominal, low }
                    objectives accuracy, energy
                    require accuracy >= 98 %
                    require accuracy <= 97 %
                    seed 1
                }
                """);
        Issue issue = only(model, BnnIssueCodes.EXPLORE_CONTRADICTORY_CONSTRAINTS);
        assertTrue(issue.getMessage().contains("'accuracy <= 0.97' contradicts 'accuracy >= 0.98'"), issue.getMessage());
        assertEquals(6, issue.getLineNumber().intValue() - HARDWARE.split("\n").length);
        Issue chip = only(parse("explore E { run OnC on random 5 inputs vary regime { nominal } objectives tiles require tiles <= chip "
                + "require tiles >= 5000 seed 1 }"), BnnIssueCodes.EXPLORE_CONTRADICTORY_CONSTRAINTS);
        assertTrue(chip.getMessage().contains("the chip has 4096 tiles"), chip.getMessage());
        only(parse("explore E { run OnC on random 5 inputs objectives energy require accuracy >= 101 % seed 1 }"),
                BnnIssueCodes.EXPLORE_CONTRADICTORY_CONSTRAINTS);
    }

    @Test
    void anAxisNamingWhatTheMappingDoesNotHaveIsAnError() throws Exception {
        Issue regimes = only(parse("explore E { run OnBare on random 5 inputs vary regime { } objectives tiles seed 1 }"),
                BnnIssueCodes.EXPLORE_EMPTY_AXIS);
        assertTrue(regimes.getMessage().contains("'regime'"), regimes.getMessage());
        validation.assertError(parse("explore E { run OnBare on random 5 inputs vary regime { nominal } objectives tiles seed 1 }"),
                BNN.getRegimeAxis(), "org.eclipse.xtext.diagnostics.Diagnostic.Linking", "Couldn't resolve reference to Regime 'nominal'");
        Issue bits = only(parse("explore E { run BinOnC on random 5 inputs vary input bits { 2, 4 } objectives energy seed 1 }"),
                BnnIssueCodes.EXPLORE_AXIS_NOT_APPLICABLE);
        assertTrue(bits.getMessage().contains("cannot vary input bits: the input of network Bin is binarized, not bit-serial"),
                bits.getMessage());
        Issue pool = only(parse("explore E { run BinOnC on random 5 inputs vary replicate p { 1, 2 } objectives energy seed 1 }"),
                BnnIssueCodes.EXPLORE_AXIS_NOT_APPLICABLE);
        assertTrue(pool.getMessage().contains("has no layer with weights named p"), pool.getMessage());
        Issue ber = only(parse("explore E { run OnC on random 5 inputs errors device-level vary ber { 0, 0.01 } objectives accuracy "
                + "seed 1 }"), BnnIssueCodes.EXPLORE_AXIS_NOT_APPLICABLE);
        assertTrue(ber.getMessage().contains("weight-level"), ber.getMessage());
    }

    @Test
    void valuesRangesSamplingAndObjectivesAreChecked() throws Exception {
        only(parse("explore E { run OnC on random 5 inputs vary ber { 0, 0.7 } objectives accuracy seed 1 }"),
                BnnIssueCodes.EXPLORE_AXIS_VALUES);
        only(parse("explore E { run OnC on random 5 inputs vary regime { low, low } objectives accuracy seed 1 }"),
                BnnIssueCodes.EXPLORE_AXIS_VALUES);
        only(parse("explore E { run OnC on random 5 inputs vary input bits { 2.5 } objectives accuracy seed 1 }"),
                BnnIssueCodes.EXPLORE_AXIS_VALUES);
        Issue range = only(parse("explore E { run OnC on random 5 inputs vary ber from 0 to 0.1 log 4 objectives accuracy seed 1 }"),
                BnnIssueCodes.EXPLORE_AXIS_VALUES);
        assertTrue(range.getMessage().contains("A log range starts above 0"), range.getMessage());
        only(parse("explore E { run OnC on random 5 inputs vary input bits from 8 to 1 step 1 objectives accuracy seed 1 }"),
                BnnIssueCodes.EXPLORE_AXIS_VALUES);
        only(parse("explore E { run OnC on random 5 inputs vary cells { 2T2R ecc secded(72,64) } objectives energy seed 1 }"),
                BnnIssueCodes.EXPLORE_AXIS_VALUES);
        only(parse("explore E { run OnC on random 5 inputs vary tile { 32 x 72 } vary tile { 64 x 72 } objectives energy seed 1 }"),
                BnnIssueCodes.EXPLORE_DUPLICATE_AXIS);
        only(parse("explore E { run OnC on random 5 inputs vary regime { low } sample random objectives energy seed 1 }"),
                BnnIssueCodes.EXPLORE_SETTINGS);
        only(parse("explore E { run OnC on random 5 inputs vary regime { low } seed 1 }"), BnnIssueCodes.EXPLORE_OBJECTIVES);
        only(parse("explore E { run OnC on random 5 inputs objectives energy, energy seed 1 }"), BnnIssueCodes.EXPLORE_OBJECTIVES);
        Issue nothingSetsTheBer = only(
                parse("explore E { run OnBare on random 5 inputs vary tile { 32 x 32 } objectives accuracy seed 1 }"),
                BnnIssueCodes.EXPLORE_SETTINGS);
        assertTrue(nothingSetsTheBer.getMessage().contains("nothing sets the chips' bit error rate"), nothingSetsTheBer.getMessage());
        validation.assertWarning(parse("explore E { run OnC on random 5 inputs objectives energy }"), BNN.getExplore(),
                BnnIssueCodes.EXPERIMENT_WITHOUT_SEED);
    }

    /** The new words stay names elsewhere: a package, a layer, a regime. */
    @Test
    void theWordsOfExplorationsAreStillNames() throws Exception {
        Model model = parser.parse("""
                package examples.explore
                network log {
                    input accuracy: 4
                    dense latency: 3
                    output lifetime: dense 2
                }
                """);
        validation.assertNoErrors(model);
    }

    @Test
    void anExplorationHasTheLanguagesOneLayout() throws Exception {
        String hardware = formatter.of((XtextResource) parser.parse(HARDWARE).eResource());
        String formatted = hardware + """

                explore E {
                    run OnC on random 5 inputs
                    vary regime { nominal, low }
                    vary input bits from 1 to 8 step 1
                    vary cells { 2T2R, 1T1R reference best }
                    sample random 4
                    objectives accuracy, energy, tiles
                    require tiles <= chip
                    require accuracy >= 90 %
                    seed 1
                }
                """;
        assertEquals(formatted, formatter.of((XtextResource) parser.parse(HARDWARE + "explore E{run OnC on random 5 inputs vary regime"
                + "{nominal,low} vary input bits from 1 to 8 step 1 vary cells {2T2R,1T1R reference best} sample random 4 objectives "
                + "accuracy,energy,tiles require tiles<=chip require accuracy>=90% seed 1}").eResource()));
        assertEquals(formatted, formatter.of((XtextResource) parser.parse(formatted).eResource()), "a formatted file stays as it is");
    }

    @Test
    void theGeneratedExplorationRebuildsTheSpec() throws Exception {
        Explore e = explore(parse("explore Study { run OnC on random 5 inputs vary regime { nominal, low } objectives accuracy, energy "
                + "require tiles <= chip seed 3 }"));
        String java = template.generate(e, "p", "study.bnn");
        assertTrue(java.contains("public final class StudyExploration {"), java);
        assertTrue(java.contains("axes(), new Sampling(Sampling.Kind.GRID, 0),"), java);
        assertTrue(
                java.contains(
                        "private static ExploreAxis axis1() {\n        return new ExploreAxis.Regimes(List.of(\"nominal\", \"low\"));"),
                java);
        assertTrue(java.contains("List.of(Objective.ACCURACY, Objective.ENERGY)"), java);
        assertTrue(java.contains("List.of(new Constraint(Objective.TILES, false, OptionalDouble.empty()))"), java);
        assertTrue(java.contains("InProcessExecutor.allCores()"), java);
    }

    /**
     * The generated Java of about the largest exploration the validator accepts compiles: six axes of 1,000 values
     * (the most an axis takes; a grid of 1e18 designs, 10 of them sampled). An axis of 10,000 values, accepted before,
     * was more than a method's 64 KB of bytecode (found by the fuzzer); each axis is now also a method of its own.
     */
    @Test
    void theLargestAxesGenerateJavaThatCompiles() throws Exception {
        String axes = IntStream.rangeClosed(1, 5).mapToObj(i -> "vary replicate d" + i + " from 1 to 1000 step 1 ")
                .collect(Collectors.joining());
        Explore e = explore(parse(deep() + "explore Big { run DeepOnC on random 5 inputs vary ber from 1e-9 to 0.5 log 1000 " + axes
                + "sample random 10 objectives accuracy, energy seed 3 }"));
        validation.assertNoErrors(e);
        String java = template.generate(e, "p", "big.bnn");
        InMemoryJavaCompiler.Result compiled = new InMemoryJavaCompiler().compile(Map.of("p/BigExploration.java", java));
        assertEquals(List.of(), compiled.warnings());
        ExploreSpec rebuilt = (ExploreSpec) compiled.loadSource("p/BigExploration.java").getMethod("exploration").invoke(null);
        assertEquals(translator.translate(e), rebuilt);
        assertEquals(List.of(1000, 1000, 1000, 1000, 1000, 1000), rebuilt.sizes());
    }

    /** A network of seven dense layers on Demo, for explorations with many replication axes. */
    private static String deep() {
        return "network Deep { input x: 4\n"
                + IntStream.rangeClosed(1, 7).mapToObj(i -> "dense d" + i + ": 4\n").collect(Collectors.joining())
                + "output out: dense 2 }\nmapping DeepOnC { network Deep on Demo regime nominal }\n";
    }

    @Test
    void tooManyValuesOrDesignsAreErrorsNotFailuresLater() throws Exception {
        Issue range = only(parse("explore E { run OnC on random 5 inputs vary ber from 1e-9 to 0.5 log 1001 objectives energy seed 1 }"),
                BnnIssueCodes.EXPLORE_AXIS_VALUES);
        assertEquals("A log range has 2 to 1000 values, got 1001", range.getMessage());
        String values = IntStream.rangeClosed(1, 1001).mapToObj(i -> String.valueOf(i * 1e-6))
                .collect(Collectors.joining(", "));
        Issue list = only(parse("explore E { run OnC on random 5 inputs vary ber { " + values + " } objectives energy seed 1 }"),
                BnnIssueCodes.EXPLORE_AXIS_VALUES);
        assertEquals("An axis takes at most 1000 values; this one lists 1001", list.getMessage());
        Issue grid = only(parse("explore E { run OnC on random 5 inputs vary ber from 1e-9 to 0.5 log 1000 vary replicate fc1 from 1 to 200"
                + " step 1 objectives energy seed 1 }"), BnnIssueCodes.EXPLORE_SETTINGS);
        assertTrue(grid.getMessage().contains("would visit 200000 designs (the grid of 1000 x 200); an exploration visits at most 100000:"
                + " sample some of them"), grid.getMessage());
        String axes = IntStream.rangeClosed(1, 7).mapToObj(i -> "vary replicate d" + i + " from 1 to 1000 step 1 ")
                .collect(Collectors.joining());
        Issue overflow = only(
                parse(deep() + "explore E { run DeepOnC on random 5 inputs " + axes + "sample random 5 objectives energy seed 1 }"),
                BnnIssueCodes.EXPLORE_SETTINGS);
        assertTrue(overflow.getMessage().contains("more than 2^63 of them: vary fewer values"), overflow.getMessage());
    }
}
