package org.bnn.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.bnn.dsl.bnn.CellKind;
import org.bnn.dsl.bnn.Device;
import org.bnn.dsl.bnn.Regime;
import org.bnn.dsl.bnn.DenseLayer;
import org.bnn.dsl.bnn.Mapping;
import org.bnn.dsl.bnn.Model;
import org.bnn.dsl.bnn.Network;
import org.bnn.dsl.bnn.OutputLayer;
import org.bnn.dsl.bnn.Tile;
import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;

@ExtendWith(InjectionExtension.class)
@InjectWith(BnnInjectorProvider.class)
class BnnParsingTest {
    @Inject
    private ParseHelper<Model> parser;
    @Inject
    private com.google.inject.Provider<XtextResourceSet> resourceSetProvider;

    /**
     * As in Java, a file sees what its package declares in other files without importing its own package; another
     * package's elements still need an import.
     */
    @Test
    void aPackagesOtherFilesAreVisibleWithoutAnImportAndOtherPackagesAreNot() throws Exception {
        XtextResourceSet resources = resourceSetProvider.get();
        parser.parse(TestFiles.read("examples/lib/illustrative-hw.bnn"), URI.createURI("lib.bnn"), resources);
        parser.parse("""
                package lab.one
                network Small {
                    input x: 4 x 4
                    output out: dense 2
                }
                """, URI.createURI("network.bnn"), resources);
        Model samePackage = parser.parse("""
                package lab.one
                import presets.illustrative.*
                mapping OnDemo {
                    network Small on Demo
                }
                """, URI.createURI("mapping.bnn"), resources);
        Model otherPackage = parser.parse("""
                package lab.two
                import presets.illustrative.*
                mapping OnDemo {
                    network Small on Demo
                }
                """, URI.createURI("other.bnn"), resources);
        org.eclipse.emf.ecore.util.EcoreUtil.resolveAll(resources);
        Mapping found = (Mapping) samePackage.getElements().get(0);
        assertFalse(found.getNetwork().eIsProxy(), "lab.one.Small, seen from lab.one");
        assertEquals("Small", found.getNetwork().getName());
        assertEquals(List.of(), samePackage.eResource().getErrors());
        Mapping notFound = (Mapping) otherPackage.getElements().get(0);
        assertTrue(notFound.getNetwork().eIsProxy(), "lab.one.Small is not lab.two's");
        assertFalse(otherPackage.eResource().getErrors().isEmpty());
    }

    @Test
    void parsesTheQuickstartExampleWithItsLibrary() throws Exception {
        XtextResourceSet resources = resourceSetProvider.get();
        Model library = parser.parse(TestFiles.read("examples/lib/illustrative-hw.bnn"), URI.createURI("lib.bnn"), resources);
        Model model = parser.parse(TestFiles.read("examples/quickstart/quickstart.bnn"), URI.createURI("quickstart.bnn"), resources);
        assertEquals(List.of(), library.eResource().getErrors());
        assertEquals(List.of(), model.eResource().getErrors());
        assertEquals("examples.quickstart", model.getName());

        Device device = (Device) library.getElements().get(0);
        assertEquals(List.of("strong", "nominal", "low", "very_low", "ultra_low"),
                device.getRegimes().stream().map(Regime::getName).toList());
        Regime nominal = device.getRegimes().get(1);
        assertEquals(8.0, nominal.getLrs().getMedian().getValue());
        assertEquals("kOhm", nominal.getLrs().getMedian().getUnit());
        assertEquals(500.0, nominal.getSet().getWidth().getValue());
        assertEquals("ns", nominal.getSet().getWidth().getUnit());
        assertEquals(1e7, nominal.getEndurance().getValue());

        Tile tile = (Tile) library.getElements().get(1);
        assertEquals(32, tile.getRows());
        assertEquals(CellKind.TWO_TTWO_R, tile.getCell());
        assertEquals(device, tile.getDevice());
        assertEquals("%", tile.getSense().getMismatch().getUnit());

        Network network = (Network) model.getElements().get(0);
        assertEquals(List.of(28, 28), network.getInput().getShape());
        assertEquals(4, network.getLayers().size());
        assertTrue(network.getLayers().get(0) instanceof DenseLayer);
        assertEquals(1024, ((DenseLayer) network.getLayers().get(0)).getUnits());
        assertTrue(network.getLayers().get(3) instanceof OutputLayer);

        Mapping mapping = (Mapping) model.getElements().get(1);
        assertEquals(network, mapping.getNetwork());
        assertEquals(library.getElements().get(2), mapping.getChip());
        assertEquals(nominal, mapping.getRegime());
    }

    @Test
    void commentsAndOneDimensionalInputsParse() throws Exception {
        Model model = parser.parse("""
                /* block */ network N { // line
                    input x: 784
                    output o: dense 10
                }
                """);
        assertEquals(List.of(), model.eResource().getErrors());
        assertEquals(List.of(784), ((Network) model.getElements().get(0)).getInput().getShape());
    }

    @Test
    void syntaxErrorsAreReportedWithTheirLine() throws Exception {
        Model model = parser.parse("""
                tile T {
                    cells 32 rows 32 columns 2T2R
                }
                """);
        assertFalse(model.eResource().getErrors().isEmpty());
        assertEquals(2, model.eResource().getErrors().get(0).getLine());
    }

    @Test
    void arbitraryTextNeverThrows() throws Exception {
        String[] inputs = {"", "}", "tile", "tile T {", "network N { input x: 1 x", "mapping M { network on }",
            "\u0000\u00ff garbage \"unterminated", "tile T { cells 99999999999999 rows x 1 columns 2T2R }",
            "package a.b.c import x.* import"};
        for (String text : inputs) {
            Model model = parser.parse(text);
            // Parsing may fail, but it must report errors rather than throw.
            if (model != null) {
                assertNotNull(model.eResource());
            }
        }
    }
}
