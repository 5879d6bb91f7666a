package com.acme.reports.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/** Weeks start on Monday; quarters follow the calendar year. */
public final class ReportingPeriods {

    public record Period(LocalDate start, LocalDate end) {
        public boolean contains(LocalDate day) {
            return !day.isBefore(start) && !day.isAfter(end);
        }
    }

    private ReportingPeriods() {
    }

    public static Period weekOf(LocalDate day) {
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return new Period(monday, monday.plusDays(6));
    }

    public static Period monthOf(LocalDate day) {
        YearMonth month = YearMonth.from(day);
        return new Period(month.atDay(1), month.atEndOfMonth());
    }

    public static Period quarterOf(LocalDate day) {
        int quarter = day.get(IsoFields.QUARTER_OF_YEAR);
        LocalDate start = LocalDate.of(day.getYear(), (quarter - 1) * 3 + 1, 1);
        return new Period(start, YearMonth.from(start.plusMonths(2)).atEndOfMonth());
    }

    public static Period previousWeek(LocalDate day) {
        return weekOf(day.minusWeeks(1));
    }
}
