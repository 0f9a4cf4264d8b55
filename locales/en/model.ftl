# Diagnostics of the model (src/model): English. Every message here is in
# locales/id/model.ftl too, with the same variables (src/msg/tests.rs).
# Names and dates (YYYY-MM-DD) are arguments, shown as they are written.

circular-named = circular `{ $name }`
this-circular = this circular

# duplicate-name. $what is one of the phrases below.
defined-twice = { $what } is defined twice
defined-again-here = defined again here
first-defined-here = first defined here
defined-twice-help = rename one of them, or remove the second
the-baseline = the baseline
the-workweek = the working week
calendar-none = `calendar none`
# $kind: `circular` or `test`.
named = { $kind ->
        [test] test
       *[circular] circular
    } `{ $name }`
# $kind: `set`, `condition` or `rule`.
the-named = the { $kind ->
        [set] set
        [condition] condition
       *[rule] rule
    } `{ $name }`

# unknown-name. $kind: `sector`, `region`, `govs` or `rule`.
unknown-name = unknown { $kind ->
        [sector] sector
        [region] region
        [govs] set of governments
       *[rule] rule
    } `{ $name }`
unknown-name-label = no { $kind ->
        [sector] sector
        [region] region
        [govs] set of governments
       *[rule] rule
    } of this name
unknown-name-help = define it in the circular or at the top of the file, e.g. `{ $kind ->
        [sector] sector { $name } = ["UNIT", ...]
        [region] region { $name } = ["PLACE", ...]
        [govs] govs { $name } = ["GOVERNMENT", ...]
       *[rule] rule { $name }: SELECTOR => wfo N%
    }`
# A set of one kind where another is expected. $kind and $expected: `sector`, `region` or `govs`.
set-kind = `{ $name }` is a { $kind ->
        [sector] sector
        [region] region
       *[govs] set of governments
    }, not a { $expected ->
        [sector] sector
        [region] region
       *[govs] set of governments
    }
set-kind-label = a { $expected ->
        [sector] sector
        [region] region
       *[govs] set of governments
    } is expected here
defined-here = `{ $name }` is defined here
set-kind-help = { $kind ->
        [sector] a sector is a set of units: use it as `{ $name }` or `unit in { $name }`
        [region] a region is a set of places: use it as `domicile in { $name }` or `office in { $name }`
       *[govs] a `govs` set is a set of governments: use it as `gov in { $name }`
    }

# Lists of pieces: "a, b and c".
comma-list = { $list }, { $next }
comma-list-empty = {""}
and-list = { $list } and { $last }
quoted-name = `{ $name }`
period-to = { $from } to { $to }
period-from = from { $from }
line-list =
    { $list }
    { $next }

# The clauses of a circular and the modifiers of a rule. $key is the English keyword.
clause-keyword = `{ $key }`
modifier-keyword = `{ $key }`

# A clause given twice ($keyword: `clause-keyword`).
clause-given-twice = { $keyword } is given twice in { $circular }
given-again-here = given again here
first-given-here = first given here
one-clause-help = a circular has one { $keyword } clause: remove one
valid-twice-help = a circular has one `valid` clause; several windows go in one list: `valid { $periods }`

# missing-clause
issuer-no-level = the issuer of { $circular } has no level
issuer-no-level-label = `level` missing
issuer-no-level-help = write `issuer "{ $name }" level LEVEL`, where LEVEL is `national`, `provincial` or `local`
missing-clause = { $circular } has no { $keyword } clause
missing-clause-label = { $keyword } missing
missing-clause-help = add { $key ->
        [issuer] `issuer "NAME" level LEVEL`: the office that issued it; LEVEL is `national`, `provincial` or `local`
        [signed] `signed YYYY-MM-DD`: the day it was signed
        [valid] `valid YYYY-MM-DD to YYYY-MM-DD`: its first and last day, or `valid from YYYY-MM-DD`
       *[scope] `scope "GOVERNMENT"`: the government it binds, or `scope all` for every government
    }
clause-form-fill = { $key ->
        [issuer] issuer "NAME" level LEVEL  (the office that issued it; LEVEL is `national`, `provincial` or `local`)
        [signed] signed YYYY-MM-DD  (the day it was signed)
        [valid] valid YYYY-MM-DD to YYYY-MM-DD  (its first and last day, or `valid from YYYY-MM-DD`)
       *[scope] scope "GOVERNMENT"  (the government it binds, or `scope all` for every government)
    }
missing-clauses = { $circular } has no { $list } clauses
missing-clauses-label = { $list } missing
missing-clauses-help =
    add:
    { $forms }

# no-rule
no-rule = { $circular } has no rule: it sets no WFO share
no-rule-label = no `rule` in this circular
no-rule-exempts-help = where no other circular decides, those it exempts are answered `exempt` and the others keep the baseline; if the circular states a share, add it as a rule: `rule NAME: SELECTOR => wfo N%`
no-rule-help = where no other circular decides, its staff keep the baseline; if the circular states a share, add it as a rule: `rule NAME: SELECTOR => wfo N%`

# A modifier given twice in a rule ($keyword: `modifier-keyword`).
two-modifiers = rule `{ $rule }` has two { $keyword } modifiers
second-modifier = a second { $keyword }
first-modifier = the first { $keyword }
during-twice-help = a rule has one `during`; several periods go in one list: `during { $periods }`
every-twice-help = a rule has one `every`; several weekdays go in one list: `every [wednesday, friday]`
when-twice-help = a rule has one `when`; for a rule that applies under two conditions, declare the situation as one condition

# A `when` naming no condition of its circular.
unknown-condition = the circular declares no condition `{ $name }`
unknown-condition-label = not a condition of this circular
declare-condition-help = declare it in the circular, with what it means: `condition { $name } "..."`
declare-condition-also-help = declare it in the circular: `condition { $name } "..."`

# too-many-names. $kind: the noun of a dimension (src/dim.rs).
dim-noun = { $kind }
dim-nouns = { $kind }s
too-many-names = the circulars name { $count } different { $nouns }; edaran tells at most { $max } apart
too-many-names-label = `{ $name }` is { $noun } number { $number }
too-many-names-help = edaran will not check or answer with { $nouns } it cannot tell apart: give one name to { $nouns } that always go together, or check the circulars that use different ones separately
too-many-names-first = the first { $noun }, `{ $name }`
