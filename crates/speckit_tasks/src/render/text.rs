//! Text helpers shared by the renderers: cleaning labels, estimating how wide
//! text will be drawn, truncating with `…` and wrapping into lines.
//!
//! Widths are estimates from per-character classes, not font metrics: the SVG
//! is viewed with whatever font the reader has, so a close, deterministic guess
//! is all that is useful. East Asian wide characters count double because task
//! labels are often written in Japanese or Chinese.

/// The character appended when text is cut short.
pub(crate) const ELLIPSIS: char = '…';

/// Collapses every whitespace run (newlines included) to one space, trims the
/// ends and drops characters no output format can carry: control characters
/// and the two XML non-characters.
pub(crate) fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            pending_space = true;
        } else if c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}' {
            // Dropped: neither XML nor the diagram languages accept them.
        } else {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.push(c);
        }
    }
    out
}

/// Whether a character takes two terminal columns (East Asian Wide or
/// Fullwidth, plus the common emoji blocks).
pub(crate) fn is_wide(c: char) -> bool {
    matches!(u32::from(c),
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x1F300..=0x1F64F
        | 0x1F900..=0x1F9FF
        | 0x20000..=0x2FFFD
        | 0x30000..=0x3FFFD)
}

/// Combining marks and invisible joiners take no room of their own.
fn is_zero_width(c: char) -> bool {
    matches!(u32::from(c),
        0x0300..=0x036F | 0x200B..=0x200F | 0x2060..=0x2064 | 0xFE00..=0xFE0F | 0xFEFF)
}

/// Terminal-style width: 0, 1 or 2 columns.
pub(crate) fn columns(c: char) -> f64 {
    if is_zero_width(c) {
        0.0
    } else if is_wide(c) {
        2.0
    } else {
        1.0
    }
}

/// Approximate advance of a character in a proportional sans-serif font, in
/// ems. The classes are a little wider than Helvetica, as most screen fonts
/// are, so text fits without leaving large gaps.
pub(crate) fn em_width(c: char) -> f64 {
    if is_zero_width(c) {
        return 0.0;
    }
    if is_wide(c) {
        return 1.0;
    }
    match c {
        ' ' => 0.3,
        'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '!' | '|' | '\'' | '`' => 0.28,
        'f' | 't' | 'r' | 'I' | '(' | ')' | '[' | ']' | '/' | '\\' | '-' | '"' => 0.4,
        'm' | 'w' => 0.88,
        'M' | 'W' | '@' | '%' => 0.95,
        '…' => 1.0,
        'A'..='Z' | '&' | '#' => 0.7,
        '0'..='9' | 'a'..='z' | '$' | '_' | '?' => 0.6,
        _ => 0.65,
    }
}

/// Total width of `text` under `measure`.
pub(crate) fn measure_str(text: &str, measure: &dyn Fn(char) -> f64) -> f64 {
    text.chars().map(measure).sum()
}

/// `text` unchanged when it fits in `max`, otherwise its longest prefix that
/// fits together with a trailing `…`.
pub(crate) fn ellipsize(text: &str, max: f64, measure: &dyn Fn(char) -> f64) -> String {
    if measure_str(text, measure) <= max {
        return text.to_owned();
    }
    force_ellipsis(text, max, measure)
}

/// Like [`ellipsize`] but always ends in `…`, for a line that had more text
/// after it.
fn force_ellipsis(text: &str, max: f64, measure: &dyn Fn(char) -> f64) -> String {
    let budget = max - measure(ELLIPSIS);
    let mut used = 0.0;
    let mut out = String::new();
    for c in text.chars() {
        used += measure(c);
        if used > budget {
            break;
        }
        out.push(c);
    }
    let mut out = out.trim_end().to_owned();
    out.push(ELLIPSIS);
    out
}

/// CJK punctuation that must not start a line; it sticks to what precedes it.
fn is_closing_punctuation(c: char) -> bool {
    matches!(
        c,
        '、' | '。'
            | '，'
            | '．'
            | '）'
            | '」'
            | '』'
            | '】'
            | '！'
            | '？'
            | '：'
            | '；'
            | 'ー'
            | '〕'
    )
}

/// Pieces between which a line may break: words separated by spaces, and each
/// wide character on its own because CJK text has no spaces.
fn tokens(text: &str) -> Vec<String> {
    let mut tokens: Vec<String> = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        if c == ' ' {
            if !word.is_empty() {
                tokens.push(std::mem::take(&mut word));
            }
            tokens.push(" ".to_owned());
        } else if is_closing_punctuation(c) {
            if !word.is_empty() {
                word.push(c);
            } else if let Some(last) = tokens.last_mut().filter(|last| last.as_str() != " ") {
                last.push(c);
            } else {
                word.push(c);
            }
        } else if is_wide(c) {
            if !word.is_empty() {
                tokens.push(std::mem::take(&mut word));
            }
            tokens.push(c.to_string());
        } else {
            word.push(c);
        }
    }
    if !word.is_empty() {
        tokens.push(word);
    }
    tokens
}

/// Greedy line filling that also splits a single token wider than a line.
struct LineFiller<'a> {
    max: f64,
    measure: &'a dyn Fn(char) -> f64,
    lines: Vec<String>,
    current: String,
    width: f64,
}

impl LineFiller<'_> {
    fn break_line(&mut self) {
        let line = std::mem::take(&mut self.current);
        self.lines.push(line.trim_end().to_owned());
        self.width = 0.0;
    }

    fn push_token(&mut self, token: &str) {
        let token_width = measure_str(token, self.measure);
        if token == " " {
            if !self.current.is_empty() {
                self.current.push(' ');
                self.width += token_width;
            }
            return;
        }
        if self.width + token_width > self.max && !self.current.trim_end().is_empty() {
            self.break_line();
        }
        if token_width <= self.max {
            self.current.push_str(token);
            self.width += token_width;
            return;
        }
        for c in token.chars() {
            let char_width = (self.measure)(c);
            if self.width + char_width > self.max && !self.current.is_empty() {
                self.break_line();
            }
            self.current.push(c);
            self.width += char_width;
        }
    }
}

/// Wraps cleaned `text` into at most `max_lines` lines no wider than `max`;
/// when text is left over, the last line ends with `…`.
pub(crate) fn wrap(
    text: &str,
    max: f64,
    max_lines: usize,
    measure: &dyn Fn(char) -> f64,
) -> Vec<String> {
    let mut filler = LineFiller {
        max,
        measure,
        lines: Vec::new(),
        current: String::new(),
        width: 0.0,
    };
    for token in tokens(text) {
        filler.push_token(&token);
    }
    if !filler.current.trim_end().is_empty() {
        filler.break_line();
    }
    let mut lines = filler.lines;
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            *last = force_ellipsis(last, max, measure);
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_wrap(input: &str, max_columns: f64, expected: &[&str]) {
        assert_eq!(wrap(input, max_columns, 2, &columns), expected, "{input:?}");
    }

    #[test]
    fn clean_collapses_whitespace_and_drops_controls() {
        assert_eq!(clean("  a\r\n\tb \u{0}c\u{FFFF}  "), "a b c");
        assert_eq!(clean("\n"), "");
    }

    #[test]
    fn wide_characters_count_double() {
        assert!((measure_str("タスク", &columns) - 6.0).abs() < 1e-9);
        assert!((measure_str("abc", &columns) - 3.0).abs() < 1e-9);
        assert!((measure_str("e\u{301}", &columns) - 1.0).abs() < 1e-9);
        assert!(em_width('中') > em_width('a'));
    }

    #[test]
    fn ellipsize_keeps_short_text_and_cuts_long_text() {
        assert_eq!(ellipsize("short", 10.0, &columns), "short");
        assert_eq!(ellipsize("abcdefghij", 5.0, &columns), "abcd…");
        // A wide character that would overflow is dropped whole.
        assert_eq!(ellipsize("日本語テキスト", 6.0, &columns), "日本…");
    }

    #[test]
    fn wrap_breaks_at_spaces() {
        check_wrap("alpha beta gamma", 11.0, &["alpha beta", "gamma"]);
        check_wrap("one", 10.0, &["one"]);
        check_wrap("", 10.0, &[]);
    }

    #[test]
    fn wrap_breaks_between_cjk_characters() {
        check_wrap("データベースを作成する", 10.0, &["データベー", "スを作成…"]);
    }

    #[test]
    fn wrap_keeps_closing_punctuation_on_the_line() {
        check_wrap("ああああ、いい", 10.0, &["ああああ、", "いい"]);
    }

    #[test]
    fn wrap_splits_overlong_words_and_marks_leftovers() {
        check_wrap("abcdefghijklmnop", 6.0, &["abcdef", "ghijk…"]);
        check_wrap("a b c d e f g h", 3.0, &["a b", "c…"]);
    }
}
