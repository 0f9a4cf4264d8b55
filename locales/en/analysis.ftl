# Diagnostics of the analysis (src/analysis): English. Every message here is in
# locales/id/analysis.ftl too, with the same variables (src/msg/tests.rs).

# Witnesses: one subject and the days on which a finding holds. $point is such a witness.
witness-on = on { $day }
witness-weekly-onwards = on { $weekdays } from { $from } onwards
witness-weekly-between = on { $weekdays } from { $from } to { $to }
witness-onwards = from { $from } onwards
witness-between = from { $from } to { $to }
and-more = { $names } and { $more } more

# Rules and what they require. $names is a list of quoted rule names; $n their number.
rules-require = { $n ->
        [one] rule
       *[other] rules
    } { $names } { $n ->
        [one] requires
       *[other] require
    }
rules-of-require = { $n ->
        [one] rule
       *[other] rules
    } { $names } of `{ $circular }` { $n ->
        [one] requires
       *[other] require
    }
rules-contradict = { $n ->
        [one] rule
       *[other] rules
    } { $names } { $n ->
        [one] contradicts
       *[other] contradict
    }
requires-wfo = { $who } WFO { $wfo }
rule-requires = `{ $rule }` requires WFO { $wfo }
rule-wfo = `{ $rule }` WFO { $wfo }

# Lex specialis, and keeping two rules apart ($overrides, $except, $during: the file's keywords).
specialis-narrower = if `{ $special }` (the narrower rule) is the exception, add `{ $overrides } { $general }` to it (lex specialis)
specialis-either = say which rule prevails where they meet: add `{ $overrides } { $x }` to `{ $y }`, or `{ $overrides } { $y }` to `{ $x }` (lex specialis)
apart = keep them apart with `{ $except }`
apart-during = keep them apart with `{ $except }`, or by moving a `{ $during }` period

# conflict
conflict = rules `{ $x }` and `{ $y }` clash where both apply: WFO { $kx } against WFO { $ky }
conflict-help = { $specialis }; or { $apart }
conflict-witness = { $point }: `{ $x }` requires WFO { $kx }, `{ $y }` WFO { $ky }
conflict-group = { $n } rules clash where they all apply: { $names }; { $pairs } pairs of them require shares that cannot both hold
conflict-group-help = where they meet, only one share can hold: if one rule is the exception, add `{ $overrides }` naming the others to it (lex specialis); or keep them apart with `{ $except }`
conflict-group-witness = { $point }: { $shares }, and so on for { $more } more rules
conflict-star = rule `{ $x }` clashes with { $n } other rules, each where both apply: { $names }
conflict-star-help = if the others are exceptions to `{ $x }`, add `{ $overrides } { $x }` to each (lex specialis); or keep them apart with `{ $except }`

# overlap ($px, $py: `home` or `anywhere`)
overlap = where rules `{ $x }` and `{ $y }` both apply, their shares combine to WFO { $both }
overlap-places = where rules `{ $x }` and `{ $y }` both apply, `{ $x }` says the others work from { $px ->
        [anywhere] anywhere
       *[home] home
    } and `{ $y }` from { $py ->
        [anywhere] anywhere
       *[home] home
    }: together WFO { $both }
overlap-help = { $specialis }; or { $apart }; if WFO { $both } is meant, say it in one rule
overlap-witness = { $point }: `{ $x }` requires WFO { $kx }, `{ $y }` WFO { $ky }, together WFO { $both }

# Circulars that clash: antinomy, implicit-revocation, violates-higher-norm
clash-witness = { $point }: `{ $x }` requires WFO { $kx }, `{ $y }` WFO { $ky }
antinomy-same-day = circular `{ $late }` clashes with `{ $early }`, signed the same day
antinomy-same-day-help = both were signed on { $signed }, so lex posterior cannot decide: add `{ $revokes } "{ $early }"` to `{ $late }` (or the reverse), or narrow one so that they do not meet
antinomy-special = circular `{ $late }` clashes with the earlier but more special `{ $early }`
antinomy-special-help = lex posterior favours `{ $late }`, lex specialis `{ $early }`: if `{ $late }` replaces `{ $early }`, add `{ $revokes } "{ $early }"` to it; if the special case is to stay, leave it out of `{ $late }` with `{ $except }`
implicit-revocation = circular `{ $late }` contradicts the earlier `{ $early }` without revoking it
implicit-revocation-label = signed later, on { $signed }: it prevails (lex posterior)
implicit-revocation-help = if `{ $late }` replaces the earlier circular, add `{ $revokes } "{ $early }"` to it
implicit-revocation-help-later = if `{ $late }` replaces the earlier circular, add `{ $revokes } "{ $early }"` to it; or start it after { $end }, when `{ $early }` ends
# $level: `national`, `provincial` or `local`
violates-higher-norm = { $who } the { $level } circular `{ $high }`: WFO { $low_wfo } against WFO { $high_wfo }
violates-higher-norm-high = the higher norm: { $who } WFO { $wfo }
violates-higher-norm-help = lex superior: where they meet, the { $level } circular prevails and this share does not hold; change it to fit WFO { $wfo }, or narrow the rule with `{ $except }` or `{ $during }`

# dead-rule ($whole: `yes` when said of a whole circular that never applies)
dead-circular = circular `{ $circular }` never applies, so none of its rules decides: { $why }
dead-circular-label = never applies
dead-rule-never-applies = rule `{ $rule }` never applies: { $why }
dead-rule-nobody = applies to nobody
dead-rule-overridden = rule `{ $rule }` never decides: { $by } { $n ->
        [one] overrides
       *[other] override
    } it wherever it applies
dead-rule-overridden-label = always overridden
dead-rule-overridden-help = remove it, or narrow the rules that override it
dead-rule-wrong-way-help = `{ $by }` covers more staff than `{ $rule }`, so `{ $overrides }` is probably the wrong way round: remove `{ $overrides } { $rule }` from `{ $by }` and add `{ $overrides } { $by }` to `{ $rule }`
never-otherwise = the other rules cover every subject
never-otherwise-help = remove it, or narrow the other rules
never-revoked = `{ $by }` revokes { $whole ->
        [yes] it
       *[no] its circular
    } from { $from }, before the circular starts
never-revoked-help = check the dates of the two circulars, or remove the revoked one
never-exempt = { $whole ->
        [yes] its
       *[no] its circular's
    } `{ $exempt }` clauses cover everyone the circular binds
never-exempt-help = narrow the `{ $exempt }` clauses
never-selector = no subject matches its selector
never-selector-help = correct its selector: a subject has one value of each dimension
never-except = its `{ $except }` removes every subject its selector matches
never-except-help = remove the rule, or correct its `{ $except }`
never-scope = it matches only governments outside the circular's scope
never-scope-help = correct its `{ $gov }`, or the circular's `{ $scope }`
never-exempted = the circular exempts every subject it matches
never-exempted-help = remove the rule, or narrow the `{ $exempt }`
never-revoked-during = `{ $by }` revokes { $whole ->
        [yes] it
       *[no] its circular
    } from { $from }, before its `{ $during }` period
never-revoked-during-help = correct its `{ $during }` period, or the dates of the circulars
never-matches = it matches no subject on a day the circular applies
never-matches-help = correct its selector or its `{ $during }` period

# dead-exemption
dead-except = this `{ $except }` removes nobody: rule `{ $rule }` covers none of its subjects
dead-except-label = not covered by `{ $rule }`
dead-except-help = remove it, or name subjects the rule covers
dead-exempt = this `{ $exempt }` removes nobody: { $why }
dead-exempt-label = exempts nobody the circular binds
dead-exempt-no-rule = no rule of `{ $circular }` covers its subjects
dead-exempt-no-rule-help = remove it, or name subjects the circular's rules cover
dead-exempt-scope = it names only governments outside the circular's scope
dead-exempt-scope-help = remove it, or correct its `{ $gov }`

# rule-on-days-off ($what: `weekdays`, `during` or `dates`)
no-working-day = no working day
days-off-validity = the validity of `{ $circular }` covers no working day: { $days }
days-off-validity-help = circulars regulate working days: correct the dates of the validity
days-off-weekdays = rule `{ $rule }` applies only on { $days }, which are not working days (the working week is { $week })
days-off-rule = rule `{ $rule }` covers no working day ({ $what ->
        [weekdays] its weekdays
        [during] its `{ $during }`
       *[dates] its dates
    }): { $days }
days-off-window = the `{ $during }` window { $from } to { $to } of rule `{ $rule }` covers no working day: { $days }
days-off-help = on a day off nobody works, from the office or from home: move it to working days, or correct the weekday
no-day = it has no day
day-off-one = { $day } is a day off
days-off = { $list } are days off

# every-outside-validity ($whose: `during` or `validity`)
every-outside-validity = rule `{ $rule }` applies every { $days }, but { $whose ->
        [during] its `{ $during }` windows hold
       *[validity] the validity holds
    } no { $days }
every-outside-validity-label = no { $days } in { $whose ->
        [during] its `{ $during }` windows
       *[validity] the validity
    }
every-outside-validity-help = { $whose ->
        [during] its `{ $during }` windows hold
       *[validity] the validity holds
    } only { $present }: correct the weekday, or the dates

# too-many-combinations
too-many-combinations = the { $n } rules of `{ $circular }` apply together in more than { $max } combinations: edaran did not check it for conflicts, overlaps or dead rules, within it or against other circulars
too-many-combinations-label = not checked: edaran stopped at { $pieces } combinations
too-many-combinations-help = rules that each name a trait or a condition of their own combine in every way; give one name to the traits or conditions that go together, or split the circular
