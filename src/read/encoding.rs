//! Text files in the encodings tables are published in: UTF-8 with or without a byte-order
//! mark, UTF-16 (little or big endian) with its mark, and GB18030 (which reads GBK and
//! GB2312) where the bytes are not UTF-8. Decoding is strict: bytes that no detected
//! encoding reads are an error naming their offset, never replacement characters.

use crate::{TableError, TableErrorKind};
use encoding_rs::{DecoderResult, Encoding, GB18030, UTF_8, UTF_16BE, UTF_16LE};

/// The text of a file's bytes, and the name of the encoding it was read in.
pub(crate) fn decode(bytes: &[u8]) -> Result<(String, &'static str), TableError> {
    for (bom, encoding) in [
        (&b"\xEF\xBB\xBF"[..], UTF_8),
        (&b"\xFF\xFE"[..], UTF_16LE),
        (&b"\xFE\xFF"[..], UTF_16BE),
    ] {
        if let Some(rest) = bytes.strip_prefix(bom) {
            return strict(encoding, rest)
                .map(|text| (text, encoding.name()))
                .map_err(|at| not_text(encoding, at + bom.len()));
        }
    }
    match core::str::from_utf8(bytes) {
        Ok(text) => Ok((text.to_owned(), UTF_8.name())),
        Err(utf8) => match strict(GB18030, bytes) {
            Ok(text) => Ok((text, GB18030.name())),
            Err(at) => Err(TableError::new(
                TableErrorKind::NotText,
                crate::lang::msg!(
                    "not text: invalid bytes at byte {} as UTF-8 and at byte {at} as GB18030 \
                     (UTF-16 needs its byte-order mark)",
                    "不是文本：按UTF-8读取在第{}字节、按GB18030读取在第{at}字节出现无效字节\
                     （UTF-16需带字节顺序标记）",
                    utf8.valid_up_to()
                ),
            )),
        },
    }
}

/// The error for bytes an encoding marked by a byte-order mark does not read.
fn not_text(encoding: &'static Encoding, at: usize) -> TableError {
    TableError::new(
        TableErrorKind::NotText,
        crate::lang::msg!(
            "not text: invalid {} bytes at byte {at}",
            "不是文本：第{at}字节起不是有效的{}编码",
            encoding.name()
        ),
    )
}

/// Decodes all of `bytes` in an encoding, or says at which byte the first malformed sequence
/// starts.
fn strict(encoding: &'static Encoding, bytes: &[u8]) -> Result<String, usize> {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let capacity = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len().saturating_mul(3));
    let mut text = String::with_capacity(capacity);
    let mut read = 0usize;
    loop {
        let (result, used) =
            decoder.decode_to_string_without_replacement(&bytes[read..], &mut text, true);
        read += used;
        match result {
            DecoderResult::InputEmpty => return Ok(text),
            // The buffer was sized for the worst case; grow it all the same if asked.
            DecoderResult::OutputFull => text.reserve(bytes.len() - read + 16),
            DecoderResult::Malformed(bad, pending) => {
                return Err(read.saturating_sub(usize::from(bad) + usize::from(pending)));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(
            decode("指标值".as_bytes()).unwrap(),
            ("指标值".into(), "UTF-8")
        );
        assert_eq!(
            decode(b"\xEF\xBB\xBF\xE6\x8C\x87").unwrap(),
            ("指".into(), "UTF-8")
        );
        let err = decode(b"\xEF\xBB\xBFab\xFF").unwrap_err();
        assert_eq!(err.to_string(), "not text: invalid UTF-8 bytes at byte 5");
    }

    #[test]
    fn utf16_with_bom() {
        let le: Vec<u8> = b"\xFF\xFE"
            .iter()
            .copied()
            .chain("≥90%".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&le).unwrap(), ("≥90%".into(), "UTF-16LE"));
        let be: Vec<u8> = b"\xFE\xFF"
            .iter()
            .copied()
            .chain("指标".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(&be).unwrap(), ("指标".into(), "UTF-16BE"));
        // A lone high surrogate (D800) after one character.
        let err = decode(b"\xFF\xFEa\x00\x00\xD8b\x00").unwrap_err();
        assert_eq!(err.kind(), TableErrorKind::NotText);
        assert!(
            err.to_string().contains("UTF-16LE bytes at byte 4"),
            "{err}"
        );
    }

    #[test]
    fn gbk_when_not_utf8() {
        // 指标值 in GBK.
        assert_eq!(
            decode(b"\xD6\xB8\xB1\xEA\xD6\xB5").unwrap(),
            ("指标值".into(), "gb18030")
        );
        let err = decode(b"\xD6\xB8ab\xFF").unwrap_err();
        assert_eq!(
            err.to_string(),
            "not text: invalid bytes at byte 4 as UTF-8 and at byte 4 as GB18030 (UTF-16 needs \
             its byte-order mark)"
        );
    }
}
