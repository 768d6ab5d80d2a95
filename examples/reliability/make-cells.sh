#!/bin/sh
# Writes cells.csv, the SYNTHETIC example measurements (docs/reliability.md): seed 16, 50 devices per regime, state and time.
cd "$(dirname "$0")/../.." && ./mvnw -B -q -P'!eclipse' -DskipTests -pl org.bnn.cli -am package && java -cp org.bnn.cli/target/bnn.jar org.bnn.calibration.synthetic.SyntheticMeasurements examples/reliability/cells.csv 16 50
