//! Tests of the calendar: the shipped national list against its decrees, working weeks,
//! counting working days, declared holidays and the file format.

use super::file::{NATIONAL, parse};
use super::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// The holiday of `kind` on a date, by name.
fn named(c: &Calendar, date: NaiveDate, kind: Kind) -> Vec<String> {
    c.holidays_on(date)
        .into_iter()
        .filter(|h| h.kind == kind)
        .map(|h| h.name.clone())
        .collect()
}

#[test]
fn the_shipped_file_parses() {
    let parsed = parse(NATIONAL);
    assert_eq!(parsed.errors, Vec::new());
    assert!(parsed.holidays.len() > 150, "{}", parsed.holidays.len());
}

#[test]
fn every_year_from_2020_to_2026_cites_its_decree_and_sources() {
    let c = Calendar::national();
    assert_eq!(c.years(), (2020..=2026).collect::<Vec<_>>());
    for year in 2020..=2026 {
        let info = c.year_info(year).unwrap();
        assert_eq!(info.decree.len(), 1, "{year}");
        assert!(info.decree[0].starts_with("SKB Menteri Agama"), "{year}");
        assert!(info.decree[0].contains(&format!("Tahun {year}")), "{year}");
        assert!(!info.sources.is_empty(), "{year}");
        assert!(!c.holidays(year).is_empty(), "{year}");
    }
    assert!(!c.covers(2019) && !c.covers(2027));
    assert!(Calendar::none().years().is_empty() && !Calendar::none().covers(2024));
}

#[test]
fn the_amendments_are_recorded() {
    let c = Calendar::national();
    let count = |y| c.year_info(y).unwrap().amendments.len();
    assert_eq!(
        [2020, 2021, 2022, 2023, 2024, 2025, 2026].map(count),
        [4, 2, 1, 2, 0, 1, 0]
    );
}

#[test]
fn fixed_national_days() {
    let c = Calendar::national();
    for year in 2020..=2026 {
        let kemerdekaan = named(&c, d(year, 8, 17), Kind::Libur);
        assert!(
            kemerdekaan == ["Hari Kemerdekaan Republik Indonesia"]
                || kemerdekaan == ["Proklamasi Kemerdekaan"],
            "{year}: {kemerdekaan:?}"
        );
        assert_eq!(
            named(&c, d(year, 1, 1), Kind::Libur),
            [format!("Tahun Baru {year} Masehi")]
        );
        let natal = named(&c, d(year, 12, 25), Kind::Libur);
        assert!(
            natal == ["Hari Raya Natal"] || natal == ["Kelahiran Yesus Kristus"],
            "{year}: {natal:?}"
        );
        assert_eq!(
            named(&c, d(year, 6, 1), Kind::Libur),
            ["Hari Lahir Pancasila"]
        );
        assert_eq!(
            named(&c, d(year, 5, 1), Kind::Libur),
            ["Hari Buruh Internasional"]
        );
    }
}

#[test]
fn lebaran_2024() {
    let c = Calendar::national();
    for day in [10, 11] {
        assert_eq!(
            named(&c, d(2024, 4, day), Kind::Libur),
            ["Hari Raya Idul Fitri 1445 Hijriah"]
        );
    }
    for day in [8, 9, 12, 15] {
        assert_eq!(
            named(&c, d(2024, 4, day), Kind::Cuti),
            ["Hari Raya Idul Fitri 1445 Hijriah"],
            "{day}"
        );
    }
    // The weekend between is a day off for its weekday; the Tuesday after is a working day.
    assert_eq!(
        c.day_off(d(2024, 4, 13)),
        Some(Reason::Weekday(Weekday::Sat))
    );
    assert!(c.is_working_day(d(2024, 4, 16)));
    assert!(c.is_working_day(d(2024, 4, 5)));
    // Monday 8 to Friday 19 April: ten weekdays, six of them off.
    assert_eq!(c.working_days(d(2024, 4, 8), d(2024, 4, 19)), 4);
}

#[test]
fn kenaikan_2026_as_in_the_contract() {
    let c = Calendar::national();
    let reason = c.day_off(d(2026, 5, 14)).unwrap();
    assert_eq!(reason.to_string(), "Kenaikan Yesus Kristus");
    assert_eq!(reason.holiday().unwrap().kind, Kind::Libur);
    let cuti = c.day_off(d(2026, 5, 15)).unwrap();
    assert_eq!(cuti.to_string(), "cuti bersama Kenaikan Yesus Kristus");
    // Monday 11 to Sunday 17 May 2026: Thursday and Friday are off.
    assert_eq!(c.working_days(d(2026, 5, 11), d(2026, 5, 17)), 3);
}

#[test]
fn dates_the_amendments_moved() {
    let c = Calendar::national();
    // 2020: the cuti bersama of Idul Fitri went to December, then three of those days went.
    assert!(c.is_working_day(d(2020, 5, 22)));
    assert!(c.is_working_day(d(2020, 5, 26)));
    for day in [28, 29, 30] {
        assert!(c.is_working_day(d(2020, 12, day)), "{day}");
    }
    assert_eq!(
        c.day_off(d(2020, 12, 31)).unwrap().to_string(),
        "Pengganti Cuti Bersama Hari Raya Idul Fitri 1441 Hijriah"
    );
    assert_eq!(
        c.day_off(d(2020, 12, 9)).unwrap().holiday().unwrap().kind,
        Kind::Libur
    );
    // 2021: Tahun Baru Islam and Maulid Nabi moved a day later, cuti bersama cut.
    assert!(c.is_working_day(d(2021, 8, 10)));
    assert_eq!(
        named(&c, d(2021, 8, 11), Kind::Libur),
        ["Tahun Baru Islam 1443 Hijriah"]
    );
    assert!(c.is_working_day(d(2021, 10, 19)));
    assert!(!c.is_working_day(d(2021, 10, 20)));
    for date in [
        d(2021, 3, 12),
        d(2021, 5, 17),
        d(2021, 12, 24),
        d(2021, 12, 27),
    ] {
        assert!(c.is_working_day(date), "{date}");
    }
    assert!(!c.is_working_day(d(2021, 5, 12)));
    // 2022: the cuti bersama of Lebaran, none at Christmas.
    assert!(!c.is_working_day(d(2022, 4, 29)));
    assert!(c.is_working_day(d(2022, 12, 26)));
    // 2023: the Lebaran cuti bersama moved earlier; Idul Adha got two.
    assert!(!c.is_working_day(d(2023, 4, 19)));
    assert!(c.is_working_day(d(2023, 4, 26)));
    assert!(!c.is_working_day(d(2023, 6, 28)) && !c.is_working_day(d(2023, 6, 30)));
    // 2025: 18 August added.
    assert_eq!(
        c.day_off(d(2025, 8, 18)).unwrap().holiday().unwrap().kind,
        Kind::Cuti
    );
}

#[test]
fn days_per_kind_match_the_decrees() {
    // Days of libur nasional and of cuti bersama each year, as the reports count them after
    // every amendment (election days of a Keppres included).
    let c = Calendar::national();
    let days = |year, kind| -> u32 {
        c.holidays(year)
            .iter()
            .filter(|h| h.kind == kind)
            .map(Holiday::days)
            .sum()
    };
    let expected = [
        (2020, 16 + 1, 5),
        (2021, 16, 1),
        (2022, 16, 4),
        (2023, 16, 11),
        (2024, 17 + 2, 10),
        (2025, 17, 11),
        (2026, 17, 8),
    ];
    for (year, libur, cuti) in expected {
        assert_eq!(
            (days(year, Kind::Libur), days(year, Kind::Cuti)),
            (libur, cuti),
            "{year}"
        );
    }
}

#[test]
fn no_day_has_two_names_unless_the_decree_says_so() {
    // 13 May 2021 is Kenaikan Isa Almasih and the first day of Idul Fitri 1442 Hijriah.
    let shared = [d(2021, 5, 13)];
    let parsed = parse(NATIONAL);
    let mut days: Vec<(NaiveDate, Kind, &str)> = Vec::new();
    for h in &parsed.holidays {
        let mut day = h.from;
        while day <= h.to {
            days.push((day, h.kind, &h.name));
            day = day.succ_opt().unwrap();
        }
    }
    days.sort();
    for pair in days.windows(2) {
        let ((a, ka, na), (b, kb, nb)) = (pair[0], pair[1]);
        if a == b {
            assert!(
                shared.contains(&a) && (ka, na) != (kb, nb),
                "{a} is listed twice: {ka} {na}, {kb} {nb}"
            );
        }
    }
    // A libur and a cuti bersama never share a day.
    for pair in days.windows(2) {
        if pair[0].0 == pair[1].0 {
            assert_eq!(pair[0].1, pair[1].1, "{}", pair[0].0);
        }
    }
}

#[test]
fn the_file_lists_each_year_in_date_order() {
    let parsed = parse(NATIONAL);
    for pair in parsed.holidays.windows(2) {
        assert!(
            pair[0].from <= pair[1].from,
            "{} after {}",
            pair[1].from,
            pair[0].from
        );
    }
}

#[test]
fn weekends_and_the_working_week() {
    let c = Calendar::national();
    let saturday = d(2024, 4, 20);
    let sunday = d(2024, 4, 21);
    assert_eq!(c.day_off(saturday), Some(Reason::Weekday(Weekday::Sat)));
    assert_eq!(c.day_off(saturday).unwrap().to_string(), "Saturday");
    assert_eq!(c.day_off(sunday).unwrap().to_string(), "Sunday");
    assert!(c.is_working_day(d(2024, 4, 19)));

    let six = c
        .clone()
        .with_workweek(Workweek::new(Weekday::Mon, Weekday::Sat));
    assert!(six.is_working_day(saturday));
    assert_eq!(six.day_off(sunday), Some(Reason::Weekday(Weekday::Sun)));
    // A holiday on a Saturday is still off.
    assert!(!six.is_working_day(d(2024, 2, 10)));
    // Monday 15 to Sunday 21 April 2024: the Monday is cuti bersama.
    assert_eq!(c.working_days(d(2024, 4, 15), sunday), 4);
    assert_eq!(six.working_days(d(2024, 4, 15), sunday), 5);
    // A holiday on a weekend is the reason given for it.
    assert_eq!(
        c.day_off(d(2024, 2, 10)).unwrap().to_string(),
        "Tahun Baru Imlek 2575 Kongzili"
    );
}

#[test]
fn workweeks() {
    let default = Workweek::default();
    assert_eq!(default.to_string(), "Monday to Friday");
    assert_eq!(default.day_count(), 5);
    assert!(default.contains(Weekday::Fri) && !default.contains(Weekday::Sat));
    let wrap = Workweek::new(Weekday::Sun, Weekday::Thu);
    assert_eq!(wrap.day_count(), 5);
    assert!(wrap.contains(Weekday::Sun) && wrap.contains(Weekday::Thu));
    assert!(!wrap.contains(Weekday::Fri) && !wrap.contains(Weekday::Sat));
    assert_eq!(
        wrap.days().collect::<Vec<_>>(),
        [
            Weekday::Sun,
            Weekday::Mon,
            Weekday::Tue,
            Weekday::Wed,
            Weekday::Thu
        ]
    );
    let one = Workweek::new(Weekday::Wed, Weekday::Wed);
    assert_eq!(
        (one.day_count(), one.to_string()),
        (1, "Wednesday".to_string())
    );
    assert_eq!(Workweek::new(Weekday::Tue, Weekday::Mon).day_count(), 7);
    assert_eq!(parse_weekday("saturday"), Some(Weekday::Sat));
    assert_eq!(parse_weekday("Monday"), Some(Weekday::Mon));
    assert_eq!(parse_weekday("sabtu"), Some(Weekday::Sat));
    assert_eq!(
        parse_weekday_in("Jumat"),
        Some((Weekday::Fri, crate::Lang::Id))
    );
    assert_eq!(parse_weekday("ahad"), None);
}

#[test]
fn working_days_edges() {
    let c = Calendar::national();
    let wednesday = d(2024, 4, 17);
    assert_eq!(c.working_days(wednesday, wednesday), 1);
    assert_eq!(c.working_days(d(2024, 4, 10), d(2024, 4, 10)), 0);
    assert_eq!(c.working_days(wednesday, d(2024, 4, 16)), 0);
    // A whole year: 262 weekdays in 2024, less the holidays on weekdays.
    let off_weekdays = (0..366)
        .map(|i| d(2024, 1, 1) + chrono::Days::new(i))
        .filter(|&x| x.weekday().num_days_from_monday() < 5 && !c.is_working_day(x))
        .count() as u32;
    assert_eq!(
        c.working_days(d(2024, 1, 1), d(2024, 12, 31)),
        262 - off_weekdays
    );
    let brute = |cal: &Calendar, a: NaiveDate, b: NaiveDate| {
        let mut n = 0;
        let mut x = a;
        while x <= b {
            n += u32::from(cal.is_working_day(x));
            x = x.succ_opt().unwrap();
        }
        n
    };
    let mut local = c
        .clone()
        .with_workweek(Workweek::new(Weekday::Sun, Weekday::Thu));
    local.add(d(2024, 4, 9), d(2024, 4, 23), "Libur daerah");
    for (a, b) in [
        (d(2024, 1, 1), d(2024, 12, 31)),
        (d(2023, 12, 20), d(2024, 1, 10)),
        (d(2024, 4, 1), d(2024, 4, 30)),
        (d(2024, 4, 12), d(2024, 4, 14)),
    ] {
        assert_eq!(c.working_days(a, b), brute(&c, a, b), "{a} {b}");
        assert_eq!(local.working_days(a, b), brute(&local, a, b), "{a} {b}");
    }
}

#[test]
fn declared_holidays_and_calendar_none() {
    let mut none = Calendar::none();
    assert!(!none.uses_national());
    // Idul Fitri 1445 is a Wednesday like any other without the national calendar.
    assert!(none.is_working_day(d(2024, 4, 10)));
    assert_eq!(
        none.day_off(d(2024, 4, 13)),
        Some(Reason::Weekday(Weekday::Sat))
    );
    none.add(d(2024, 4, 12), d(2024, 4, 10), "Libur Lebaran kantor");
    let reason = none.day_off(d(2024, 4, 11)).unwrap();
    assert_eq!(reason.to_string(), "Libur Lebaran kantor");
    assert_eq!(reason.holiday().unwrap().kind, Kind::Declared);
    assert_eq!(reason.holiday().unwrap().from, d(2024, 4, 10));
    assert_eq!(none.working_days(d(2024, 4, 8), d(2024, 4, 12)), 2);
    assert_eq!(none.holidays(2024).len(), 1);
    assert!(none.holidays(2025).is_empty());

    // Declared on top of the national calendar: both are listed, the national one first,
    // and a shared day is off once.
    let mut c = Calendar::national();
    c.add(d(2024, 4, 15), d(2024, 4, 16), "Hari Jadi Kota");
    let names: Vec<_> = c
        .holidays_on(d(2024, 4, 15))
        .iter()
        .map(|h| h.kind)
        .collect();
    assert_eq!(names, [Kind::Cuti, Kind::Declared]);
    assert_eq!(
        c.day_off(d(2024, 4, 15)).unwrap().holiday().unwrap().kind,
        Kind::Cuti
    );
    assert_eq!(c.working_days(d(2024, 4, 15), d(2024, 4, 19)), 3);
    let year = c.holidays(2024);
    assert!(
        year.windows(2)
            .all(|w| (w[0].from, w[0].kind) <= (w[1].from, w[1].kind))
    );
    assert_eq!(year.iter().filter(|h| h.kind == Kind::Declared).count(), 1);
    // The national calendar itself is unchanged.
    assert_eq!(Calendar::national().holidays_on(d(2024, 4, 16)).len(), 0);
}

#[test]
fn the_national_list_is_shared() {
    let (a, b) = (Calendar::national(), Calendar::national());
    assert!(std::ptr::eq(a.national.unwrap(), b.national.unwrap()));
}

#[test]
fn holidays_of_a_year_are_sorted_and_complete() {
    let c = Calendar::national();
    let h = c.holidays(2024);
    assert!(h.windows(2).all(|w| w[0].from <= w[1].from));
    assert_eq!(h.first().unwrap().name, "Tahun Baru 2024 Masehi");
    assert_eq!(h.last().unwrap().from, d(2024, 12, 26));
    assert!(c.holidays(2019).is_empty());
}

#[test]
fn a_malformed_file_gives_what_parses() {
    let text = "\
2024-01-01 libur before any year
year 2024
decree SKB test
source a report
2024-01-01 libur Tahun Baru 2024 Masehi
2024-13-01 libur Bulan Ketiga Belas
2024-02-01 holiday Salah Jenis
2024-03-01 libur
2025-01-01 libur Tahun Lain
2024-05-02 to 2024-05-01 libur Terbalik
2024-06-01 to 2024-06-02 cuti Dua Hari
bogus line
year 2023
year 2024
year twenty
";
    let parsed = parse(text);
    assert_eq!(
        parsed
            .holidays
            .iter()
            .map(|h| (h.name.as_str(), h.days()))
            .collect::<Vec<_>>(),
        [("Tahun Baru 2024 Masehi", 1), ("Dua Hari", 2)]
    );
    let lines: Vec<usize> = parsed.errors.iter().map(|e| e.line).collect();
    assert_eq!(lines, [1, 6, 7, 8, 9, 10, 12, 14, 15, 0, 0]);
    assert!(parsed.errors[1].message.contains("`2024-13-01`"));
    assert!(parsed.errors[2].message.contains("`libur` or `cuti`"));
    assert!(
        parsed.errors[9]
            .message
            .contains("year 2023 has no `decree`")
    );
    assert_eq!(
        parsed.years.iter().map(|y| y.year).collect::<Vec<_>>(),
        [2023, 2024]
    );
}

#[test]
fn a_holiday_lists_each_of_its_days() {
    let c = Calendar::national();
    let idul_fitri = c
        .holidays(2026)
        .into_iter()
        .find(|h| h.from == d(2026, 3, 21))
        .unwrap();
    let days: Vec<NaiveDate> = idul_fitri.dates().collect();
    assert_eq!(days, [d(2026, 3, 21), d(2026, 3, 22)]);
    assert_eq!(days.len() as u32, idul_fitri.days());
    assert_eq!(with_weekday(d(2026, 3, 20)), "Friday 2026-03-20");
    let one = c.holidays(2026).into_iter().next().unwrap();
    assert_eq!(one.dates().collect::<Vec<_>>(), [d(2026, 1, 1)]);
}
