/** The calendar view, the team's calendars side by side, and the FullCalendar web component. */
@NullMarked
package org.casebook.calendar.ui;

import org.jspecify.annotations.NullMarked;
