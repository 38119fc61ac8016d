package org.recto.formats.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Element;

/**
 * Gives a table a plain grid for the PDF: PDF/UA (7.2) requires every row to have the same number of
 * columns counting spans, and openhtmltopdf tags a spanning cell without its ColSpan or RowSpan, so a
 * spanning cell is set as one cell followed by empty ones, and a short row is padded with empty cells.
 * Every cell keeps its text and place; a header that spanned several columns now heads the first of them.
 */
final class TableGrid {

    private TableGrid() {
    }

    static void flatten(Element table) {
        List<Element> rows = table.select("tr").stream().filter(r -> r.closest("table") == table).toList();
        Map<Integer, Integer> covered = new HashMap<>(); // column -> further rows a rowspan from above covers
        int widest = 0;
        for (Element row : rows) {
            Map<Integer, Integer> next = new HashMap<>();
            covered.forEach((c, left) -> {
                if (left > 1) {
                    next.put(c, left - 1);
                }
            });
            String tag = row.parent() != null && row.parent().tagName().equals("thead") ? "th" : "td";
            int col = 0;
            for (Element cell : List.copyOf(row.children())) {
                if (!cell.tagName().equals("td") && !cell.tagName().equals("th")) {
                    continue;
                }
                while (covered.containsKey(col)) {
                    cell.before(new Element(tag));
                    col++;
                }
                int span = span(cell, "colspan");
                int down = span(cell, "rowspan");
                cell.removeAttr("colspan").removeAttr("rowspan");
                for (int c = col; c < col + span; c++) {
                    if (down > 1) {
                        next.put(c, down - 1);
                    }
                }
                for (int k = 1; k < span; k++) {
                    cell.after(new Element(cell.tagName()));
                }
                col += span;
            }
            while (covered.keySet().stream().anyMatch(c -> c >= 0) && covered.containsKey(col)) {
                row.appendElement(tag);
                col++;
            }
            widest = Math.max(widest, col);
            covered = next;
        }
        for (Element row : rows) {
            String tag = row.parent() != null && row.parent().tagName().equals("thead") ? "th" : "td";
            long cells = row.children().stream().filter(c -> c.tagName().equals("td") || c.tagName().equals("th")).count();
            for (long w = cells; w < widest; w++) {
                row.appendElement(tag);
            }
        }
    }

    private static int span(Element cell, String attr) {
        try {
            return Math.max(1, Math.min(100, Integer.parseInt(cell.attr(attr).strip())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
