// A chart drawn by Chart.js (MIT licence) from a JSON description set by the server-side ChartView.
// No eval, no inline script and no functions cross from Java: the server sends data only, so the chart
// works under the application's Content-Security-Policy.
import { Chart, registerables } from 'chart.js';

Chart.register(...registerables);

// Colour-blind-safe palette (Okabe-Ito), in a fixed order so a series keeps its colour between charts.
const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];

class CasebookChart extends HTMLElement {
  static get observedAttributes() {
    return ['spec'];
  }

  connectedCallback() {
    if (!this.canvas) {
      this.canvas = document.createElement('canvas');
      this.canvas.setAttribute('role', 'img');
      this.appendChild(this.canvas);
    }
    this.render();
  }

  disconnectedCallback() {
    if (this.chart) {
      this.chart.destroy();
      this.chart = undefined;
    }
  }

  attributeChangedCallback() {
    if (this.isConnected && this.canvas) {
      this.render();
    }
  }

  render() {
    const text = this.getAttribute('spec');
    if (!text) {
      return;
    }
    const spec = JSON.parse(text);
    this.canvas.setAttribute('aria-label', spec.description || spec.title || 'Chart');
    if (this.chart) {
      this.chart.destroy();
    }
    const single = spec.datasets.length === 1 && spec.type !== 'line';
    const datasets = spec.datasets.map((set, i) => {
      const colours = single && spec.colourEachBar ? set.data.map((_, j) => PALETTE[j % PALETTE.length])
        : PALETTE[i % PALETTE.length];
      return {
        label: set.label,
        data: set.data,
        backgroundColor: colours,
        borderColor: colours,
        borderWidth: spec.type === 'line' ? 2 : 0,
        tension: 0.2,
      };
    });
    this.chart = new Chart(this.canvas, {
      type: spec.type,
      data: { labels: spec.labels, datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: {
          title: { display: !!spec.title, text: spec.title },
          legend: { display: !single, position: 'bottom' },
        },
        scales: {
          x: { stacked: !!spec.stacked },
          y: {
            stacked: !!spec.stacked,
            beginAtZero: true,
            title: { display: !!spec.valueLabel, text: spec.valueLabel },
            ticks: { precision: 0 },
          },
        },
      },
    });
  }
}

customElements.define('casebook-chart', CasebookChart);
