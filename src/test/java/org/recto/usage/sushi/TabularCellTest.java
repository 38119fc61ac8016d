package org.recto.usage.sushi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Values from article metadata cannot break the tabular layout or run as spreadsheet formulas. */
class TabularCellTest {

    @Test
    void tabsAndLineBreaksCannotAddCellsOrRows() {
        assertThat(ReportAssembler.cell("A\ttitle\r\nwith breaks")).isEqualTo("A title with breaks");
    }

    @Test
    void formulaLikeValuesAreNeutralised() {
        assertThat(ReportAssembler.cell("=HYPERLINK(\"http://evil\")")).isEqualTo("'=HYPERLINK(\"http://evil\")");
        assertThat(ReportAssembler.cell("+1+1")).isEqualTo("'+1+1");
        assertThat(ReportAssembler.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(ReportAssembler.cell("-cmd")).isEqualTo("'-cmd");
        assertThat(ReportAssembler.cell("-5")).as("a negative number stays a number").isEqualTo("-5");
        assertThat(ReportAssembler.cell("Title")).isEqualTo("Title");
        assertThat(ReportAssembler.cell(null)).isEmpty();
    }

    @Test
    void issnsAreNormalisedOrLeftOut() {
        assertThat(ReportAssembler.issn("2050084x")).isEqualTo("2050-084X");
        assertThat(ReportAssembler.issn(" 1545-7885 ")).isEqualTo("1545-7885");
        assertThat(ReportAssembler.issn("not an issn")).isNull();
        assertThat(ReportAssembler.issn(null)).isNull();
    }

    @Test
    void datesAreWholeMonthsAndBadOnesAreException3020() {
        assertThat(RequestParser.parseDate("2024-02", true)).hasToString("2024-02-01");
        assertThat(RequestParser.parseDate("2024-02", false)).hasToString("2024-02-29");
        assertThat(RequestParser.parseDate("2024-02-15", false)).hasToString("2024-02-29");
        for (String bad : new String[] {"2024-13", "24-01", "2024-02-30", "2024/01", "'; drop table"}) {
            try {
                RequestParser.parseDate(bad, true);
                throw new AssertionError(bad + " accepted");
            } catch (SushiException e) {
                assertThat(e.code()).isEqualTo(3020);
            }
        }
    }
}
