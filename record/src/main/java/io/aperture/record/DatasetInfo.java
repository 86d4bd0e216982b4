package io.aperture.record;

import java.util.List;

public record DatasetInfo(String path, List<Long> shape, String dtype, List<Long> chunks, List<String> filters) {
}
