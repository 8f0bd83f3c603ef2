//! Writing HTML: every text taken from a PDF goes through [`esc`], so that
//! markup in a cell or a title shows as text.
use std::fmt::Write;

/// `s` with `& < > " '` as character references: safe in text and in
/// quoted attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// JSON to embed in a `<script type="application/json">`: `<`, `>` and `&`
/// escaped, so no text in it can close the element.
pub fn embedded_json(v: &serde_json::Value) -> String {
    let mut out = String::new();
    for c in v.to_string().chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// An HTML document being written.
#[derive(Default)]
pub struct Html(pub String);

impl Html {
    /// Raw markup of ours.
    pub fn raw(&mut self, s: &str) -> &mut Self {
        self.0.push_str(s);
        self
    }

    /// An element holding escaped text: `<tag attrs>text</tag>` (`attrs` are ours).
    pub fn el(&mut self, tag: &str, attrs: &str, text: &str) -> &mut Self {
        let sep = if attrs.is_empty() { "" } else { " " };
        let _ = write!(self.0, "<{tag}{sep}{attrs}>{}</{tag}>", esc(text));
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_from_a_pdf_is_text() {
        assert_eq!(
            esc("<img src=x onerror=\"alert('1')\">&"),
            "&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;"
        );
        let v = serde_json::json!({"t": "</script><script>alert(1)</script>"});
        let s = embedded_json(&v);
        assert!(!s.contains('<') && !s.contains('>'), "{s}");
        assert_eq!(serde_json::from_str::<serde_json::Value>(&s).unwrap(), v);
    }
}
