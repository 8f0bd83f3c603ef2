//! A selection of pages ("3-9,12"), as `extract --pages` takes it, for
//! [`Options::pages`](crate::Options::pages).
use std::collections::BTreeSet;
use std::fmt;
use std::str::FromStr;

/// 1-based pages and ranges of pages to read; the others are passed over
/// unread.
///
/// ```
/// let pages: fiscal_extract::PageSelection = "3-5,12".parse().unwrap();
/// assert!(pages.contains(4) && pages.contains(12) && !pages.contains(6));
/// assert!("0-2".parse::<fiscal_extract::PageSelection>().is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageSelection(Vec<(u32, u32)>);

impl PageSelection {
    /// Whether page `n` is selected.
    pub fn contains(&self, n: u32) -> bool {
        self.0.iter().any(|&(a, b)| a <= n && n <= b)
    }

    /// The pages selected, as [`Options::pages`](crate::Options::pages)
    /// takes them; a range is cut at `max_pages` (the reader's page limit).
    pub fn to_set(&self, max_pages: u32) -> BTreeSet<u32> {
        self.0
            .iter()
            .flat_map(|&(a, b)| a..=b.min(max_pages))
            .collect()
    }
}

impl FromStr for PageSelection {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let bad = |part: &str| format!("`{part}` is no page or range of pages (e.g. 3-9,12)");
        let mut ranges = Vec::new();
        for part in s.split(',').map(str::trim) {
            let (a, b) = part.split_once('-').unwrap_or((part, part));
            let a: u32 = a.trim().parse().map_err(|_| bad(part))?;
            let b: u32 = b.trim().parse().map_err(|_| bad(part))?;
            if a == 0 || b < a {
                return Err(bad(part));
            }
            ranges.push((a, b));
        }
        Ok(PageSelection(ranges))
    }
}

impl fmt::Display for PageSelection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = self
            .0
            .iter()
            .map(|&(a, b)| {
                if a == b {
                    a.to_string()
                } else {
                    format!("{a}-{b}")
                }
            })
            .collect();
        f.write_str(&parts.join(","))
    }
}
