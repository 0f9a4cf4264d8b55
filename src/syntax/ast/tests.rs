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
        assert_eq!(
            iv.remote,
            Remote::Home,
            "`wfo` and `wfh` say the others are at home"
        );
    }
}

#[test]
fn wfa_amounts_are_the_share_not_at_the_office_from_anywhere() {
    let cases = [
        (Amount::AtMost(pct(5000)), (5000, 10000)),
        (Amount::AtLeast(pct(2500)), (0, 7500)),
        (Amount::Exact(pct(10000)), (0, 0)),
        (Amount::Range(pct(2500), pct(5000)), (5000, 7500)),
    ];
    for (amount, (min, max)) in cases {
        let wfa = Arrangement {
            mode: Mode::Wfa,
            amount: amount.clone(),
        };
        let iv = wfa.wfo_interval().unwrap();
        assert_eq!(
            (iv.min.0, iv.max.0, iv.remote),
            (min, max, Remote::Anywhere)
        );
        let wfh = Arrangement {
            mode: Mode::Wfh,
            amount,
        };
        assert!(iv.same_shares(wfh.wfo_interval().unwrap()));
        assert_ne!(Some(iv), wfh.wfo_interval());
    }
}

#[test]
fn nobody_out_of_the_office_is_at_home() {
    // `wfa 0%` leaves nobody out of the office: it means what `wfo 100%` means.
    let wfa = Arrangement {
        mode: Mode::Wfa,
        amount: Amount::Exact(pct(0)),
    };
    let wfo = Arrangement {
        mode: Mode::Wfo,
        amount: Amount::Exact(pct(10000)),
    };
    assert_eq!(wfa.wfo_interval(), wfo.wfo_interval());
    assert_eq!(
        Interval::new(Pct::FULL, Pct::FULL, Remote::Anywhere).remote,
        Remote::Home
    );
    // Some staff may be out of the office: the place stays.
    let iv = Interval::new(Pct(5000), Pct::FULL, Remote::Anywhere);
    assert_eq!(iv.remote, Remote::Anywhere);
    // An intersection that leaves 100% only is at home too.
    let at_least = Interval::new(Pct::FULL, Pct::FULL, Remote::Home);
    assert_eq!(iv.intersect(Interval::ANY), Some(iv));
    assert_eq!(
        Interval::new(Pct(5000), Pct::FULL, Remote::Anywhere).intersect(Interval::new(
            Pct::FULL,
            Pct::FULL,
            Remote::Anywhere
        )),
        Some(at_least)
    );
}

#[test]
fn places_intersect_like_shares_and_never_empty_an_interval() {
    let anywhere = Interval::new(Pct(5000), Pct::FULL, Remote::Anywhere);
    let home = Interval::new(Pct::ZERO, Pct(7500), Remote::Home);
    let both = Interval::new(Pct(5000), Pct(7500), Remote::Home);
    assert_eq!(anywhere.intersect(home), Some(both));
    assert_eq!(home.intersect(anywhere), Some(both));
    assert_eq!(anywhere.intersect(anywhere), Some(anywhere));
    // Disjoint shares stay disjoint whatever the places.
    let low = Interval::new(Pct::ZERO, Pct(2500), Remote::Anywhere);
    assert_eq!(anywhere.intersect(low), None);
    // `ANY` is the neutral element: every share, from anywhere.
    for iv in [anywhere, home, both, low] {
        assert_eq!(Interval::ANY.intersect(iv), Some(iv));
    }
}

#[test]
fn intervals_say_the_place_where_it_is_not_home() {
    let home = Interval::new(Pct(5000), Pct::FULL, Remote::Home);
    let anywhere = Interval::new(Pct(5000), Pct::FULL, Remote::Anywhere);
    assert_eq!(home.to_string(), "at least 50%");
    assert_eq!(
        anywhere.to_string(),
        "at least 50%, the others from anywhere"
    );
    assert_eq!(anywhere.shares().to_string(), "at least 50%");
    assert_eq!(
        home.with_place().to_string(),
        "at least 50%, the others from home"
    );
    assert_eq!(
        Interval::new(Pct(2500), Pct(5000), Remote::Home).to_string(),
        "25%..50%"
    );
}

#[test]
fn percentages_print_with_their_decimals() {
    assert_eq!(Pct(3333).to_string(), "33.33%");
    assert_eq!(Pct(2550).to_string(), "25.5%");
    assert_eq!(Pct(10000).to_string(), "100%");
    assert_eq!(Pct(5).to_string(), "0.05%");
}
