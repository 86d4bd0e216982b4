package io.aperture.record;

import io.aperture.units.Quantity;

import java.util.List;

/**
 * @param position    lab-frame position of the detector origin in metres, from its depends_on chain
 * @param orientation 3x3 rotation of the detector frame in the lab frame, rows first
 */
public record Detector(String name, String path, String description, String type, Quantity distance,
                       Quantity xPixelSize, Quantity yPixelSize, Quantity beamCenterX, Quantity beamCenterY,
                       String sensorMaterial, Quantity sensorThickness, Quantity countTime, Quantity saturationValue,
                       String dependsOn, List<Double> position, List<List<Double>> orientation) {
}
