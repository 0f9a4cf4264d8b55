# Answers, explanations and test outcomes of the interpreter (src/eval): English. Every message
# here is in locales/id/eval.ftl too, with the same variables (src/msg/tests.rs).

# Answers ($status: `exempt` or `baseline`)
condition-always = always
summary-day-off = day off
summary-day-off-because = day off ({ $reason })
summary-conflict = conflict
summary-status = { $status ->
        [exempt] exempt
       *[baseline] baseline
    }, WFO { $wfo }
note-government-unscoped = no circular names this government in its scope

# The steps of a combination ($rules: rules as `rule-of` names them; $level: `national`,
# `provincial` or `local`)
rule-of = `{ $rule }` of { $circular }
rules-named = { $n ->
        [one] rule
       *[other] rules
    } { $rules }
lex-superior-agree = lex superior: the { $level } result (WFO { $lower }) holds within the higher norm (WFO { $higher }): together WFO { $both }
lex-superior-prevails = lex superior: the { $level } { $n ->
        [one] rule
       *[other] rules
    } { $rules } (WFO { $lower }) { $n ->
        [one] contradicts
       *[other] contradict
    } the higher norm (WFO { $higher }), which prevails
agreement = { $circular } agrees with the earlier circulars of its level (WFO { $next } and WFO { $current }): together WFO { $both }
lex-posterior = lex posterior: { $later } (signed { $signed }) prevails over the earlier { $rules } (WFO { $current })
antinomy-note = antinomy: { $earlier } (WFO { $current }) and { $later } (WFO { $next }) contradict each other; { $why ->
        [same-day] signed the same day, so lex posterior cannot decide
       *[special] the earlier is the more special, so lex specialis and lex posterior disagree
    }
conflict-note = conflict: the rules { $rules } require disjoint shares
place-anywhere = place: the others may work from anywhere ({ $rules })
place-home-within = place: the others work from home ({ $home }), within the "from anywhere" of { $anywhere }: home is within anywhere
place-full = place: WFO 100% leaves nobody out of the office, so the "from anywhere" of { $anywhere } does not arise

# Names no circular uses ($noun: `government`, `unit`, `function`, `place`, `condition`, `trait`)
note-named = { $noun } `{ $value }`
note-unnamed = no circular names { $value }: it is answered like any other
note-unnamed-many = no circular names { $values }: they are answered like any other
note-unnamed-did-you-mean = no circular names { $noun } `{ $value }`: did you mean `{ $meant }`?

# Why no rule decides ($on: a date; $circulars: quoted numbers)
why-exempts = { $circulars } exempts this subject on { $on }
why-none-in-force = no circular is in force on { $on }
why-none-in-force-revoked = no circular is in force on { $on } (`{ $circular }` was revoked by `{ $by }`)
why-unscoped = no circular names government `{ $gov }` in its scope
why-unscoped-did-you-mean = no circular names government `{ $gov }` in its scope: did you mean `{ $meant }`?
why-not-bound = no circular in force on { $on } binds government `{ $gov }` (in force: { $circulars })
why-this-not-bound = no circular in force on { $on } binds this government (in force: { $circulars })
why-no-rule-covers = no rule of { $circulars } covers this subject on { $on }

# Outcomes of `test` blocks ($expected, $actual: what was expected and what came)
test-expected-got = expected { $expected }, got { $actual }
test-expected-but = expected { $expected }, but { $actual }
test-conflicts-in-expect = `{ $conflicts }` cannot be used in `{ $expect }`
test-date-invalid = no answer: the date is invalid
test-date-missing = no answer: the date is missing or invalid
test-in-force-kind = { $list } (an `in force` question is answered with a list of circulars)
test-answer-on = { $answer } on { $days }
test-no-rule-applies = { $got }: no rule applies ({ $why })
test-no-priority = no priority
test-priority = priority { $rank }
test-the-date = the date
# $what: `date` or `dimension`
test-depends-on = the answer depends on { $on }: { $parts }; give the { $what ->
        [date] date
       *[dimension] dimension
    } in the expectation or in `given`
test-wfo-kind = { $answer } (a `wfo` question is answered with a share or a status)
test-priority-kind = { $answer } (a `wfh priority` question is answered with a rank or `none`)
test-invalid-share = an invalid share
test-share = WFO { $wfo }
test-day-off = day-off

# Questions too broad to answer
query-too-broad = the question leaves too much open ({ $n } combinations): give { $dims }, or a shorter period
query-too-many-flags = the answer depends on { $n } conditions and traits the question leaves open, more than the { $max } edaran splits an answer on: say some of them in the question ({ $flags }{ $more ->
        [0] {""}
       *[other] , and { $more } more
    })

# Names of a question with invisible characters ($what: `unit`, `government`, `function`,
# `domicile`, `office`, `condition`, `trait`; $a: `a` or `an`; $named: the character's name)
note-invisible-read-as = the { $what } `{ $value }` of the question holds { $a } { $named }{ $more ->
        [0] {""}
        [1] {" "}and 1 more invisible character
       *[other] {" "}and { $more } more invisible characters
    }: it is read as `{ $read }`
note-invisible-matches-only = the { $what } `{ $value }` of the question holds { $a } { $named }{ $more ->
        [0] {""}
        [1] {" "}and 1 more invisible character
       *[other] {" "}and { $more } more invisible characters
    }: it matches only a name written with the same character

# Years the national calendar does not hold
note-calendar-year = the national calendar shipped with edaran has no holidays for { $year }: only weekends and the workspace's own holidays are days off there
note-calendar-years = the national calendar shipped with edaran has no holidays for { $first } to { $last }: only weekends and the workspace's own holidays are days off there
