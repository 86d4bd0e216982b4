package io.aperture.harvester.hdf5.jhdf;

import io.aperture.harvester.hdf5.H5ReadException;
import io.aperture.harvester.hdf5.H5Value;
import io.jhdf.object.datatype.ArrayDataType;
import io.jhdf.object.datatype.BitField;
import io.jhdf.object.datatype.CompoundDataType;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.EnumDataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;
import io.jhdf.object.datatype.OpaqueDataType;
import io.jhdf.object.datatype.Reference;
import io.jhdf.object.datatype.StringData;
import io.jhdf.object.datatype.VariableLength;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;

/** Turns what jhdf returns (boxed scalars, nested primitive arrays, strings) into {@link H5Value}s. */
final class JhdfValues {

    private JhdfValues() {
    }

    static String dtype(DataType t) {
        if (t instanceof FixedPoint f) {
            return (f.isSigned() ? "int" : "uint") + f.getSize() * 8;
        }
        if (t instanceof FloatingPoint) {
            return "float" + t.getSize() * 8;
        }
        if (t instanceof StringData) {
            return "string";
        }
        if (t instanceof VariableLength v) {
            return v.isVariableLengthString() ? "string" : "vlen";
        }
        if (t instanceof CompoundDataType) {
            return "compound";
        }
        if (t instanceof EnumDataType) {
            return "enum";
        }
        if (t instanceof Reference) {
            return "reference";
        }
        if (t instanceof OpaqueDataType) {
            return "opaque";
        }
        if (t instanceof ArrayDataType) {
            return "array";
        }
        if (t instanceof BitField) {
            return "bitfield";
        }
        return "class" + t.getDataClass();
    }

    static H5Value convert(Object data, int[] shape) throws H5ReadException {
        List<Object> flat = new ArrayList<>();
        flatten(data, flat);
        if (flat.isEmpty()) {
            return H5Value.ofNumbers(new double[0], shape);
        }
        if (flat.get(0) instanceof String) {
            List<String> texts = new ArrayList<>(flat.size());
            for (Object o : flat) {
                texts.add(o == null ? null : stripNul((String) o));
            }
            return H5Value.ofText(texts, shape);
        }
        double[] numbers = new double[flat.size()];
        for (int i = 0; i < numbers.length; i++) {
            Object o = flat.get(i);
            if (o instanceof Number n) {
                numbers[i] = n instanceof java.math.BigInteger b ? b.doubleValue() : n.doubleValue();
            } else if (o instanceof Boolean b) {
                numbers[i] = b ? 1 : 0;
            } else {
                throw new H5ReadException("values of type " + o.getClass().getSimpleName() + " are not read");
            }
        }
        return H5Value.ofNumbers(numbers, shape);
    }

    // Old NeXus API files pad fixed strings with NULs or spaces.
    private static String stripNul(String s) {
        int nul = s.indexOf('\0');
        return nul >= 0 ? s.substring(0, nul) : s;
    }

    private static void flatten(Object data, List<Object> out) {
        if (data == null) {
            return;
        }
        if (data.getClass().isArray()) {
            int n = Array.getLength(data);
            for (int i = 0; i < n; i++) {
                flatten(Array.get(data, i), out);
            }
        } else {
            out.add(data);
        }
    }
}
