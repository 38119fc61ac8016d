package org.recto.discovery.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.tartarus.snowball.ext.PorterStemmer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * The key phrases of one article, from its own text, after YAKE (Campos et al., "YAKE! Keyword extraction from
 * single documents using multiple local features", Information Sciences 509, 2020): each word is scored by its
 * casing, where it first appears, how often, in how many sentences, and how many different words surround it
 * (a word used everywhere with everything is not characteristic); a phrase of one to three words is scored from
 * its words and how often it occurs as a whole. Lower scores are better. Lucene's tokenizer and stemmer do the
 * reading, so "droplets" and "droplet" are one phrase; no model is involved.
 */
final class ConceptExtractor {

    private static final Pattern SENTENCE = Pattern.compile("(?<=[.!?])\\s+(?=[\\p{Lu}\\d(\\[])|\\n+");
    private static final int MAX_WORDS = 3;
    /** The opening of a long body is enough to characterise it, and keeps the work bounded. */
    private static final int MAX_CHARS = 60_000;
    private static final CharArraySet STOP = stopWords();

    private ConceptExtractor() {
    }

    /** Up to {@code limit} phrases, most characteristic first, in the form the text most often writes them. */
    static List<String> concepts(String title, String abstractText, String body, int limit) {
        String text = (title + ".\n" + title + ".\n" + abstractText + "\n" + body);
        if (text.length() > MAX_CHARS) {
            text = text.substring(0, MAX_CHARS);
        }
        List<List<Word>> sentences = new ArrayList<>();
        for (String s : SENTENCE.split(text)) {
            List<Word> words = words(s);
            if (!words.isEmpty()) {
                sentences.add(words);
            }
        }
        Map<String, Double> wordScores = wordScores(sentences);
        return phrases(sentences, wordScores, limit);
    }

    /** A token: as written, its stem, and whether the text broke (punctuation) before it. */
    record Word(String text, String stem, boolean stop, boolean breakBefore) {
    }

    private static List<Word> words(String sentence) {
        List<Word> words = new ArrayList<>();
        try (StandardTokenizer tokens = new StandardTokenizer()) {
            tokens.setReader(new StringReader(sentence));
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = tokens.addAttribute(OffsetAttribute.class);
            tokens.reset();
            int lastEnd = 0;
            PorterStemmer stemmer = new PorterStemmer();
            while (tokens.incrementToken()) {
                String t = term.toString();
                String gap = sentence.substring(lastEnd, offset.startOffset());
                boolean broke = !gap.isBlank() || words.isEmpty();
                lastEnd = offset.endOffset();
                String lower = t.toLowerCase(Locale.ROOT);
                boolean stop = STOP.contains(lower) || lower.length() < 3 || !Character.isLetter(lower.charAt(0))
                        || lower.chars().anyMatch(Character::isDigit) && lower.length() < 4;
                stemmer.setCurrent(lower);
                stemmer.stem();
                words.add(new Word(t, stemmer.getCurrent(), stop, broke));
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // A name before "et al." is a cited author, not a concept.
        for (int i = 0; i + 2 < words.size(); i++) {
            if (words.get(i + 1).text().equals("et") && words.get(i + 2).text().startsWith("al")) {
                Word w = words.get(i);
                words.set(i, new Word(w.text(), w.stem(), true, w.breakBefore()));
            }
        }
        return words;
    }

    private static Map<String, Double> wordScores(List<List<Word>> sentences) {
        Map<String, int[]> tf = new HashMap<>(); // count, capitalised (not first in sentence), acronym
        Map<String, List<Integer>> positions = new HashMap<>();
        Map<String, Set<String>> left = new HashMap<>();
        Map<String, Set<String>> right = new HashMap<>();
        for (int s = 0; s < sentences.size(); s++) {
            List<Word> words = sentences.get(s);
            for (int i = 0; i < words.size(); i++) {
                Word w = words.get(i);
                int[] c = tf.computeIfAbsent(w.stem(), k -> new int[3]);
                c[0]++;
                if (i > 0 && Character.isUpperCase(w.text().charAt(0))) {
                    c[1]++;
                }
                if (w.text().length() > 1 && w.text().chars().allMatch(ch -> Character.isUpperCase(ch) || Character.isDigit(ch))) {
                    c[2]++;
                }
                positions.computeIfAbsent(w.stem(), k -> new ArrayList<>()).add(s);
                if (i > 0 && !w.breakBefore()) {
                    left.computeIfAbsent(w.stem(), k -> new HashSet<>()).add(words.get(i - 1).stem());
                }
                if (i + 1 < words.size() && !words.get(i + 1).breakBefore()) {
                    right.computeIfAbsent(w.stem(), k -> new HashSet<>()).add(words.get(i + 1).stem());
                }
            }
        }
        double[] counts = tf.values().stream().mapToDouble(c -> c[0]).toArray();
        double mean = java.util.Arrays.stream(counts).average().orElse(1);
        double sd = Math.sqrt(java.util.Arrays.stream(counts).map(x -> (x - mean) * (x - mean)).average().orElse(0));
        double maxTf = java.util.Arrays.stream(counts).max().orElse(1);
        Map<String, Double> scores = new HashMap<>();
        tf.forEach((stem, c) -> {
            double casing = Math.max(c[1], c[2]) / (1 + Math.log(c[0]));
            List<Integer> pos = positions.get(stem);
            double position = Math.log(3 + pos.get(pos.size() / 2));
            double frequency = c[0] / (mean + sd);
            double relatedness = 1 + (left.getOrDefault(stem, Set.of()).size() + right.getOrDefault(stem, Set.of()).size())
                    / (2.0 * c[0]) * (c[0] / maxTf);
            double spread = pos.stream().distinct().count() / (double) sentences.size();
            scores.put(stem, relatedness * position / (casing + frequency / relatedness + spread / relatedness));
        });
        return scores;
    }

    private static List<String> phrases(List<List<Word>> sentences, Map<String, Double> wordScores, int limit) {
        Map<String, Integer> occurrences = new HashMap<>();
        Map<String, Map<String, Integer>> forms = new HashMap<>();
        for (List<Word> words : sentences) {
            for (int i = 0; i < words.size(); i++) {
                for (int n = 1; n <= MAX_WORDS && i + n <= words.size(); n++) {
                    Word last = words.get(i + n - 1);
                    if (n > 1 && last.breakBefore() || last.stop()) {
                        break;
                    }
                    if (words.get(i).stop()) {
                        break;
                    }
                    List<Word> span = words.subList(i, i + n);
                    String key = String.join(" ", span.stream().map(Word::stem).toList());
                    occurrences.merge(key, 1, Integer::sum);
                    String form = String.join(" ", span.stream().map(ConceptExtractor::displayForm).toList());
                    forms.computeIfAbsent(key, k -> new HashMap<>()).merge(form, 1, Integer::sum);
                }
            }
        }
        Map<String, Double> scores = new HashMap<>();
        occurrences.forEach((key, count) -> {
            if (count < 2) {
                return; // a phrase written once does not characterise the article
            }
            double product = 1;
            double sum = 0;
            for (String stem : key.split(" ")) {
                double s = wordScores.get(stem);
                product *= s;
                sum += s;
            }
            scores.put(key, product / (count * (1 + sum)));
        });
        List<String> ranked = new ArrayList<>(scores.keySet());
        ranked.sort(Comparator.comparingDouble(scores::get));
        List<String> chosen = new ArrayList<>();
        List<String> chosenKeys = new ArrayList<>();
        for (String key : ranked) {
            if (chosen.size() == limit) {
                break;
            }
            if (chosenKeys.stream().anyMatch(k -> overlaps(k, key))) {
                continue;
            }
            chosenKeys.add(key);
            chosen.add(forms.get(key).entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey());
        }
        return chosen;
    }

    /**
     * One phrase is the other, or holds it word for word ("lipid droplet" and "lipid droplet protein"), or two single
     * words share a stem the stemmer left apart ("bacteria" and "bacterial").
     */
    private static boolean overlaps(String a, String b) {
        String x = " " + a + " ";
        String y = " " + b + " ";
        boolean single = !a.contains(" ") && !b.contains(" ") && Math.min(a.length(), b.length()) >= 5;
        return x.contains(y) || y.contains(x) || single && (a.startsWith(b) || b.startsWith(a));
    }

    /** Acronyms and names keep their capitals; other words are shown in lower case. */
    private static String displayForm(Word w) {
        String t = w.text();
        boolean inner = t.length() > 1 && t.substring(1).chars().anyMatch(Character::isUpperCase);
        return inner ? t : t.toLowerCase(Locale.ROOT);
    }

    private static CharArraySet stopWords() {
        CharArraySet stop = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
        stop.addAll(List.of("about", "above", "after", "again", "against", "all", "also", "although", "among", "any",
                "because", "been", "before", "being", "below", "between", "both", "can", "could", "did", "does", "doing",
                "down", "during", "each", "et", "al", "few", "fig", "figure", "figures", "from", "further", "had",
                "has", "have", "having", "here", "how", "however", "its", "itself", "just", "may", "might", "more",
                "most", "much", "must", "our", "ours", "over", "own", "same", "should", "shown", "show", "shows",
                "since", "some", "such", "supplementary", "than", "that", "them", "then", "there", "these", "those",
                "through", "thus", "too", "under", "until", "upon", "using", "used", "use", "very", "was", "were",
                "what", "when", "where", "whether", "which", "while", "who", "whom", "why", "within", "without",
                "would", "you", "your", "one", "two", "three", "four", "five", "first", "second", "new", "well",
                "data", "found", "observed", "indicated", "suggest", "suggests", "suggesting", "demonstrate",
                "results", "result", "study", "studies", "table", "panel", "respectively", "different", "several",
                "many", "including", "include", "includes", "thus", "therefore", "whereas", "via", "per", "non",
                "like", "likely", "other", "others", "only", "even", "either", "neither", "another", "based",
                "known", "called", "make", "makes", "made", "will", "want", "see", "given", "example", "way",
                "contain", "contains", "containing", "provide", "provides", "provided", "reveal", "reveals",
                "require", "requires", "required", "involved", "involve", "involves", "identify", "identified",
                "lead", "leads", "led", "high", "higher", "low", "lower", "large", "small", "number", "level",
                "levels", "important", "present", "previously", "recent", "recently", "similar", "specific"));
        return stop;
    }
}
