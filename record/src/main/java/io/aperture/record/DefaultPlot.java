package io.aperture.record;

import java.util.List;

public record DefaultPlot(String path, String signal, List<String> axes, List<Long> shape, String units) {
}
