# Diagnostics of the front end (src/syntax): English. Every message here is in
# locales/id/syntax.ftl too, with the same variables (src/msg/tests.rs).
# $lang and $other are language codes (`en`, `id`); $what is `file` or `question`.

mixed-language = `{ $word }` is { $other ->
        [id] Indonesian
       *[en] English
    }, but this { $what ->
        [question] question
       *[file] file
    } is written in { $lang ->
        [id] Indonesian
       *[en] English
    }{ $more ->
        [0] {""}
        [1] {" "}(and 1 more { $other ->
            [id] Indonesian
           *[en] English
        } word)
       *[other] {" "}(and { $more } more { $other ->
            [id] Indonesian
           *[en] English
        } words)
    }
mixed-language-label = { $other ->
        [id] Indonesian
       *[en] English
    } word
mixed-language-from-here = { $lang ->
        [id] Indonesian
       *[en] English
    } from here
mixed-language-help = a { $what ->
        [question] question
       *[file] file
    } is written in one language; `edaran fmt --lang { $lang }` writes a file all in { $lang ->
        [id] Indonesian
       *[en] English
    }
mixed-language-help-word = write `{ $word }`: a { $what ->
        [question] question
       *[file] file
    } is written in one language; `edaran fmt --lang { $lang }` writes a file all in { $lang ->
        [id] Indonesian
       *[en] English
    }

# Literals: strings, names, numbers, levels, weekdays, dates and percentages.
string-line-break = a string cannot hold a line break
string-line-break-help = close the string on the line where it opens
keyword-as-name = expected a name, found `{ $word }`
keyword-as-name-label = expected a name
keyword-as-name-help = `{ $word }` is a keyword and cannot be a name: choose another name
keyword-as-name-other-help = `{ $word }` is a keyword in { $lang ->
        [id] Indonesian
       *[en] English
    } and cannot be a name, so that the file can be written in either language: choose another name
number-too-large = the number `{ $number }` is too large
did-you-mean = did you mean `{ $word }`?
write = write `{ $text }`
unknown-level = unknown level `{ $word }`
level-help = a level is `{ $national }`, `{ $provincial }` or `{ $local }`
weekdays-empty = the list of weekdays is empty
weekdays-empty-help = name at least one weekday, such as `{ $example }`
not-a-weekday = `{ $word }` is not a weekday
weekday-help = a weekday is one of { $names }
not-a-date = `{ $date }` is not a date
implausible-date = `{ $date }` is not a plausible date: the year `{ $year }` is out of range
year-typo-help = edaran accepts the years { $first } to { $last }, and `{ $year }` looks like a typo: write the year in full, such as `{ $full }`
year-range-help = edaran accepts the years { $first } to { $last }: check the year
date-form = dates are written `YYYY-MM-DD`, not `{ $date }`
month-days = { $month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
       *[12] December
    } { $year } has { $days } days
no-such-month = there is no month { $month }: months go from 01 to 12
empty-period = { $what ->
        [validity] the validity
        [during] the `during` period
        [holiday] the holiday
       *[period] the period
    } ends on { $to } before it starts on { $from }
starts-on = starts on { $date }
ends-on = ends on { $date }
empty-period-help = swap the two dates
percent-decimals = `{ $percent }%` has more than two decimals
percent-above-100 = `{ $percent }%` is more than 100%
percent-above-100-help = a share of staff is between 0% and 100%

# Blocks, questions, selectors and the whole file.
unexpected = unexpected `{ $text }`
put-in-quotes = put it in quotes: `"{ $text }"`
header-unquoted = the { $what ->
        [test] test's name
       *[circular] circular's number
    } must be a quoted string
missing-brace = expected `{"{"}` after the { $what ->
        [test] test's name
       *[circular] circular's number
    }
missing-brace-label = expected `{"{"}`
unclosed-block = expected `{"}"}` to close the block
unclosed-block-label = the block should be closed before this point
unclosed-block-here = this block is not closed
empty-range = the range `{ $from }..{ $to }` is empty: it starts above its end
two-dates = a question has one date or period
second-date = second date
first-date = first date
two-dates-help = ask two questions, or use `{ $from } DATE { $to } DATE`
no-date = a question needs a date
no-date-label = expected `{ $on } DATE` here
no-date-help = add `{ $on } YYYY-MM-DD`, or `{ $from } YYYY-MM-DD { $to } YYYY-MM-DD`
given-twice = `{ $word }` is given twice
second-time = second time
first-time = first time
given-twice-help = each dimension, condition and trait is given at most once
selector-too-deep = selector nested more than { $most } levels deep
selector-too-deep-help = split the selector into named sectors or several rules
nots-in-a-row = { $count } `not`s in a row: keep one or none
parentheses-too-deep = parentheses nest more than { $most } deep here
parentheses-too-deep-help = no selector needs more than a few levels of parentheses: name the parts as sectors
unclosed-comment = this block comment is never closed
unclosed-comment-help = close it with `*/`; everything after it was read as comment
file-too-much-work = the file takes too much work to read
file-unreadable = the file could not be read as `.se` source
split-the-file = split it into several files

# What the grammar expected (src/syntax/errors.rs). Keywords come as arguments, in the
# language of the file.
quoted = `{ $text }`
or = or
end-of-line = the end of the line
unexpected-found = unexpected { $found }
expected-found = expected { $expected }, found { $found }
not-expected-here = not expected here
expected-label = expected { $expected }
expect-string = a quoted string
expect-date = a date `YYYY-MM-DD`
expect-percent = a percentage such as `50%`
expect-integer = a whole number
expect-name = a name
expect-level = a level (`{ $national }`, `{ $provincial }` or `{ $local }`)
expect-duration-unit = `{ $days }`, `{ $weeks }` or `{ $months }`
expect-mode = `wfo`, `wfh` or `wfa`
expect-string-list = a list `["...", ...]`
expect-ident-list = a list `[name, ...]`
expect-answer = an answer such as `50%`, `{ $at_most } 25%`, `{ $baseline }`, `{ $exempt }` or `{ $none }`
group-item = a top-level item ({ $list })
group-clause = a clause
group-question = a question ({ $list })
group-selector = a selector
group-modifier = a modifier ({ $list })
help-percent-sign = percentages take a percent sign: `{ $word }%`
help-modifiers = after its arrangement a rule takes only `{ $except } SELECTOR`, `{ $overrides } RULE`, `{ $during } DATE { $to } DATE`, `{ $every } WEEKDAY` and `{ $when } CONDITION`
help-clause-outside = a `{ $word }` clause belongs inside a `{ $circular } "NUMBER" {"{"} ... {"}"}` block
help-expect-outside = `{ $expect }` belongs inside a `{ $test } "NAME" {"{"} ... {"}"}` block
help-clause-start = a clause starts with one of { $list }
help-names-lowercase-define = names are lowercase: write `{ $name }`, here and where it is used
help-names-lowercase = names are lowercase (`{ $name }`); unit and place names are quoted strings (`"{ $word }"`)
slip-unclosed-string = this string is not closed
slip-string-opens = the string opens here
slip-close-string = close it with `"` on the same line
slip-dashed-name = a name cannot contain `-`: `{ $name }`
slip-dashed-name-label = names join words with `_`
slip-decimal-comma = decimals are written with a point: `{ $fixed }`
slip-date = { $how ->
        [year-first] dates are written year first, `YYYY-MM-DD`
       *[dashes] dates are written with `-`, `YYYY-MM-DD`
    }
slip-date-fixed = { $how ->
        [year-first] dates are written year first, `YYYY-MM-DD`
       *[dashes] dates are written with `-`, `YYYY-MM-DD`
    }: `{ $date }`
slip-duration-units = a duration is counted in `{ $days }`, `{ $weeks }` or `{ $months }`: `({ $example })`
slip-duration = a duration is counted in days, weeks or months: `({ $example })`
amounts = `wfo 50%`, `wfo { $at_most } 25%`, `wfo { $at_least } 50%` or `wfo 25%..50%` (or the same with `wfh`, the share working from home, or `wfa`, from anywhere)
slip-space-after = put a space after `{ $mode }`: `{ $mode } { $rest }`
slip-mode-guess = did you mean `{ $mode }`? write { $amounts }
slip-mode = write { $amounts }
