//! The raw text of a target, held inline where it is short, as most values are (`≥90%`,
//! `不少于100场次`): reading or cloning such a target allocates nothing for it. A longer
//! text is shared: a clone of its target (a table's value cache hands out clones) shares it.
//! A target's subject and note are held alike.

use core::fmt;

/// The most bytes held inline: with its length and the variant's tag, as many bytes as a
/// `String` takes.
const INLINE: usize = 22;

/// A text, inline up to [`INLINE`] bytes, else on the heap.
#[derive(Clone)]
pub(crate) enum RawText {
    Inline { len: u8, bytes: [u8; INLINE] },
    Heap(std::sync::Arc<str>),
}

impl RawText {
    /// The text, inline where it fits.
    pub(crate) fn new(text: &str) -> RawText {
        match (inline(text.as_bytes()), u8::try_from(text.len())) {
            (Some(bytes), Ok(len)) => RawText::Inline { len, bytes },
            _ => RawText::Heap(text.into()),
        }
    }

    /// The text's bytes, without the test that they are UTF-8 which [`as_str`](Self::as_str)
    /// makes of inline ones: what a map compares its keys by.
    pub(crate) fn as_bytes(&self) -> &[u8] {
        match self {
            RawText::Inline { len, bytes } => bytes.get(..usize::from(*len)).unwrap_or_default(),
            RawText::Heap(text) => text.as_bytes(),
        }
    }

    pub(crate) fn as_str(&self) -> &str {
        match self {
            // The bytes were copied from a `str` at a character boundary: they are UTF-8.
            RawText::Inline { len, bytes } => bytes
                .get(..usize::from(*len))
                .and_then(|b| core::str::from_utf8(b).ok())
                .unwrap_or_default(),
            RawText::Heap(text) => text,
        }
    }
}

/// The bytes of a text of at most [`INLINE`] bytes, zero beyond its end: copied as its first
/// and last chunks, which overlap, each of a fixed size (moves rather than a call to copy
/// bytes); `None` for a longer text.
fn inline(text: &[u8]) -> Option<[u8; INLINE]> {
    let mut bytes = [0u8; INLINE];
    let n = text.len();
    if n > INLINE {
        return None;
    }
    if let (Some(first), Some(last)) = (text.first_chunk::<16>(), text.last_chunk::<16>()) {
        bytes.first_chunk_mut::<16>()?.copy_from_slice(first);
        bytes.get_mut(n - 16..n)?.copy_from_slice(last);
    } else if let (Some(first), Some(last)) = (text.first_chunk::<8>(), text.last_chunk::<8>()) {
        bytes.first_chunk_mut::<8>()?.copy_from_slice(first);
        bytes.get_mut(n - 8..n)?.copy_from_slice(last);
    } else if let (Some(first), Some(last)) = (text.first_chunk::<4>(), text.last_chunk::<4>()) {
        bytes.first_chunk_mut::<4>()?.copy_from_slice(first);
        bytes.get_mut(n - 4..n)?.copy_from_slice(last);
    } else {
        for (to, &from) in bytes.iter_mut().zip(text) {
            *to = from;
        }
    }
    Some(bytes)
}

impl Default for RawText {
    fn default() -> Self {
        RawText::new("")
    }
}

impl From<String> for RawText {
    fn from(text: String) -> Self {
        if text.len() <= INLINE {
            RawText::new(&text)
        } else {
            RawText::Heap(text.into())
        }
    }
}

impl core::ops::Deref for RawText {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for RawText {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for RawText {}

impl core::hash::Hash for RawText {
    /// As the text itself.
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl fmt::Display for RawText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for RawText {
    /// As the text itself: `"≥90%"`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_texts_are_inline_and_long_ones_on_the_heap() {
        for text in [
            "",
            "≥90%",
            "不少于100场次",
            "1234567890123456789012",
            "1",
            "12",
            "123",
            "1234",
            "12345678",
            "123456789",
            "1234567890123456",
            "12345678901234567",
            "12345678901234567890123",
            "不少于100场次（每月一次）",
        ] {
            let raw = RawText::new(text);
            assert_eq!(raw.as_str(), text);
            assert_eq!(matches!(raw, RawText::Inline { .. }), text.len() <= INLINE);
            assert_eq!(RawText::from(text.to_owned()).as_str(), text);
            assert_eq!(format!("{raw:?}"), format!("{text:?}"));
        }
        assert!(core::mem::size_of::<RawText>() <= core::mem::size_of::<String>() + 8);
    }
}
