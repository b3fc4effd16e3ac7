/**
 * The counsellor's week: a day, week and month calendar of appointments (FullCalendar through Vaadin's npm
 * integration), drag to reschedule, and supervisors' team calendars side by side. Appointments, series and
 * working hours belong to the session module; this module shows them and asks it to change them.
 */
@NullMarked
package org.casebook.calendar;

import org.jspecify.annotations.NullMarked;
