//! Byte searches for the per-line hot path.
//!
//! `memchr::memchr` picks its implementation through a function pointer on
//! every call, which costs more than searching a typical 40-byte spec line.
//! The searchers here resolve that once per document: AVX2 where the CPU has
//! it (memchr's safe `arch` API), memchr's portable functions elsewhere.

#[cfg(target_arch = "x86_64")]
use memchr::arch::x86_64::avx2::memchr::{One, Three, Two};

/// The searchers for one needle set.
#[cfg(target_arch = "x86_64")]
struct Simd {
    newline: One,
    newline_or_pipe: Two,
    pipe: One,
    backtick: One,
    code_html_or_paren: Three,
}

/// Searchers set up once per document.
pub(super) struct Finder {
    #[cfg(target_arch = "x86_64")]
    simd: Option<Simd>,
}

/// Calls the AVX2 searcher when there is one, else the portable expression.
macro_rules! search {
    ($self:ident, $field:ident, $haystack:ident, $portable:expr) => {{
        #[cfg(target_arch = "x86_64")]
        if let Some(simd) = &$self.simd {
            return simd.$field.find($haystack);
        }
        $portable
    }};
}

impl Finder {
    pub(super) fn new() -> Self {
        Finder {
            #[cfg(target_arch = "x86_64")]
            simd: (|| {
                Some(Simd {
                    newline: One::new(b'\n')?,
                    newline_or_pipe: Two::new(b'\n', b'|')?,
                    pipe: One::new(b'|')?,
                    backtick: One::new(b'`')?,
                    code_html_or_paren: Three::new(b'`', b'<', b'(')?,
                })
            })(),
        }
    }

    /// The first `\n` in `haystack`.
    #[inline]
    pub(super) fn newline(&self, haystack: &[u8]) -> Option<usize> {
        search!(self, newline, haystack, memchr::memchr(b'\n', haystack))
    }

    /// The first `\n` or `|` in `haystack`.
    #[inline]
    pub(super) fn newline_or_pipe(&self, haystack: &[u8]) -> Option<usize> {
        search!(
            self,
            newline_or_pipe,
            haystack,
            memchr::memchr2(b'\n', b'|', haystack)
        )
    }

    /// The first `|` in `haystack`.
    #[inline]
    pub(super) fn pipe(&self, haystack: &[u8]) -> Option<usize> {
        search!(self, pipe, haystack, memchr::memchr(b'|', haystack))
    }

    /// The first backtick in `haystack`.
    #[inline]
    pub(super) fn backtick(&self, haystack: &[u8]) -> Option<usize> {
        search!(self, backtick, haystack, memchr::memchr(b'`', haystack))
    }

    /// The first backtick, `<` or `(` in `haystack`.
    #[inline]
    pub(super) fn code_html_or_paren(&self, haystack: &[u8]) -> Option<usize> {
        search!(
            self,
            code_html_or_paren,
            haystack,
            memchr::memchr3(b'`', b'<', b'(', haystack)
        )
    }
}
