package org.bnn.runtime.engine;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The trained parameters of a network: one {@link LayerParameters} per layer with weights, looked
 * up by layer name. {@link BinaryNetwork#create} checks them against a
 * {@link org.bnn.runtime.spec.NetworkSpec}: every layer with weights present with the right shape,
 * nothing extra.
 */
public final class NetworkParameters implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Map<String, LayerParameters> layers;

    public NetworkParameters(List<LayerParameters> layers) {
        Map<String, LayerParameters> byName = new LinkedHashMap<>();
        for (LayerParameters layer : layers) {
            if (byName.put(layer.layer(), layer) != null) {
                throw new IllegalArgumentException("NetworkParameters has two entries for layer " + layer.layer());
            }
        }
        this.layers = byName;
    }

    public static NetworkParameters of(LayerParameters... layers) {
        return new NetworkParameters(List.of(layers));
    }

    /** The parameters of layer {@code name}, if given. */
    public Optional<LayerParameters> layer(String name) {
        return Optional.ofNullable(layers.get(name));
    }

    /** All entries, in the order given. */
    public List<LayerParameters> layers() {
        return new ArrayList<>(layers.values());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NetworkParameters p && p.layers.equals(layers);
    }

    @Override
    public int hashCode() {
        return layers.hashCode();
    }
}
