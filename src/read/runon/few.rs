//! A list of at most three items held in place: a row's money columns, which a `Vec` would
//! put on the heap once per row.

use core::ops::{Deref, DerefMut};

/// Up to [`Few::CAP`] items, in an array with its length.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Few<T: Copy + Default> {
    items: [T; 3],
    len: usize,
}

impl<T: Copy + Default> Few<T> {
    /// The most items a list holds: a row has three money columns.
    pub(crate) const CAP: usize = 3;

    /// Adds an item at the end; `false`, and nothing added, where the list is full.
    pub(crate) fn push(&mut self, item: T) -> bool {
        match self.items.get_mut(self.len) {
            Some(slot) => {
                *slot = item;
                self.len += 1;
                true
            }
            None => false,
        }
    }
}

impl<T: Copy + Default> Deref for Few<T> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        self.items.get(..self.len).unwrap_or_default()
    }
}

impl<T: Copy + Default> DerefMut for Few<T> {
    fn deref_mut(&mut self) -> &mut [T] {
        self.items.get_mut(..self.len).unwrap_or_default()
    }
}

impl<T: Copy + Default> FromIterator<T> for Few<T> {
    /// The first [`CAP`](Few::CAP) items: callers collect no more than that (the columns of
    /// a row zipped with its three places).
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        let mut few = Few::default();
        for item in iter.into_iter().take(Self::CAP) {
            few.push(item);
        }
        few
    }
}

impl<T: Copy + Default + PartialEq, const N: usize> PartialEq<[T; N]> for Few<T> {
    fn eq(&self, other: &[T; N]) -> bool {
        **self == other[..]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_few_holds_three_and_answers_as_a_slice() {
        let mut few: Few<u8> = [1, 2].into_iter().collect();
        assert_eq!(&*few, &[1, 2]);
        assert!(few.push(3));
        assert!(!few.push(4));
        assert_eq!(few, [1, 2, 3]);
        for x in few.iter_mut() {
            *x += 1;
        }
        assert_eq!(few, [2, 3, 4]);
        let four: Few<u8> = (0..4).collect();
        assert_eq!(four.len(), Few::<u8>::CAP);
        assert!(Few::<u8>::default().is_empty());
    }
}
