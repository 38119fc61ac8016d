package org.recto.attention;

import java.util.List;

/** How other modules (the landing page) read the attention of an article. */
public interface Attention {

    AttentionScore score(String doi);

    /** Its mentions by source, the sources in order of contribution, each newest first. */
    List<AttentionScore.SourceMentions> mentions(String doi);
}
