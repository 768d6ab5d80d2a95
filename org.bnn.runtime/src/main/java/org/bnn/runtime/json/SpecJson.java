package org.bnn.runtime.json;

import java.io.UncheckedIOException;
import java.util.stream.Stream;

import java.util.List;

import org.bnn.runtime.aging.Aging;
import org.bnn.runtime.aging.Condition;
import org.bnn.runtime.device.ReadReference;
import org.bnn.runtime.device.RegimeSpec;
import org.bnn.runtime.experiment.ErrorSpec;
import org.bnn.runtime.explore.ExploreAxis;
import org.bnn.runtime.experiment.ExperimentSpec;
import org.bnn.runtime.experiment.InputSource;
import org.bnn.runtime.experiment.SweepSpec;
import org.bnn.runtime.spec.CellTechnology;
import org.bnn.runtime.spec.InputEncoding;
import org.bnn.runtime.spec.LayerSpec;
import org.bnn.runtime.spec.MappingSpec;
import org.bnn.runtime.spec.PoolKind;
import org.bnn.runtime.spec.TileSpec;
import org.bnn.runtime.spec.WeightValues;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;

/**
 * JSON of fully resolved descriptions (specs with every default filled in, SI units), written
 * next to every result so that it can be reproduced, and read back to rerun it. The spec records
 * stay free of JSON annotations: the polymorphic types are declared here, as mix-ins.
 */
public final class SpecJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new Jdk8Module())
            .addMixIn(LayerSpec.class, LayerKinds.class)
            .addMixIn(LayerSpec.Pool.class, PoolFields.class)
            .addMixIn(InputEncoding.class, EncodingKinds.class)
            .addMixIn(ReadReference.class, ReferenceKinds.class)
            .addMixIn(CellTechnology.class, CellKinds.class)
            .registerSubtypes(cellKinds())
            .addMixIn(InputSource.class, InputSourceKinds.class)
            .addMixIn(SweepSpec.class, SweepKinds.class)
            .addMixIn(ExploreAxis.class, AxisKinds.class)
            .addMixIn(ExperimentSpec.class, ExperimentFields.class)
            .addMixIn(ErrorSpec.class, ErrorFields.class)
            .addMixIn(RegimeSpec.class, RegimeFields.class)
            .addMixIn(Aging.class, AgingFields.class)
            .addMixIn(TileSpec.class, TileFields.class)
            .enable(SerializationFeature.INDENT_OUTPUT)
            // Lines end with "\n" on every platform (the default indenter uses the system's separator).
            .defaultPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")))
            // Map.copyOf's iteration order changes between JVM runs: sort, so the same spec gives the same bytes.
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private SpecJson() {
    }

    /** Pretty-printed JSON of a spec (or of any record made of specs). */
    public static String write(Object spec) {
        try {
            return MAPPER.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write " + spec.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /**
     * Reads a spec back; the records' constructors check every value as usual.
     *
     * @throws IllegalArgumentException with the parser's message if the JSON is malformed or a
     *                                  value is rejected
     */
    public static <T> T read(String json, Class<T> type) {
        try {
            JsonNode tree = MAPPER.readTree(json);
            if (tree == null) {
                throw new IllegalArgumentException("invalid " + type.getSimpleName() + " JSON: no content");
            }
            return MAPPER.treeToValue(withPoolKindsMoved(tree), type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("invalid " + type.getSimpleName() + " JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * JSON written before a pool's own kind had a name of its own: its {@code "kind" : "MAX"} (or {@code "AVG"})
     * had replaced the layer's {@code "kind" : "pool"} wherever the JSON went through a tree (as report.json
     * does). Such a layer, recognised by its value, reads as the pool it was.
     */
    private static JsonNode withPoolKindsMoved(JsonNode node) {
        if (node instanceof ObjectNode object && object.get("kind") instanceof TextNode kind && !object.has("pool")
                && Stream.of(PoolKind.values()).anyMatch(pool -> pool.name().equals(kind.textValue()))) {
            object.put("kind", "pool");
            object.set("pool", kind);
        }
        node.forEach(SpecJson::withPoolKindsMoved);
        return node;
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    @JsonSubTypes({@JsonSubTypes.Type(value = LayerSpec.Dense.class, name = "dense"),
        @JsonSubTypes.Type(value = LayerSpec.Conv.class, name = "conv"),
        @JsonSubTypes.Type(value = LayerSpec.Pool.class, name = "pool"),
        @JsonSubTypes.Type(value = LayerSpec.Output.class, name = "output")})
    private interface LayerKinds {
        /** Written for ternary layers only, so binary descriptions read as they always did. */
        @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = BinaryValues.class)
        WeightValues values();
    }

    /** A pool's own kind (max, avg) is its "pool": "kind" names the layer's type. */
    private abstract static class PoolFields {
        @JsonProperty("pool")
        abstract PoolKind kind();
    }

    /** Jackson's value filter: true (leave the property out) for binary weights. */
    private static final class BinaryValues {
        @Override
        public boolean equals(Object value) {
            return value == WeightValues.BINARY;
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    @JsonSubTypes({@JsonSubTypes.Type(value = InputEncoding.Binarize.class, name = "binarize"),
        @JsonSubTypes.Type(value = InputEncoding.BitSerial.class, name = "bitserial")})
    private interface EncodingKinds {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    @JsonSubTypes({@JsonSubTypes.Type(value = ReadReference.Fixed.class, name = "fixed"),
        @JsonSubTypes.Type(value = ReadReference.Best.class, name = "best")})
    private interface ReferenceKinds {
    }

    /** Every technology the model permits, named by its record: a new one needs no change here. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    private interface CellKinds {
    }

    private static NamedType[] cellKinds() {
        return Stream.of(CellTechnology.class.getPermittedSubclasses()).map(kind -> new NamedType(kind, kind.getSimpleName()))
                .toArray(NamedType[]::new);
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    @JsonSubTypes({@JsonSubTypes.Type(value = InputSource.Random.class, name = "random"),
        @JsonSubTypes.Type(value = InputSource.Dataset.class, name = "dataset")})
    private interface InputSourceKinds {
    }

    /** An experiment of one mapping is written as before experiments could compare several. */
    private abstract static class ExperimentFields {
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        abstract List<MappingSpec> otherMappings();
    }

    /** Chips read at once after programming are written as before there was aging. */
    private abstract static class ErrorFields {
        @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = FreshCondition.class)
        abstract Condition condition();
    }

    /**
     * A Jackson value filter that leaves out one default value: Jackson calls equals with the value,
     * and true leaves it out.
     */
    private abstract static class Excludes {
        private final Object left;

        Excludes(Object left) {
            this.left = left;
        }

        @Override
        public boolean equals(Object value) {
            return left.equals(value);
        }

        @Override
        public int hashCode() {
            return left.hashCode();
        }
    }

    /** Leaves out {@link Condition#FRESH}. */
    private static final class FreshCondition extends Excludes {
        FreshCondition() {
            super(Condition.FRESH);
        }
    }

    /** Regimes whose devices do not age are written as before there was aging. */
    private abstract static class RegimeFields {
        @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = NoAging.class)
        abstract Aging aging();
    }

    /** Leaves out {@link Aging#NONE}. */
    private static final class NoAging extends Excludes {
        NoAging() {
            super(Aging.NONE);
        }
    }

    /** Tiles without spare columns are written, and read back, as before there were spares. */
    private abstract static class TileFields {
        @JsonInclude(JsonInclude.Include.NON_DEFAULT)
        @JsonSetter(nulls = Nulls.AS_EMPTY)
        abstract int spareColumns();
    }

    /** An aging model is written with the parts it has. */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    private abstract static class AgingFields {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    @JsonSubTypes({@JsonSubTypes.Type(value = SweepSpec.Ber.class, name = "ber"),
        @JsonSubTypes.Type(value = SweepSpec.Ages.class, name = "ages"),
        @JsonSubTypes.Type(value = SweepSpec.StuckDevices.class, name = "stuck"),
        @JsonSubTypes.Type(value = SweepSpec.Regimes.class, name = "regimes"),
        @JsonSubTypes.Type(value = SweepSpec.Layers.class, name = "layers")})
    private interface SweepKinds {
    }

    /** What an exploration varies, named as the language writes it after {@code vary}. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "axis")
    @JsonSubTypes({@JsonSubTypes.Type(value = ExploreAxis.Regimes.class, name = "regime"),
        @JsonSubTypes.Type(value = ExploreAxis.TileSizes.class, name = "tile"),
        @JsonSubTypes.Type(value = ExploreAxis.Cells.class, name = "cells"),
        @JsonSubTypes.Type(value = ExploreAxis.Replication.class, name = "replicate"),
        @JsonSubTypes.Type(value = ExploreAxis.InputBits.class, name = "input bits"),
        @JsonSubTypes.Type(value = ExploreAxis.Ber.class, name = "ber")})
    private interface AxisKinds {
    }
}
