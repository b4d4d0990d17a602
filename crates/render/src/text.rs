//! Persian text for print: numbers in words, Persian digits, Latin runs isolated.

use heyat_core::to_persian_digits;

/// Left-to-right isolate and pop directional isolate (Unicode bidi, UAX #9).
const LRI: char = '\u{2066}';
const PDI: char = '\u{2069}';
/// Left-to-right override and pop directional formatting: Persian digits are "Arabic
/// numbers" to the bidi algorithm, which lays «۱۴۰۳-۰۰۴۲» out right to left even inside a
/// left-to-right isolate; an override keeps the order as typed.
const LRO: char = '\u{202D}';
const PDF: char = '\u{202C}';

fn latin_run_char(c: char) -> bool {
    // ASCII printable (letters, digits, punctuation, space) and Latin letters with accents:
    // a run of these inside a Persian line is laid out as one left-to-right unit.
    (' '..='~').contains(&c) || ('\u{00C0}'..='\u{024F}').contains(&c)
}

fn persian_digit(c: char) -> bool {
    ('\u{06F0}'..='\u{06F9}').contains(&c) || ('\u{0660}'..='\u{0669}').contains(&c)
}

/// Isolates numbers joined by hyphens («۱۴۰۳-۰۰۴۲»), which the bidi algorithm would
/// otherwise lay out right to left (the hyphen is not a number separator), unlike dates.
fn isolate_hyphenated(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if persian_digit(chars[i]) {
            let mut end = i;
            while end < chars.len() && (persian_digit(chars[end]) || chars[end] == '-') {
                end += 1;
            }
            while end > i && chars[end - 1] == '-' {
                end -= 1;
            }
            let run: String = chars[i..end].iter().collect();
            if run.contains('-') {
                out.extend([LRI, LRO]);
                out.push_str(&run);
                out.extend([PDF, PDI]);
            } else {
                out.push_str(&run);
            }
            i = end.max(i + 1);
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

/// Wraps each run of Latin text (letters, ASCII digits and the punctuation between them) in
/// a left-to-right isolate, so that `1401:37:f`, `Sana` or `#panic()` keep their order
/// inside a right-to-left sentence and do not reorder the Persian around them.
pub fn isolate_latin(text: &str) -> String {
    let text = &isolate_hyphenated(text);
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    let mut i = 0;
    while i < chars.len() {
        if latin_run_char(chars[i]) && chars[i] != ' ' {
            let start = i;
            let mut end = i;
            while end < chars.len() && latin_run_char(chars[end]) {
                end += 1;
            }
            // Trailing spaces stay outside the isolate.
            let mut last = end;
            while last > start && chars[last - 1] == ' ' {
                last -= 1;
            }
            let run: String = chars[start..last].iter().collect();
            if run.chars().any(|c| c.is_alphanumeric()) {
                out.push(LRI);
                out.push_str(&run);
                out.push(PDI);
            } else {
                out.push_str(&run);
            }
            out.extend(&chars[last..end]);
            i = end;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

/// An identifier (case, ruling or session number): when it is digits and separators only
/// («۱۴۰۳-۰۰۴۲»), it is isolated left to right so that it reads the same everywhere — year
/// first on the left, like a date — whatever text surrounds it. With letters in it
/// («۱۴۰۳/ب/۰۱۸») it follows the Persian text.
pub fn isolate_number(text: &str) -> String {
    let letters = text.chars().any(|c| c.is_alphabetic());
    if letters || text.trim().is_empty() {
        isolate_latin(text)
    } else {
        format!("{LRI}{LRO}{}{PDF}{PDI}", text.trim())
    }
}

/// A number in Persian digits.
pub fn fa(n: impl ToString) -> String {
    to_persian_digits(&n.to_string())
}

const ONES: [&str; 20] = [
    "صفر",
    "یک",
    "دو",
    "سه",
    "چهار",
    "پنج",
    "شش",
    "هفت",
    "هشت",
    "نه",
    "ده",
    "یازده",
    "دوازده",
    "سیزده",
    "چهارده",
    "پانزده",
    "شانزده",
    "هفده",
    "هجده",
    "نوزده",
];
const TENS: [&str; 10] = [
    "",
    "",
    "بیست",
    "سی",
    "چهل",
    "پنجاه",
    "شصت",
    "هفتاد",
    "هشتاد",
    "نود",
];
const HUNDREDS: [&str; 10] = [
    "",
    "صد",
    "دویست",
    "سیصد",
    "چهارصد",
    "پانصد",
    "ششصد",
    "هفتصد",
    "هشتصد",
    "نهصد",
];

/// A number from 0 to 999 in Persian words: 25 → «بیست و پنج».
pub fn words(n: u32) -> String {
    if n < 20 {
        return ONES[n as usize].to_owned();
    }
    let mut parts = Vec::new();
    let h = n / 100 % 10;
    let rest = n % 100;
    if h > 0 {
        parts.push(HUNDREDS[h as usize].to_owned());
    }
    if rest >= 20 {
        parts.push(TENS[(rest / 10) as usize].to_owned());
        if !rest.is_multiple_of(10) {
            parts.push(ONES[(rest % 10) as usize].to_owned());
        }
    } else if rest > 0 {
        parts.push(ONES[rest as usize].to_owned());
    }
    parts.join(" و ")
}

/// A length in months as a ruling words it: 6 → «شش (۶) ماه», 12 → «یک (۱) سال»,
/// 18 → «یک سال و شش ماه (۱۸ ماه)».
pub fn months_words(months: u32) -> String {
    let (y, m) = (months / 12, months % 12);
    match (y, m) {
        (0, m) => format!("{} ({}) ماه", words(m), fa(m)),
        (y, 0) => format!("{} ({}) سال", words(y), fa(y)),
        (y, m) => format!("{} سال و {} ماه ({} ماه)", words(y), words(m), fa(months)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_runs_are_isolated_and_persian_is_left_alone() {
        assert_eq!(
            isolate_latin("بند 1401:37:f است"),
            "بند \u{2066}1401:37:f\u{2069} است"
        );
        assert_eq!(isolate_latin("فقط فارسی «ب»"), "فقط فارسی «ب»");
        assert_eq!(isolate_latin("*"), "*");
        assert_eq!(isolate_latin("a b  "), "\u{2066}a b\u{2069}  ");
        assert_eq!(
            isolate_latin("پروندهٔ ۱۴۰۳-۰۰۴۲ و ۵"),
            "پروندهٔ \u{2066}\u{202d}۱۴۰۳-۰۰۴۲\u{202c}\u{2069} و ۵"
        );
    }

    #[test]
    fn digit_only_numbers_read_left_to_right() {
        assert_eq!(
            isolate_number("۱۴۰۳-۰۰۴۲"),
            "\u{2066}\u{202d}۱۴۰۳-۰۰۴۲\u{202c}\u{2069}"
        );
        assert_eq!(isolate_number("۱۴۰۳/ب/۰۱۸"), "۱۴۰۳/ب/۰۱۸");
    }

    #[test]
    fn numbers_in_words() {
        assert_eq!(words(5), "پنج");
        assert_eq!(words(20), "بیست");
        assert_eq!(words(25), "بیست و پنج");
        assert_eq!(words(120), "صد و بیست");
        assert_eq!(months_words(6), "شش (۶) ماه");
        assert_eq!(months_words(24), "دو (۲) سال");
        assert_eq!(months_words(18), "یک سال و شش ماه (۱۸ ماه)");
    }
}
