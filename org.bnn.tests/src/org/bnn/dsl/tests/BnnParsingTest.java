package org.bnn.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.bnn.dsl.bnn.CellKind;
import org.bnn.dsl.bnn.Chip;
import org.bnn.dsl.bnn.DenseLayer;
import org.bnn.dsl.bnn.Mapping;
import org.bnn.dsl.bnn.Model;
import org.bnn.dsl.bnn.Network;
import org.bnn.dsl.bnn.OutputLayer;
import org.bnn.dsl.bnn.Tile;
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

    @Test
    void parsesTheQuickstartExample() throws Exception {
        Path file = TestFiles.repositoryRoot().resolve("examples/quickstart/quickstart.bnn");
        Model model = parser.parse(Files.readString(file));
        assertNotNull(model);
        assertEquals(List.of(), model.eResource().getErrors());
        assertEquals("examples.quickstart", model.getName());

        Tile tile = (Tile) model.getElements().get(0);
        assertEquals("T32", tile.getName());
        assertEquals(32, tile.getRows());
        assertEquals(32, tile.getColumns());
        assertEquals(CellKind.TWO_TTWO_R, tile.getCell());

        Chip chip = (Chip) model.getElements().get(1);
        assertEquals(4096, chip.getTileCount());
        assertEquals(tile, chip.getTile());

        Network network = (Network) model.getElements().get(2);
        assertEquals(List.of(28, 28), network.getInput().getShape());
        assertEquals(4, network.getLayers().size());
        assertTrue(network.getLayers().get(0) instanceof DenseLayer);
        assertEquals(1024, network.getLayers().get(0).getUnits());
        assertTrue(network.getLayers().get(3) instanceof OutputLayer);
        assertEquals(10, network.getLayers().get(3).getUnits());

        Mapping mapping = (Mapping) model.getElements().get(3);
        assertEquals(network, mapping.getNetwork());
        assertEquals(chip, mapping.getChip());
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
