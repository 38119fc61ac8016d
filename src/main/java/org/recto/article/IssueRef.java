package org.recto.article;

/** An issue of a journal: volume and issue as the articles give them (either may be empty). */
public record IssueRef(String journalKey, String volume, String issue, Integer year, int articleCount) {

    /** "Volume 44, Issue 1", "Volume 3", "Issue 7", or "Articles without an issue". */
    public String displayName() {
        boolean hasVolume = volume != null && !volume.isEmpty();
        boolean hasIssue = issue != null && !issue.isEmpty();
        if (hasVolume && hasIssue) {
            return "Volume " + volume + ", Issue " + issue;
        }
        if (hasVolume) {
            return "Volume " + volume;
        }
        return hasIssue ? "Issue " + issue : "Articles without an issue";
    }
}
