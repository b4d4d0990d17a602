//! Persian and Arabic-Indic digits: people read ۱۴۰۳, systems store 1403.

const PERSIAN: [char; 10] = ['۰', '۱', '۲', '۳', '۴', '۵', '۶', '۷', '۸', '۹'];

/// Replaces every ASCII digit with its Persian form; everything else is kept.
pub fn to_persian_digits(text: &str) -> String {
    text.chars()
        .map(|c| match c.to_digit(10) {
            Some(d) if c.is_ascii_digit() => PERSIAN[d as usize],
            _ => c,
        })
        .collect()
}

/// Maps Persian (U+06F0..) and Arabic-Indic (U+0660..) digits to ASCII, so that input typed
/// on any keyboard layout parses the same way.
pub fn to_latin_digits(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '۰'..='۹' => char::from(b'0' + (c as u32 - '۰' as u32) as u8),
            '٠'..='٩' => char::from(b'0' + (c as u32 - '٠' as u32) as u8),
            _ => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn persian_digits_round_trip() {
        assert_eq!(to_persian_digits("1403/05/12"), "۱۴۰۳/۰۵/۱۲");
        assert_eq!(to_latin_digits("۱۴۰۳/۰۵/۱۲"), "1403/05/12");
        assert_eq!(to_latin_digits("١٤٠٣"), "1403");
        assert_eq!(to_persian_digits("پرونده 12-ب"), "پرونده ۱۲-ب");
    }
}
