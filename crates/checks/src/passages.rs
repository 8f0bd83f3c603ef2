//! The document's text as the text rules read it: every heading and every
//! paragraph, in reading order, whitespace removed, with its pages and the
//! headings it stands under.
use fiscal_recognize::text::compact;
use fiscal_recognize::Section;

/// One heading or paragraph.
pub(crate) struct Passage<'a> {
    /// The text without whitespace ("本年收入合计9746.50万元，…").
    pub text: String,
    /// The pages of the section it belongs to.
    pub pages: &'a [u32],
    pub is_heading: bool,
    /// The headings above it, outermost first, joined (for "in the 三公 part").
    pub context: String,
}

impl Passage<'_> {
    /// A short quotation of the text around byte range `start..end`, for a
    /// check's detail.
    pub fn quote(&self, start: usize, end: usize) -> String {
        quote(&self.text, start, end)
    }
}

/// Up to 12 characters either side of `start..end` in `text`, with ellipses.
pub(crate) fn quote(text: &str, start: usize, end: usize) -> String {
    const CONTEXT: usize = 12;
    let head: Vec<char> = text[..start].chars().collect();
    let tail: Vec<char> = text[end..].chars().collect();
    let before: String = head[head.len().saturating_sub(CONTEXT)..].iter().collect();
    let after: String = tail[..tail.len().min(CONTEXT)].iter().collect();
    format!(
        "“{}{before}{}{after}{}”",
        if head.len() > CONTEXT { "…" } else { "" },
        &text[start..end],
        if tail.len() > CONTEXT { "…" } else { "" }
    )
}

pub(crate) fn collect(sections: &[Section]) -> Vec<Passage<'_>> {
    let mut out = Vec::new();
    walk(sections, "", &mut out);
    out
}

fn walk<'a>(sections: &'a [Section], context: &str, out: &mut Vec<Passage<'a>>) {
    for s in sections {
        let heading = compact(&s.heading);
        if !heading.is_empty() {
            out.push(Passage {
                text: heading.clone(),
                pages: &s.pages[..s.pages.len().min(1)],
                is_heading: true,
                context: context.to_string(),
            });
        }
        let inner = format!("{context}{heading}/");
        for p in &s.paragraphs {
            out.push(Passage {
                text: compact(p),
                pages: &s.pages,
                is_heading: false,
                context: inner.clone(),
            });
        }
        walk(&s.children, &inner, out);
    }
}
