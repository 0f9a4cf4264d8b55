use super::*;

fn pct(n: u16) -> PctLit {
    Spanned::new(Some(Pct(n)), Span::default())
}

#[test]
fn wfh_arrangements_become_wfo_intervals() {
    let cases = [
        (Mode::Wfo, Amount::Exact(pct(5000)), (5000, 5000)),
        (Mode::Wfh, Amount::Exact(pct(10000)), (0, 0)),
        (Mode::Wfo, Amount::AtMost(pct(2500)), (0, 2500)),
        (Mode::Wfo, Amount::AtLeast(pct(5000)), (5000, 10000)),
        (Mode::Wfh, Amount::AtLeast(pct(5000)), (0, 5000)),
        (Mode::Wfo, Amount::Range(pct(2500), pct(5000)), (2500, 5000)),
        (Mode::Wfh, Amount::Range(pct(2500), pct(5000)), (5000, 7500)),
    ];
    for (mode, amount, (min, max)) in cases {
        let iv = Arrangement { mode, amount }.wfo_interval().unwrap();
        assert_eq!((iv.min.0, iv.max.0), (min, max));
    }
}

#[test]
fn percentages_print_with_their_decimals() {
    assert_eq!(Pct(3333).to_string(), "33.33%");
    assert_eq!(Pct(2550).to_string(), "25.5%");
    assert_eq!(Pct(10000).to_string(), "100%");
    assert_eq!(Pct(5).to_string(), "0.05%");
}
