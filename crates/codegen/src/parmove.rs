//! Sequentialising a parallel move (the loop's closing `Jump`, a call's arguments): moves
//! `dst <- src` that all read before any writes become an ordered list of single moves,
//! with cycles broken through one scratch location.

use std::fmt::Debug;

/// Orders `moves` (all destinations distinct) so that each source is read before it is
/// overwritten. Cycles go through `scratch`, which must not be a source or destination.
/// Moves whose source equals their destination are dropped.
pub fn sequence<L: Copy + PartialEq + Debug>(moves: &[(L, L)], scratch: L) -> Vec<(L, L)> {
    let mut pending: Vec<(L, L)> = moves.iter().copied().filter(|(d, s)| d != s).collect();
    let mut out = Vec::with_capacity(pending.len() + 1);
    while !pending.is_empty() {
        // a move whose destination no pending move still reads can go now
        if let Some(k) = pending.iter().position(|&(d, _)| !pending.iter().any(|&(_, s)| s == d)) {
            out.push(pending.remove(k));
            continue;
        }
        // only cycles are left: park one destination's value in scratch and read it from there
        let (d, _) = pending[0];
        out.push((scratch, d));
        for m in pending.iter_mut() {
            if m.1 == d {
                m.1 = scratch;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs the moves on an array of registers.
    fn run(moves: &[(usize, usize)], regs: &mut [i32]) {
        for &(d, s) in moves {
            regs[d] = regs[s];
        }
    }

    fn check(moves: &[(usize, usize)]) {
        let init: Vec<i32> = (0..10).map(|x| x * 10).collect();
        let mut want = init.clone();
        for &(d, s) in moves {
            want[d] = init[s];
        }
        let mut regs = init.clone();
        let seq = sequence(moves, 9);
        run(&seq, &mut regs);
        assert_eq!(&regs[..9], &want[..9], "{moves:?} -> {seq:?}");
    }

    #[test]
    fn chains_cycles_and_fanout() {
        check(&[(1, 0), (2, 1), (3, 2)]);
        check(&[(0, 1), (1, 0)]);
        check(&[(0, 1), (1, 2), (2, 0)]);
        check(&[(0, 1), (1, 0), (2, 3), (3, 2), (4, 4)]);
        check(&[(1, 0), (2, 0), (3, 0)]);
        check(&[(0, 1), (1, 2), (2, 0), (3, 0), (4, 1)]);
        assert!(sequence(&[(1usize, 1usize)], 9).is_empty());
    }
}
