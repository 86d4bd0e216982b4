package io.aperture.harvester.hdf5;

import java.util.Objects;
import java.util.Arrays;
import java.util.List;

/**
 * A small value read from a dataset or attribute: either text or numbers (flattened), never both.
 * Integer types are carried as doubles; that is exact for every realistic metadata value.
 */
public record H5Value(List<String> texts, double[] numbers, int[] shape) {

    public static H5Value ofText(List<String> texts, int[] shape) {
        return new H5Value(List.copyOf(texts), null, shape);
    }

    public static H5Value ofNumbers(double[] numbers, int[] shape) {
        return new H5Value(null, numbers, shape);
    }

    public boolean isText() {
        return texts != null;
    }

    public boolean isNumeric() {
        return numbers != null;
    }

    public int size() {
        return isText() ? texts.size() : numbers.length;
    }

    /** First text element, trimmed; null for numeric or empty values. */
    public String text() {
        if (!isText() || texts.isEmpty() || texts.get(0) == null) {
            return null;
        }
        return texts.get(0).trim();
    }

    /** Text of this value whatever its type: numbers are printed, several elements are joined by commas. */
    public String asText() {
        if (isText()) {
            return texts.size() == 1 ? text() : String.join(",", texts);
        }
        if (numbers.length == 1) {
            return formatNumber(numbers[0]);
        }
        return String.join(",", Arrays.stream(numbers).mapToObj(H5Value::formatNumber).toList());
    }

    public Double number() {
        if (isNumeric() && numbers.length > 0) {
            return numbers[0];
        }
        if (isText()) {
            try {
                String t = text();
                return t == null ? null : Double.valueOf(t);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static String formatNumber(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof H5Value v && Objects.equals(texts, v.texts)
                && Arrays.equals(numbers, v.numbers) && Arrays.equals(shape, v.shape);
    }

    @Override
    public int hashCode() {
        return Objects.hash(texts, Arrays.hashCode(numbers), Arrays.hashCode(shape));
    }

    @Override
    public String toString() {
        return isText() ? "H5Value" + texts : "H5Value" + Arrays.toString(numbers);
    }
}
