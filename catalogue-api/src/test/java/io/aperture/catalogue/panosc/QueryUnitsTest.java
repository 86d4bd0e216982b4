package io.aperture.catalogue.panosc;

import io.aperture.catalogue.search.SearchRequest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class QueryUnitsTest {

    private static Map<String, Object> parameter(String name, Object value, String unit) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", name);
        p.put("value", value);
        p.put("unit", unit);
        return p;
    }

    @Test
    void theParametersAConditionNamesComeBackInItsUnitTheOthersAsStored() {
        Map<String, Object> temperature = parameter("/entry/sample/temperature", 300.0, "K");
        Map<String, Object> wavelength = parameter("/entry/instrument/monochromator/wavelength", 1.064e-6, "m");
        Map<String, Object> pressure = parameter("/entry/sample/pressure", 1.0, "bar");
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("parameters", new ArrayList<>(List.of(temperature, wavelength, pressure)));
        QueryUnits.apply(List.of(d), List.of(
                new SearchRequest.ParameterRange("sample_temperature", 20.0, 30.0, "fahrenheit"),
                new SearchRequest.ParameterRange("wavelength", 1000.0, 1100.0, "nm"),
                // a condition in another dimension than the stored unit changes nothing
                new SearchRequest.ParameterRange("pressure", 1.0, 2.0, "K")));
        assertThat((Double) temperature.get("value")).isCloseTo(80.33, within(1e-9));
        assertThat(temperature.get("unit")).isEqualTo("fahrenheit");
        // full precision, not 3 significant digits (1060 nm)
        assertThat((Double) wavelength.get("value")).isCloseTo(1064.0, within(1e-9));
        assertThat(wavelength.get("unit")).isEqualTo("nm");
        assertThat(pressure).containsEntry("value", 1.0).containsEntry("unit", "bar");
    }

    @Test
    void withoutAUnitOrForOtherNamesNothingChanges() {
        Map<String, Object> temperature = parameter("/entry/sample/temperature", 300.0, "K");
        Map<String, Object> d = Map.of("parameters", List.of(temperature));
        QueryUnits.apply(List.of(d), List.of(new SearchRequest.ParameterRange("sample_temperature", 1.0, 400.0, null),
                new SearchRequest.ParameterRange("wavelength", 1.0, 2.0, "celsius")));
        assertThat(temperature).containsEntry("value", 300.0).containsEntry("unit", "K");
    }

    @Test
    void aStoredUnitWithoutSiOrAValueBeyondDoublesStaysAsStored() {
        Map<String, Object> absurd = parameter("/entry/sample/length", 2.0, "m^99999");
        Map<String, Object> unknown = parameter("/entry/sample/length", 3.0, "pixels");
        Map<String, Object> huge = parameter("/entry/sample/length", 1e300, "km");
        Map<String, Object> ordinary = parameter("/entry/sample/length", 2.5, "mm");
        Map<String, Object> again = parameter("/entry/sample/length", 4.0, "mm");
        Map<String, Object> absurdAgain = parameter("/entry/sample/length", 5.0, "m^99999");
        Map<String, Object> d = Map.of("parameters", List.of(absurd, unknown, huge, ordinary, again, absurdAgain));
        QueryUnits.apply(List.of(d), List.of(new SearchRequest.ParameterRange("length", 1.0, 2.0, "nm")));
        assertThat(absurd).containsEntry("value", 2.0).containsEntry("unit", "m^99999");
        assertThat(unknown).containsEntry("value", 3.0).containsEntry("unit", "pixels");
        // 1e300 km is 1e312 nm: no double holds it, so the value stays as recorded rather than becoming Infinity
        assertThat(huge).containsEntry("value", 1e300).containsEntry("unit", "km");
        // the same stored unit on many parameters converts each of them (it is resolved once per page)
        assertThat((Double) ordinary.get("value")).isCloseTo(2.5e6, within(1e-6));
        assertThat(ordinary.get("unit")).isEqualTo("nm");
        assertThat((Double) again.get("value")).isCloseTo(4.0e6, within(1e-6));
        assertThat(absurdAgain).containsEntry("value", 5.0).containsEntry("unit", "m^99999");
    }
}
