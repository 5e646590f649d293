//! What generated catalogs read like: word lists (accented, CJK, common words), invented names,
//! titles and review paragraphs, drawn from a small seeded random generator.

const TITLE_WORDS: &[&str] = &[
    "the",
    "the",
    "the",
    "of",
    "a",
    "in",
    "and",
    "night",
    "love",
    "city",
    "last",
    "man",
    "woman",
    "house",
    "river",
    "summer",
    "winter",
    "dark",
    "light",
    "blue",
    "red",
    "story",
    "dream",
    "return",
    "secret",
    "journey",
    "garden",
    "shadow",
    "empire",
    "king",
    "queen",
    "war",
    "sea",
    "mountain",
    "road",
    "station",
    "mirror",
    "silence",
    "voyage",
    "été",
    "mañana",
    "garçon",
    "über",
    "ça",
    "étoile",
    "rêve",
    "père",
    "mère",
    "noël",
    "señor",
    "niño",
    "café",
    "naïve",
    "fräulein",
    "öffnung",
    "straße",
    "ghost",
    "machine",
    "heart",
    "stranger",
    "paradise",
    "angel",
    "devil",
    "wind",
    "fire",
    "water",
    "stone",
    "glass",
    "paper",
    "moon",
    "sun",
    "star",
];
const CJK_TITLES: &[&str] = &[
    "東京物語",
    "七人の侍",
    "花様年華",
    "羅生門",
    "となりのトトロ",
    "悲情城市",
    "天国と地獄",
    "火垂るの墓",
    "乱",
    "花火",
    "雨月物語",
    "晩春",
    "浮雲",
    "菊次郎の夏",
    "重慶森林",
];
const SYLLABLES: &[&str] = &[
    "ka", "ro", "mi", "tar", "ko", "vsky", "an", "dre", "ma", "ru", "shi", "li", "na", "ber",
    "gman", "fel", "ini", "go", "dard", "var", "da", "ké", "lé", "zu", "ño", "wong", "kar", "wai",
    "ozu", "mu", "ra", "sen", "ta", "ni", "el", "to", "sa", "ki", "yo", "lu", "ço", "ø",
];
const COMMON: &[&str] = &[
    "the",
    "the",
    "the",
    "a",
    "of",
    "and",
    "to",
    "in",
    "is",
    "that",
    "it",
    "film",
    "with",
    "as",
    "its",
    "this",
    "but",
    "for",
    "on",
    "not",
    "by",
    "his",
    "her",
    "one",
    "from",
    "an",
    "at",
    "scene",
    "camera",
    "light",
    "shot",
    "story",
    "time",
    "city",
    "night",
    "long",
    "slow",
    "quiet",
    "beautiful",
    "strange",
    "memory",
    "dream",
    "water",
    "face",
    "silence",
    "music",
    "colour",
    "frame",
    "character",
    "ending",
    "beginning",
    "rhythm",
    "tenderness",
    "cruelty",
];

/// SplitMix64: small, fast, and the same everywhere.
pub(super) struct Rng(pub(super) u64);

impl Rng {
    pub(super) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub(super) fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    /// Skewed towards small indices, like word frequencies.
    pub(super) fn skewed(&mut self, n: usize) -> usize {
        let a = self.below(n);
        self.below(a + 1)
    }
    pub(super) fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A made-up word of `base` to `base + spread - 1` syllables.
pub(super) fn invented(rng: &mut Rng, base: usize, spread: usize) -> String {
    let syllables = base + rng.below(spread);
    (0..syllables).map(|_| rng.pick(SYLLABLES)).collect()
}

/// The name of person `index`: the same index always gives the same name.
pub(super) fn person(index: usize) -> String {
    let mut seeded = Rng(index as u64 * 7919 + 17);
    let first = invented(&mut seeded, 2, 2);
    let last = invented(&mut seeded, 2, 2);
    format!("{} {}", capitalised(&first), capitalised(&last))
}

pub(super) fn title(rng: &mut Rng) -> String {
    if rng.below(40) == 0 {
        return rng.pick(CJK_TITLES).to_owned();
    }
    let words = 1 + rng.below(4);
    let mut parts = Vec::with_capacity(words);
    for _ in 0..words {
        if rng.below(4) == 0 {
            parts.push(capitalised(&invented(rng, 2, 2)));
        } else {
            parts.push(capitalised(TITLE_WORDS[rng.skewed(TITLE_WORDS.len())]));
        }
    }
    parts.join(" ")
}

pub(super) fn paragraph(rng: &mut Rng, words: usize) -> String {
    let mut out = String::with_capacity(words * 7);
    for i in 0..words {
        if i > 0 {
            out.push(' ');
        }
        if rng.below(6) == 0 {
            out.push_str(&invented(rng, 2, 3));
        } else {
            out.push_str(COMMON[rng.skewed(COMMON.len())]);
        }
    }
    out.push('.');
    out
}
