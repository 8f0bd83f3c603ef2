//! Table titles, all in one place: whether a line reads as a title and what
//! it says ([`shape`]: number split off, wrapped, in a caption row, repeated on
//! a continuation page, a part heading naming the whole set), the lines
//! between a title and its grid ([`companions`]: unit line, table number, form
//! code) and the kind a title names ([`kind`]).
pub(crate) mod companions;
pub(crate) mod kind;
pub(crate) mod shape;
#[cfg(test)]
mod tests;
