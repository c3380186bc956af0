//! `str::trim` and its halves, answered at once where the text already starts (or ends) with
//! a character that is no whitespace: most lines and fields of a table do, and the Unicode
//! test of whitespace costs more than a look at a lead byte. Elsewhere the `str` methods
//! answer, so that the result is theirs on every text.

/// Whether the character these bytes start with is surely no whitespace, by its first bytes.
/// The whitespace characters beyond ASCII are U+0085, U+00A0 (C2 …), U+1680 (E1 …),
/// U+2000–U+205F (E2 80 …, E2 81 …) and U+3000 (E3 80 80); any other lead byte from 0xC3 up
/// starts no whitespace, nor does a visible ASCII character.
#[inline]
fn surely_not_space(bytes: &[u8]) -> bool {
    match bytes {
        [0x21..=0x7E, ..] | [0xC3..=0xE0 | 0xE4..=0xF4, ..] => true,
        [0xE2, next, ..] => !matches!(next, 0x80 | 0x81),
        [0xE3, a, b, ..] => !(*a == 0x80 && *b == 0x80),
        _ => false,
    }
}

/// Whether the text's last character is surely no whitespace, by the bytes it ends with: in
/// UTF-8 a lead byte two, three or four bytes from the end starts the last character where
/// the bytes after it are as many as it announces.
#[inline]
fn ends_surely_not_space(text: &str) -> bool {
    match text.as_bytes() {
        [.., 0x21..=0x7E]
        | [.., 0xC3..=0xDF, _]
        | [.., 0xE0 | 0xE4..=0xEF, _, _]
        | [.., 0xF0..=0xF4, _, _, _] => true,
        [.., 0xE2, next, _] => !matches!(next, 0x80 | 0x81),
        [.., 0xE3, a, b] => !(*a == 0x80 && *b == 0x80),
        _ => false,
    }
}

/// `text.starts_with(char::is_whitespace)`, answered by the lead byte where it can be.
pub(crate) fn starts_with_space(text: &str) -> bool {
    match text.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_whitespace() || *b == 0x0B,
        _ => !surely_not_space(text.as_bytes()) && text.starts_with(char::is_whitespace),
    }
}

/// `text.trim()`: the quick test of its ends inlined where it is used.
#[inline]
pub(crate) fn trim(text: &str) -> &str {
    if surely_not_space(text.as_bytes()) && ends_surely_not_space(text) {
        text
    } else {
        slow::trim(text)
    }
}

/// `text.trim_start()`.
#[inline]
pub(crate) fn trim_start(text: &str) -> &str {
    if surely_not_space(text.as_bytes()) {
        text
    } else {
        slow::trim_start(text)
    }
}

/// `text.trim_end()`.
#[inline]
pub(crate) fn trim_end(text: &str) -> &str {
    if ends_surely_not_space(text) {
        text
    } else {
        slow::trim_end(text)
    }
}

/// The `str` methods, called rather than inlined: the quick tests above are inlined where
/// they are used, and most texts need nothing more.
mod slow {
    #[inline(never)]
    pub(super) fn trim(text: &str) -> &str {
        text.trim()
    }

    #[inline(never)]
    pub(super) fn trim_start(text: &str) -> &str {
        text.trim_start()
    }

    #[inline(never)]
    pub(super) fn trim_end(text: &str) -> &str {
        text.trim_end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_as_the_str_methods_do() {
        let spaces: Vec<char> = (0..=0x10FFFFu32)
            .filter_map(char::from_u32)
            .filter(|c| c.is_whitespace())
            .collect();
        // Every whitespace character, its neighbours by code point, and characters of every
        // UTF-8 length and lead byte.
        let mut chars: Vec<char> = spaces
            .iter()
            .flat_map(|&c| {
                let n = u32::from(c);
                [n.saturating_sub(1), n, n + 1]
            })
            .filter_map(char::from_u32)
            .collect();
        chars.extend([
            'a', '1', '。', '、', '〔', '〕', '；', '：', '中', '\u{7f}', '\u{0}', 'é',
        ]);
        chars.extend((0x80..0x10000u32).step_by(0x3f).filter_map(char::from_u32));
        chars.extend(
            (0x10000..0x110000u32)
                .step_by(0x1003)
                .filter_map(char::from_u32),
        );
        let texts = chars.iter().flat_map(|&a| {
            chars
                .iter()
                .step_by(7)
                .flat_map(move |&b| [format!("{a}"), format!("{a}x{b}"), format!("{a}{b}")])
        });
        for text in texts.chain(["".to_owned(), " ".to_owned(), "\u{3000}".to_owned()]) {
            assert_eq!(trim(&text), text.trim(), "{text:?}");
            assert_eq!(trim_start(&text), text.trim_start(), "{text:?}");
            assert_eq!(trim_end(&text), text.trim_end(), "{text:?}");
            assert_eq!(
                starts_with_space(&text),
                text.starts_with(char::is_whitespace),
                "{text:?}"
            );
        }
    }
}
