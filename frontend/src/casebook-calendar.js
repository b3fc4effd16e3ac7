// A day, week and month calendar of appointments drawn by FullCalendar (MIT licence) from a JSON list of
// events set by the server-side AppointmentCalendar. No functions cross from Java: the server sends data,
// the calendar sends back events (open, move, range), so it works under the Content-Security-Policy.
// Times are the charity's local wall-clock times: FullCalendar runs in UTC so the browser's own time zone
// never shifts them.
import { Calendar } from '@fullcalendar/core';
import dayGridPlugin from '@fullcalendar/daygrid';
import timeGridPlugin from '@fullcalendar/timegrid';
import interactionPlugin from '@fullcalendar/interaction';

function localIso(date) {
  return date.toISOString().substring(0, 19);
}

class CasebookCalendar extends HTMLElement {
  static get observedAttributes() {
    return ['events', 'working-hours', 'view', 'date'];
  }

  connectedCallback() {
    if (!this.holder) {
      this.holder = document.createElement('div');
      this.appendChild(this.holder);
    }
    if (!this.calendar) {
      this.create();
    }
  }

  disconnectedCallback() {
    if (this.calendar) {
      this.calendar.destroy();
      this.calendar = undefined;
    }
  }

  attributeChangedCallback(name) {
    if (!this.calendar) {
      return;
    }
    if (name === 'events') {
      this.calendar.removeAllEvents();
      this.calendar.addEventSource(this.json('events', []));
    } else if (name === 'working-hours') {
      this.calendar.setOption('businessHours', this.json('working-hours', false));
    } else if (name === 'view' && this.getAttribute('view')) {
      this.calendar.changeView(this.getAttribute('view'));
    } else if (name === 'date' && this.getAttribute('date')) {
      this.calendar.gotoDate(this.getAttribute('date'));
    }
  }

  json(name, fallback) {
    const text = this.getAttribute(name);
    return text ? JSON.parse(text) : fallback;
  }

  create() {
    const compact = this.hasAttribute('compact');
    this.calendar = new Calendar(this.holder, {
      plugins: [dayGridPlugin, timeGridPlugin, interactionPlugin],
      timeZone: 'UTC',
      locale: 'en-gb',
      firstDay: 1,
      initialView: this.getAttribute('view') || 'timeGridWeek',
      initialDate: this.getAttribute('date') || undefined,
      headerToolbar: compact ? false : {
        left: 'prev,next today',
        center: 'title',
        right: 'timeGridDay,timeGridWeek,dayGridMonth',
      },
      buttonText: { today: 'Today', day: 'Day', week: 'Week', month: 'Month' },
      slotMinTime: '07:00:00',
      slotMaxTime: '21:00:00',
      allDaySlot: false,
      nowIndicator: true,
      height: 'auto',
      slotLabelFormat: { hour: '2-digit', minute: '2-digit', hour12: false },
      eventTimeFormat: { hour: '2-digit', minute: '2-digit', hour12: false },
      businessHours: this.json('working-hours', false),
      editable: !this.hasAttribute('readonly'),
      eventDurationEditable: false,
      events: this.json('events', []),
      eventClick: (info) => {
        info.jsEvent.preventDefault();
        this.dispatchEvent(new CustomEvent('appointment-open', { detail: { id: info.event.id } }));
      },
      eventDrop: (info) => {
        // The server decides: it may ask about an overlap or working hours first, then redraws the events.
        const id = info.event.id;
        const start = localIso(info.event.start);
        info.revert();
        this.dispatchEvent(new CustomEvent('appointment-move', { detail: { id, start } }));
      },
      datesSet: (info) => {
        this.dispatchEvent(new CustomEvent('range-change', {
          detail: { start: localIso(info.start), end: localIso(info.end), view: info.view.type },
        }));
      },
    });
    this.calendar.render();
  }
}

customElements.define('casebook-calendar', CasebookCalendar);
