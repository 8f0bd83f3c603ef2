//! The boxes a report outlines, numbered: cells and list entries name a box
//! by its number, the script looks it up and draws it on its page.
use std::collections::BTreeSet;

use fiscal_extract::PageBox;
use serde_json::{json, Value};

#[derive(Default)]
pub struct Boxes {
    list: Vec<PageBox>,
    /// Pages the report must draw.
    pub pages: BTreeSet<u32>,
}

impl Boxes {
    /// The number of box `b`, registering it (and its page).
    pub fn id(&mut self, b: &PageBox) -> usize {
        self.pages.insert(b.page);
        self.list.push(*b);
        self.list.len() - 1
    }

    pub fn to_json(&self) -> Value {
        let r = |v: f32| (f64::from(v) * 100.0).round() / 100.0;
        Value::Array(
            self.list
                .iter()
                .map(|b| json!([b.page, r(b.x0), r(b.top), r(b.x1), r(b.bottom)]))
                .collect(),
        )
    }
}
