package org.casebook.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * A chart drawn in the browser by Chart.js (MIT licence, from npm), described here as data only: the
 * description travels as JSON in an attribute, so no script is generated and the Content-Security-Policy
 * holds. The web component is {@code frontend/src/casebook-chart.js}.
 */
@Tag("casebook-chart")
@NpmPackage(value = "chart.js", version = "4.5.1")
@JsModule("./src/casebook-chart.js")
public class ChartView extends Component implements HasSize {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One series of values, one per label. */
    public record Series(String label, List<? extends Number> data) {}

    /**
     * What to draw.
     *
     * @param type a Chart.js chart type: {@code bar} or {@code line}
     * @param description what the chart shows, read out by screen readers
     * @param colourEachBar a single series with a colour per bar
     */
    public record Spec(
            String type,
            String title,
            String description,
            List<String> labels,
            List<Series> datasets,
            boolean stacked,
            boolean colourEachBar,
            String valueLabel) {}

    private Spec spec;

    public ChartView(Spec spec) {
        addClassName("casebook-chart");
        setWidthFull();
        setHeight("18rem");
        this.spec = spec;
        show(spec);
    }

    public void show(Spec spec) {
        this.spec = spec;
        getElement().setAttribute("spec", JSON.writeValueAsString(spec));
    }

    public Spec spec() {
        return spec;
    }
}
