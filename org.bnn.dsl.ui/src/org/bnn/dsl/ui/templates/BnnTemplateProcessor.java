package org.bnn.dsl.ui.templates;

import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.templates.GlobalTemplateVariables;
import org.eclipse.jface.text.templates.Template;
import org.eclipse.jface.text.templates.TemplateCompletionProcessor;
import org.eclipse.jface.text.templates.TemplateContextType;
import org.eclipse.swt.graphics.Image;

/**
 * Templates of content assist: the skeletons of a device, tile, chip, network, mapping and
 * experiment (the shapes of the new-file template), with linked fields to fill in.
 */
public final class BnnTemplateProcessor extends TemplateCompletionProcessor {

    static final String CONTEXT = "org.bnn.dsl.ui.templates.element";

    private static final TemplateContextType CONTEXT_TYPE = contextType();

    private static final Template[] TEMPLATES = {
        template("device", "a memory technology with one programming regime", """
                device ${Name} {
                    stack "${stack}"
                    node 130 nm
                    regime nominal {
                        lrs lognormal(median 8 kOhm, sigma 0.25)
                        hrs lognormal(median 180 kOhm, sigma 0.80)
                        set 1.8 V 100 uA 500 ns
                        reset 1.8 V 100 uA 500 ns
                    }
                }
                ${cursor}"""),
        template("tile", "a 2T2R array tile with its sense amplifier", """
                tile ${Name} {
                    cells 32 rows x 32 columns 2T2R of ${device}
                    sense pcsa { mismatch 2 % noise 1 % energy 25 fJ per sense delay 2 ns }
                }
                ${cursor}"""),
        template("chip", "a chip of tiles with its clock", """
                chip ${Name} {
                    tiles 4096 of ${tile}
                    clock 100 MHz
                }
                ${cursor}"""),
        template("network", "a binarized multi-layer perceptron", """
                network ${Name} {
                    input pixels: 28 x 28
                    dense fc1: 1024
                    output out: dense 10
                }
                ${cursor}"""),
        template("mapping", "a network on a chip, in a regime", """
                mapping ${Name} {
                    network ${network} on ${chip}
                    regime nominal
                }
                ${cursor}"""),
        template("experiment", "a seeded sweep of weight bit error rates", """
                experiment ${Name} {
                    run ${mapping} on random 500 inputs
                    errors weight-level resample per-chip
                    sweep ber { 0, 1e-4, 1e-3, 1e-2 }
                    trials 3
                    seed 42
                }
                ${cursor}"""),};

    private static TemplateContextType contextType() {
        TemplateContextType type = new TemplateContextType(CONTEXT, "BNN elements");
        type.addResolver(new GlobalTemplateVariables.Cursor());
        return type;
    }

    private static Template template(String name, String description, String pattern) {
        return new Template(name, description, CONTEXT, pattern.stripTrailing(), true);
    }

    @Override
    protected Template[] getTemplates(String contextTypeId) {
        return CONTEXT.equals(contextTypeId) ? TEMPLATES.clone() : new Template[0];
    }

    @Override
    protected TemplateContextType getContextType(ITextViewer viewer, IRegion region) {
        return CONTEXT_TYPE;
    }

    @Override
    protected Image getImage(Template template) {
        return null;
    }
}
