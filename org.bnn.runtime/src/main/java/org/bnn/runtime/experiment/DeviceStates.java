package org.bnn.runtime.experiment;

import java.util.ArrayList;
import java.util.List;

import org.bnn.runtime.aging.Aging;
import org.bnn.runtime.aging.Condition;
import org.bnn.runtime.device.DeviceSpec;
import org.bnn.runtime.device.RegimeSpec;
import org.bnn.runtime.spec.MappingSpec;

/**
 * The device states the points of a regime or aging sweep read a mapping's chips in: for each
 * point, the regime the chips were programmed under and what a read meets then ({@link Aging#at}).
 */
record DeviceStates(String label, RegimeSpec programmed, Aging.Aged then) {

    /** One state per regime, each aged to {@code condition}. */
    static List<DeviceStates> of(MappingSpec mapping, SweepSpec.Regimes regimes, Condition condition) {
        DeviceSpec device = device(mapping);
        List<DeviceStates> states = new ArrayList<>();
        for (String name : regimes.regimes()) {
            RegimeSpec regime = device.regime(name);
            states.add(new DeviceStates(name, regime, regime.aging().at(regime, device.stuckAt(), condition)));
        }
        return List.copyOf(states);
    }

    /** One state per point of {@code ages}, the mapping's regime aged to {@code base} with the axis at the point. */
    static List<DeviceStates> of(MappingSpec mapping, SweepSpec.Ages ages, Condition base) {
        DeviceSpec device = device(mapping);
        RegimeSpec regime = programmed(mapping, ages.axis().keyword());
        List<DeviceStates> states = new ArrayList<>();
        for (double point : ages.points()) {
            Condition condition = ages.axis().apply(base, point);
            states.add(new DeviceStates(ages.axis().label(point), regime, regime.aging().at(regime, device.stuckAt(), condition)));
        }
        return List.copyOf(states);
    }

    /** One state per stuck-at probability of {@code faults}, the mapping's regime aged to {@code condition}. */
    static List<DeviceStates> of(MappingSpec mapping, SweepSpec.StuckDevices faults, Condition condition) {
        DeviceSpec device = device(mapping);
        RegimeSpec regime = programmed(mapping, "stuck devices");
        List<DeviceStates> states = new ArrayList<>();
        for (double probability : faults.points()) {
            states.add(new DeviceStates(Condition.countLabel(probability), regime,
                    regime.aging().at(regime, faults.at(probability, device.stuckAt()), condition)));
        }
        return List.copyOf(states);
    }

    /** The regime the mapping's chips are programmed under, required to sweep {@code what}. */
    static RegimeSpec programmed(MappingSpec mapping, String what) {
        return device(mapping).regime(mapping.regime().orElseThrow(() -> new IllegalArgumentException("MappingSpec(" + mapping.name()
                + ").regime is required to sweep " + what + " (the regime its chips are programmed under), got none")));
    }

    private static DeviceSpec device(MappingSpec mapping) {
        return mapping.chip().tile().device().orElseThrow(() -> new IllegalArgumentException("MappingSpec(" + mapping.name()
                + ") runs on tile " + mapping.chip().tile().name() + ", which has no device"));
    }
}
