//! What a page dictionary says: its space (crop box, rotation), its content
//! (streams joined) and its resources, attributes inherited through the tree.
use lopdf::{Dictionary, Object};

use crate::matrix::Matrix;
use crate::objects::ObjectStore;

/// A page's content: its content streams decoded and joined, each followed by
/// a newline (a stream may end mid-line). `None` when a stream cannot be decoded.
pub fn page_content(store: &ObjectStore<'_>, page: &Dictionary) -> Option<Vec<u8>> {
    let mut content = Vec::new();
    let Some(contents) = page.get(b"Contents").ok().and_then(|c| store.once(c)) else {
        return Some(content);
    };
    let streams = match &*contents {
        Object::Array(a) => a.as_slice(),
        one => std::slice::from_ref(one),
    };
    for s in streams {
        let Some(held) = store.once(s) else { continue };
        let Object::Stream(stream) = &*held else {
            continue;
        };
        content.extend_from_slice(&store.stream_data(stream)?);
        content.push(b'\n');
    }
    Some(content)
}

/// Looks a page attribute up the page tree (`/Resources`, `/MediaBox`, … are inheritable).
pub fn inherited<'a>(
    store: &'a ObjectStore<'_>,
    page: &'a Dictionary,
    key: &[u8],
) -> Option<&'a Object> {
    let mut node = page;
    for _ in 0..64 {
        if node.has(key) {
            return store.get_in(node, key);
        }
        node = store.get_in(node, b"Parent")?.as_dict().ok()?;
    }
    None
}

fn rect(store: &ObjectStore<'_>, page: &Dictionary, key: &[u8]) -> Option<[f32; 4]> {
    let arr = inherited(store, page, key)?.as_array().ok()?;
    let v: Vec<f32> = arr
        .iter()
        .filter_map(|o| match store.resolve(o)? {
            Object::Integer(i) => Some(*i as f32),
            Object::Real(r) => Some(*r),
            _ => None,
        })
        .collect();
    (v.len() == 4 && v.iter().all(|x| x.is_finite())).then(|| {
        [
            v[0].min(v[2]),
            v[1].min(v[3]),
            v[0].max(v[2]),
            v[1].max(v[3]),
        ]
    })
}

/// The matrix from user space to page space (top-left origin, `y` down, rotation applied).
pub fn page_space(store: &ObjectStore<'_>, page: &Dictionary) -> (Matrix, f32, f32) {
    let b = rect(store, page, b"CropBox")
        .or_else(|| rect(store, page, b"MediaBox"))
        .unwrap_or([0.0, 0.0, 595.0, 842.0]);
    let [x0, y0, x1, y1] = b;
    let rotate = inherited(store, page, b"Rotate")
        .and_then(|o| o.as_i64().ok())
        .unwrap_or(0)
        .rem_euclid(360);
    let (w, h) = (x1 - x0, y1 - y0);
    match rotate {
        90 => (Matrix::new(0.0, 1.0, 1.0, 0.0, -y0, -x0), h, w),
        180 => (Matrix::new(-1.0, 0.0, 0.0, 1.0, x1, -y0), w, h),
        270 => (Matrix::new(0.0, -1.0, -1.0, 0.0, y1, x1), h, w),
        _ => (Matrix::new(1.0, 0.0, 0.0, -1.0, -x0, y1), w, h),
    }
}
