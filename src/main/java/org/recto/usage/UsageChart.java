package org.recto.usage;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Layout of the panel's monthly chart (an inline SVG drawn by {@code usage/panel.jte}): stacked bars, full-text
 * views below, abstract views above, over the last {@link #MAX_MONTHS} months. Full text is a solid fill and
 * abstracts a hatched outline, so the two differ without colour; the same numbers are in the panel's table.
 */
public final class UsageChart {

    public static final int MAX_MONTHS = 24;
    public static final int WIDTH = 640;
    public static final int HEIGHT = 220;
    public static final int LEFT = 48;
    public static final int TOP = 12;
    public static final int PLOT_W = WIDTH - LEFT - 8;
    public static final int PLOT_H = 160;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    /** One month's bar; y and heights in SVG units. */
    public record Bar(MonthlyUsage month, String label, boolean showLabel, double x, double width,
                      double fullY, double fullH, double abstractY, double abstractH, double labelX) {
    }

    private UsageChart() {
    }

    public static List<MonthlyUsage> shownMonths(ArticleUsage usage) {
        List<MonthlyUsage> all = usage.months();
        return all.subList(Math.max(0, all.size() - MAX_MONTHS), all.size());
    }

    /** The axis maximum: the largest monthly total rounded up to a readable number (at least 1). */
    public static long axisMax(ArticleUsage usage) {
        long max = shownMonths(usage).stream().mapToLong(m -> m.fullTextViews() + m.abstractViews()).max().orElse(0);
        if (max <= 1) {
            return 1;
        }
        long step = (long) Math.pow(10, Math.floor(Math.log10(max)));
        for (long f : new long[] {1, 2, 5, 10}) {
            if (f * step >= max) {
                return f * step;
            }
        }
        return 10 * step;
    }

    public static List<Bar> bars(ArticleUsage usage) {
        List<MonthlyUsage> months = shownMonths(usage);
        List<Bar> bars = new ArrayList<>();
        if (months.isEmpty()) {
            return bars;
        }
        double slot = (double) PLOT_W / months.size();
        double w = Math.max(2, slot * 0.7);
        double scale = PLOT_H / (double) axisMax(usage);
        int every = months.size() <= 12 ? 1 : 3;
        for (int i = 0; i < months.size(); i++) {
            MonthlyUsage m = months.get(i);
            double x = LEFT + i * slot + (slot - w) / 2;
            double fullH = m.fullTextViews() * scale;
            double absH = m.abstractViews() * scale;
            double base = TOP + PLOT_H;
            bars.add(new Bar(m, monthLabel(m), i % every == 0 || i == months.size() - 1, round(x), round(w),
                    round(base - fullH), round(fullH), round(base - fullH - absH), round(absH), round(x + w / 2)));
        }
        return bars;
    }

    public static String monthLabel(MonthlyUsage m) {
        return m.month().getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " " + m.month().getYear();
    }

    public static String monthName(MonthlyUsage m) {
        return m.month().getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + m.month().getYear();
    }

    public static String day(LocalDate d) {
        return d == null ? "" : d.format(DAY);
    }

    /** A one-sentence summary of the chart for its SVG description. */
    public static String description(ArticleUsage usage) {
        List<MonthlyUsage> months = shownMonths(usage);
        if (months.isEmpty()) {
            return "No months to show.";
        }
        String range = months.size() == 1 ? "Views in " + monthName(months.get(0))
                : "Monthly views from " + monthName(months.get(0)) + " to " + monthName(months.get(months.size() - 1));
        if (months.stream().allMatch(m -> m.fullTextViews() + m.abstractViews() == 0)) {
            return range + ": none counted yet.";
        }
        if (months.size() == 1) {
            return range + ": " + months.get(0).fullTextViews() + " full text and " + months.get(0).abstractViews()
                    + " abstract views. The table below gives the numbers.";
        }
        MonthlyUsage best = months.get(0);
        for (MonthlyUsage m : months) {
            if (m.fullTextViews() + m.abstractViews() > best.fullTextViews() + best.abstractViews()) {
                best = m;
            }
        }
        return range + "; the busiest month was " + monthName(best) + " with " + best.fullTextViews() + " full text and "
                + best.abstractViews() + " abstract views. The table below gives every month's numbers.";
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
