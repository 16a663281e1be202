//! Values with a fixed set of names on the command line (`--level info`, `--api-type http`). The
//! CLI lists and parses them through [`Choice`], so the model needs no CLI crate.

/// A closed set of named values.
pub trait Choice: Copy + Sized + 'static {
    /// Every value, in the order the CLI lists them.
    const ALL: &'static [Self];

    /// The value's name on the command line.
    fn name(self) -> &'static str;

    /// The value of this name (as the CLI spells it; upper or lower case alike).
    fn parse(text: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|value| value.name().eq_ignore_ascii_case(text))
    }
}
