//! Terms: a page's words as the index holds them, and where on the page each
//! appears.
//!
//! Text is cut into words at anything that is not a letter or a digit, and
//! each word is folded as [`normalize_into`] says. Most terms are short ASCII
//! words: those are packed into a number ([`Term::Packed`]), so counting a
//! page's words hashes and compares numbers rather than strings, and a word
//! is lower-cased as it is packed rather than copied first.

use rustc_hash::FxHashMap;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Words shorter than this (in characters) are not indexed: "a", "I", "l'".
pub(super) const MIN_TERM: usize = 2;
/// Nor longer ones: a run of letters this long is not a word anyone types.
pub(super) const MAX_TERM: usize = 40;

/// A term's weight on a page: where on the page it appears. The client adds
/// the weights of the query's words, so titles rank above headings, and
/// headings above the body.
pub(super) const IN_TITLE: u8 = 10;
pub(super) const IN_HEADING: u8 = 5;
/// Body text counts once per use, up to this many.
pub(super) const BODY_MAX: u8 = 5;

/// The longest term that is packed into a number.
const PACKED: usize = 16;

/// A normalised term.
#[derive(Clone, PartialEq, Eq, Debug)]
pub(super) enum Term {
    /// Up to [`PACKED`] bytes of ASCII, in order from the lowest byte, the
    /// bytes after the term zero.
    Packed(u128),
    /// Any other term.
    Spelled(Box<str>),
}

impl Term {
    /// A normalised word as a term.
    pub(super) fn of(word: &str) -> Term {
        // A folded word of ASCII is letters and digits only, as `pack` wants.
        if (1..=PACKED).contains(&word.len())
            && let Some(n) = Term::pack(word.as_bytes(), 0, word.len())
        {
            return Term::Packed(n);
        }
        Term::Spelled(word.into())
    }

    /// The ASCII letters and digits of `text[at..at + len]` (`1..=PACKED`
    /// bytes), lower-cased, packed; none if a byte is beyond ASCII.
    fn pack(text: &[u8], at: usize, len: usize) -> Option<u128> {
        let keep = u128::MAX >> (8 * (PACKED - len));
        let n = match text.get(at..at + PACKED) {
            Some(wide) => u128::from_le_bytes(wide.try_into().expect("PACKED bytes")),
            None => {
                let mut bytes = [0u8; PACKED];
                bytes[..len].copy_from_slice(&text[at..at + len]);
                u128::from_le_bytes(bytes)
            }
        };
        if n & keep & WIDE != 0 {
            return None;
        }
        // For an ASCII letter, bit 5 is lower case; a digit has it already.
        Some((n | LOWER) & keep)
    }

    /// The term as text.
    pub(super) fn name(&self) -> String {
        match self {
            Term::Packed(n) => {
                let bytes = n.to_le_bytes();
                let len = bytes.iter().position(|&b| b == 0).unwrap_or(PACKED);
                String::from_utf8_lossy(&bytes[..len]).into_owned()
            }
            Term::Spelled(s) => s.to_string(),
        }
    }
}

/// Bit 5 of every byte.
const LOWER: u128 = u128::from_le_bytes([0x20; PACKED]);
/// Bit 7 of every byte: set in the bytes of characters beyond ASCII.
const WIDE: u128 = u128::from_le_bytes([0x80; PACKED]);

/// Where on a page some text is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Place {
    Title,
    Heading,
    Body,
}

impl Place {
    /// Note that a term appears here once more.
    fn mark(self, m: &mut Marks) {
        match self {
            Place::Title => m.title = true,
            Place::Heading => m.heading = true,
            Place::Body => m.body = (m.body + 1).min(BODY_MAX),
        }
    }
}

/// Where on a page a term appears.
#[derive(Default, Clone, Copy)]
struct Marks {
    title: bool,
    heading: bool,
    body: u8,
}

impl Marks {
    fn weight(self) -> u8 {
        u8::from(self.title) * IN_TITLE + u8::from(self.heading) * IN_HEADING + self.body
    }
}

/// A page's terms, as its text is read.
pub(super) struct PageTerms {
    /// Most terms, by [`Term::Packed`]'s number.
    packed: FxHashMap<u128, Marks>,
    spelled: FxHashMap<Box<str>, Marks>,
    /// A run of text with non-ASCII characters, normalised.
    folded: String,
    /// Which bytes of the text being read are part of a word ([`word_bits`]).
    bits: Vec<u64>,
}

/// A byte's high bit, in each byte of eight.
const HIGH: u64 = 0x8080_8080_8080_8080;

/// Of eight bytes of text, those that are part of a word, by their high bit:
/// ASCII letters and digits, and bytes of characters beyond ASCII (which
/// [`normalize_into`] may fold into letters or not). The rest are separators.
///
/// Eight bytes are looked at at once: for a byte `x` below 0x80, adding
/// `0x80 - lo` sets its high bit if `x >= lo`, and adding `0x7F - hi` if
/// `x > hi`, and no sum carries into the next byte.
fn word_bytes(eight: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let x = eight & !HIGH;
    let digit = (x + (0x80 - 0x30) * ONES) & !(x + (0x7F - 0x39) * ONES);
    // Upper and lower case alike.
    let y = x | (0x20 * ONES);
    let letter = (y + (0x80 - 0x61) * ONES) & !(y + (0x7F - 0x7A) * ONES);
    (digit | letter | eight) & HIGH
}

/// Eight bytes of `text` from `at`, zeros past its end (a separator).
fn eight_at(text: &[u8], at: usize) -> u64 {
    match text.get(at..at + 8) {
        Some(eight) => u64::from_le_bytes(eight.try_into().expect("eight bytes")),
        None => {
            let mut eight = [0u8; 8];
            let rest = &text[at.min(text.len())..];
            eight[..rest.len()].copy_from_slice(rest);
            u64::from_le_bytes(eight)
        }
    }
}

/// The high bits of eight bytes as eight bits, in order: `x * magic` puts a
/// copy of byte `k`'s bit at bit `56 + k`, and no two copies meet, so nothing
/// carries.
fn gather(high: u64) -> u64 {
    ((high >> 7).wrapping_mul(0x0102_0408_1020_4080)) >> 56
}

/// Which bytes of `text` are part of a word ([`word_bytes`]): bit `k % 64`
/// of `bits[k / 64]` for byte `k`, the bits past its end clear. Words are
/// then found by counting zeros, without a branch per byte.
fn word_bits(text: &[u8], bits: &mut Vec<u64>) {
    bits.clear();
    for at in (0..text.len()).step_by(64) {
        let mut sixty_four = 0;
        for k in 0..8 {
            sixty_four |= gather(word_bytes(eight_at(text, at + 8 * k))) << (8 * k);
        }
        bits.push(sixty_four);
    }
}

/// The first bit at or after `from` that is set (or, with `set` false,
/// clear).
fn next_bit(bits: &[u64], from: usize, set: bool) -> Option<usize> {
    let flip = if set { 0 } else { u64::MAX };
    let mut n = from / 64;
    let mut word = (bits.get(n)? ^ flip) & (u64::MAX << (from % 64));
    loop {
        if word != 0 {
            return Some(n * 64 + word.trailing_zeros() as usize);
        }
        n += 1;
        word = bits.get(n)? ^ flip;
    }
}

impl PageTerms {
    /// Room for about `words` distinct terms.
    pub(super) fn with_capacity(words: usize) -> Self {
        PageTerms {
            packed: FxHashMap::with_capacity_and_hasher(words, Default::default()),
            spelled: FxHashMap::default(),
            folded: String::new(),
            bits: Vec::new(),
        }
    }

    /// Count the words of `text`, found at `place`.
    ///
    /// Folding a character never makes or removes an ASCII separator, so
    /// the text is cut at those first: a run of ASCII letters and digits is
    /// one word, lower-cased as it is packed, and only a run with other
    /// characters in it is folded and cut again at what is not alphanumeric.
    pub(super) fn add(&mut self, text: &str, place: Place) {
        let bytes = text.as_bytes();
        let mut bits = std::mem::take(&mut self.bits);
        word_bits(bytes, &mut bits);
        let mut at = 0;
        while let Some(start) = next_bit(&bits, at, true) {
            let end = next_bit(&bits, start, false).unwrap_or(bytes.len());
            at = end;
            let len = end - start;
            if len <= PACKED {
                if let Some(n) = Term::pack(bytes, start, len) {
                    if len >= MIN_TERM {
                        place.mark(self.packed.entry(n).or_default());
                    }
                    continue;
                }
            } else if bytes[start..end].is_ascii() {
                if len <= MAX_TERM {
                    let word = text[start..end].to_ascii_lowercase();
                    place.mark(self.spelled.entry(word.into()).or_default());
                }
                continue;
            }
            // Separators are ASCII, so `start` and `end` are character
            // boundaries.
            let mut folded = std::mem::take(&mut self.folded);
            folded.clear();
            normalize_into(&text[start..end], &mut folded);
            for word in folded.split(|c: char| !c.is_alphanumeric()) {
                if (MIN_TERM..=MAX_TERM).contains(&word.chars().count()) {
                    let marks = match Term::of(word) {
                        Term::Packed(n) => self.packed.entry(n).or_default(),
                        Term::Spelled(word) => self.spelled.entry(word).or_default(),
                    };
                    place.mark(marks);
                }
            }
            self.folded = folded;
        }
        self.bits = bits;
    }

    /// Each term and its weight on the page.
    pub(super) fn weights(self) -> impl Iterator<Item = (Term, u8)> {
        let packed = self.packed.into_iter().map(|(n, m)| (Term::Packed(n), m));
        let spelled = self.spelled.into_iter().map(|(s, m)| (Term::Spelled(s), m));
        packed.chain(spelled).map(|(t, m)| (t, m.weight()))
    }
}

/// Text folded at once, as the tests read it.
#[cfg(test)]
pub(super) fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    normalize_into(text, &mut out);
    out
}

/// Text as the index compares it: lower case, accents and other marks
/// dropped, compatibility forms and a few letters that do not decompose
/// (œ, æ, ß, ø, ł, đ) spelled out, so "Geneviève" is found by "genevieve" and
/// "rôle" by "role". The client (`search.js`) does the same to what is typed.
/// Each character is folded on its own, whatever is around it.
fn normalize_into(text: &str, out: &mut String) {
    let mut rest = text;
    while !rest.is_empty() {
        // A run of ASCII at once: copied, then lower-cased in place.
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        let start = out.len();
        out.push_str(&rest[..ascii]);
        out[start..].make_ascii_lowercase();
        rest = &rest[ascii..];
        let Some(c) = rest.chars().next() else { break };
        rest = &rest[c.len_utf8()..];
        for d in std::iter::once(c).nfkd().filter(|d| !is_combining_mark(*d)) {
            for l in d.to_lowercase() {
                match l {
                    'œ' => out.push_str("oe"),
                    'æ' => out.push_str("ae"),
                    'ß' => out.push_str("ss"),
                    'ø' => out.push('o'),
                    'ł' => out.push('l'),
                    'đ' => out.push('d'),
                    _ => out.push(l),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eight_bytes_at_once_are_classed_as_one_at_a_time() {
        let word = |b: u8| b.is_ascii_alphanumeric() || b >= 0x80;
        for b in 0..=255u8 {
            for at in 0..8 {
                // The byte among others of each kind.
                for fill in [b' ', b'a', 0xC3, b'Z', b'9', 0] {
                    let mut eight = [fill; 8];
                    eight[at] = b;
                    let mask = word_bytes(u64::from_le_bytes(eight));
                    for (k, &e) in eight.iter().enumerate() {
                        assert_eq!((mask >> (8 * k + 7)) & 1 == 1, word(e), "{eight:?} at {k}");
                    }
                }
            }
        }
    }

    #[test]
    fn word_bits_are_the_bytes_of_words_in_order() {
        let mut seed = 3u64;
        let mut bits = Vec::new();
        for len in (0..300usize).chain([511, 512, 513]) {
            let text: Vec<u8> = (0..len)
                .map(|_| {
                    super::super::tests::next_random(&mut seed);
                    [b'a', b' ', b'Z', b'.', 0xC3, b'7', b'\n'][(seed >> 33) as usize % 7]
                })
                .collect();
            word_bits(&text, &mut bits);
            assert_eq!(bits.len(), len.div_ceil(64));
            for k in 0..bits.len() * 64 {
                let expected = text
                    .get(k)
                    .is_some_and(|&b| b.is_ascii_alphanumeric() || b >= 0x80);
                assert_eq!(
                    (bits[k / 64] >> (k % 64)) & 1 == 1,
                    expected,
                    "byte {k} of {len}"
                );
                let set = next_bit(&bits, k, true);
                let naive = (k..len).find(|&j| text[j].is_ascii_alphanumeric() || text[j] >= 0x80);
                assert_eq!(set, naive);
            }
        }
    }

    #[test]
    fn text_shorter_than_eight_bytes_ends_in_separators() {
        assert_eq!(eight_at(b"ab", 0), u64::from_le_bytes(*b"ab\0\0\0\0\0\0"));
        assert_eq!(
            eight_at(b"abcdefghij", 4),
            u64::from_le_bytes(*b"efghij\0\0")
        );
        assert_eq!(eight_at(b"ab", 2), 0);
    }
}
