//! Before-and-after figures for a cleaned document.

use serde::{Deserialize, Serialize};

/// Characters, words and lines of a text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    pub chars: usize,
    pub words: usize,
    pub lines: usize,
}

impl Counts {
    pub fn of(text: &str) -> Counts {
        Counts { chars: text.chars().count(), words: text.split_whitespace().count(), lines: text.lines().count() }
    }
}

/// The figures the page's stats panel and `rinse --stats` show.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Stats {
    pub before: Counts,
    pub after: Counts,
    pub edits: usize,
}

impl Stats {
    pub fn new(before: &str, after: &str, edits: usize) -> Stats {
        Stats { before: Counts::of(before), after: Counts::of(after), edits }
    }

    /// The share of characters removed, from 0 to 1.
    pub fn removed_share(&self) -> f64 {
        if self.before.chars == 0 {
            return 0.0;
        }
        1.0 - (self.after.chars as f64 / self.before.chars as f64).min(1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_share() {
        let stats = Stats::new("one two\nthree four\n", "one two\n", 1);
        assert_eq!(stats.before, Counts { chars: 19, words: 4, lines: 2 });
        assert_eq!(stats.after, Counts { chars: 8, words: 2, lines: 1 });
        assert!((stats.removed_share() - 11.0 / 19.0).abs() < 1e-9);
        assert_eq!(Stats::new("", "", 0).removed_share(), 0.0);
    }
}
