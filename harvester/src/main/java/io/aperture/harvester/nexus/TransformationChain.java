package io.aperture.harvester.nexus;

import java.util.ArrayList;
import java.util.List;

/**
 * Composes NXtransformations into a 4x4 homogeneous matrix. The chain is given from the object outwards (the
 * transformation its depends_on names first); each step is T = Translate(offset) · (rotation or translation by value),
 * and the lab-frame transform is T_n · … · T_2 · T_1.
 */
public final class TransformationChain {

    /** One resolved step; lengths in metres, angles in radians. */
    public record Step(String path, boolean rotation, double[] vector, double value, double[] offset) {
    }

    private final List<Step> steps = new ArrayList<>();

    public void add(Step step) {
        steps.add(step);
    }

    public List<Step> steps() {
        return List.copyOf(steps);
    }

    public double[][] matrix() {
        double[][] m = identity();
        for (Step s : steps) {
            m = multiply(stepMatrix(s), m);
        }
        return m;
    }

    public List<Double> position() {
        double[][] m = matrix();
        return List.of(clean(m[0][3]), clean(m[1][3]), clean(m[2][3]));
    }

    public List<List<Double>> orientation() {
        double[][] m = matrix();
        List<List<Double>> rows = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            rows.add(List.of(clean(m[i][0]), clean(m[i][1]), clean(m[i][2])));
        }
        return rows;
    }

    // Round away floating noise (1e-17 instead of 0) so records are stable and readable.
    private static double clean(double d) {
        double r = Math.round(d * 1e12) / 1e12;
        return r == 0 ? 0.0 : r;
    }

    static double[][] stepMatrix(Step s) {
        double[] v = normalise(s.vector());
        double[][] m = identity();
        if (s.rotation()) {
            double c = Math.cos(s.value());
            double sn = Math.sin(s.value());
            double t = 1 - c;
            double x = v[0];
            double y = v[1];
            double z = v[2];
            m[0][0] = t * x * x + c;
            m[0][1] = t * x * y - sn * z;
            m[0][2] = t * x * z + sn * y;
            m[1][0] = t * x * y + sn * z;
            m[1][1] = t * y * y + c;
            m[1][2] = t * y * z - sn * x;
            m[2][0] = t * x * z - sn * y;
            m[2][1] = t * y * z + sn * x;
            m[2][2] = t * z * z + c;
        } else {
            m[0][3] = v[0] * s.value();
            m[1][3] = v[1] * s.value();
            m[2][3] = v[2] * s.value();
        }
        double[] o = s.offset() == null ? new double[3] : s.offset();
        m[0][3] += o[0];
        m[1][3] += o[1];
        m[2][3] += o[2];
        return m;
    }

    private static double[] normalise(double[] v) {
        double n = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        return n == 0 ? new double[]{0, 0, 0} : new double[]{v[0] / n, v[1] / n, v[2] / n};
    }

    private static double[][] identity() {
        double[][] m = new double[4][4];
        for (int i = 0; i < 4; i++) {
            m[i][i] = 1;
        }
        return m;
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        double[][] r = new double[4][4];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                double s = 0;
                for (int k = 0; k < 4; k++) {
                    s += a[i][k] * b[k][j];
                }
                r[i][j] = s;
            }
        }
        return r;
    }
}
