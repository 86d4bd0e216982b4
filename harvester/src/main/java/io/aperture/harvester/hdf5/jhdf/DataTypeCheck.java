package io.aperture.harvester.hdf5.jhdf;

import io.aperture.harvester.hdf5.H5ReadException;
import io.jhdf.object.datatype.ArrayDataType;
import io.jhdf.object.datatype.CompoundDataType;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.EnumDataType;
import io.jhdf.object.datatype.VariableLength;

/**
 * Checks that a datatype's parts fit inside it before jhdf converts values of it. jhdf allocates
 * {@code member size × element count} for every compound member, so one damaged member size asked for gigabytes.
 */
final class DataTypeCheck {
    private static final int MAX_DEPTH = 16;

    private DataTypeCheck() {
    }

    static void check(DataType type, String what) throws H5ReadException {
        check(type, what, 0);
    }

    private static void check(DataType type, String what, int depth) throws H5ReadException {
        if (type == null) {
            throw new H5ReadException(what + ": no datatype");
        }
        if (depth > MAX_DEPTH) {
            throw new H5ReadException(what + ": datatype nested more than " + MAX_DEPTH + " deep");
        }
        int size = type.getSize();
        if (size < 0) {
            throw new H5ReadException(what + ": datatype size " + size);
        }
        switch (type) {
            case CompoundDataType c -> {
                for (CompoundDataType.CompoundDataMember m : c.getMembers()) {
                    DataType mt = m.getDataType();
                    check(mt, what, depth + 1);
                    if (m.getOffset() < 0 || (long) m.getOffset() + mt.getSize() > size) {
                        throw new H5ReadException(what + ": compound member '" + m.getName() + "' (" + mt.getSize()
                                + " bytes at offset " + m.getOffset() + ") does not fit in its " + size + "-byte element");
                    }
                }
            }
            case ArrayDataType a -> {
                check(a.getBaseType(), what, depth + 1);
                long total = a.getBaseType().getSize();
                for (int d : a.getArrayTypeDimensions()) {
                    total *= Math.max(d, 0);
                    if (total > size) {
                        break;
                    }
                }
                if (total > size) {
                    throw new H5ReadException(what + ": array elements do not fit in their " + size + "-byte element");
                }
            }
            case EnumDataType e -> check(e.getBaseType(), what, depth + 1);
            case VariableLength v -> {
                if (v.getParent() != null) {
                    check(v.getParent(), what, depth + 1);
                }
            }
            default -> {
            }
        }
    }
}
