# The texts the command line writes, in English. Every message here is also in
# locales/id/cli.ftl, with the same id and arguments (src/cli/l10n/tests.rs checks it).
# House style: lowercase, no final period, what the user wrote in backticks.

## Counts (the messages that use them give the same variable)

n-files = { $files ->
    [one] 1 file
   *[other] { $files } files
}
n-errors = { $errors ->
    [one] 1 error
   *[other] { $errors } errors
}
n-warnings = { $warnings ->
    [one] 1 warning
   *[other] { $warnings } warnings
}
n-circulars = { $circulars ->
    [one] 1 circular
   *[other] { $circulars } circulars
}

## Prefixes of the lines on stderr

error = error: { $message }
warning = warning: { $message }
# The word before a finding's example, beneath a diagnostic and in the list of conflicts.
witness = witness

## edaran check

check-clean = checked { n-files }: no problems found
check-summary = checked { n-files }: { n-errors }, { n-warnings }
omitted = and { $problems ->
    [one] 1 more problem
   *[other] { $problems } more problems
} not shown ({ n-errors }, { n-warnings }): { $how } to see them all
omitted-how-check = add `--max-diagnostics 0`
omitted-how-query = run `edaran check --max-diagnostics 0`

## Reading files

io-not-found = no such file or directory
io-permission-denied = permission denied
read-cannot = cannot read `{ $path }`: { $reason }
read-no-sources = no `.se` files in `{ $path }`
read-not-utf8 = `{ $path }` is not UTF-8 text (invalid byte at offset { $offset }); save it as UTF-8
read-not-se = `{ $path }` is not a `.se` file: edaran reads circulars written in `.se` files; name those files, or a directory that holds them
read-not-a-file = `{ $path }` is { $what }, not a file: edaran reads only regular files
read-too-large = `{ $path }` is { $size }, over the limit of { $limit } per file; if it is really a circular, raise the limit with `--max-file-size`
read-too-large-unknown = `{ $path }` is over the limit of { $limit } per file; if it is really a circular, raise the limit with `--max-file-size`
what-it-is = { $kind ->
    [pipe] a named pipe
    [socket] a socket
    [device] a device
    [directory] a directory
   *[other] not a regular file
}
skipped = skipped `{ $path }`: { $why }
skip-link-outside = it is a link to `{ $target }`, outside the folders searched{ $hint }
skip-hint-name-it = {" "}(name it to read it)
skip-hint-nothing-ignored = ; nothing is ignored
skip-ignore-not-a-file = it is { $what }, not a file; nothing is ignored
skip-not-a-file = it is { $what }, not a file
skip-leads-to = it leads to { $what }, not a file
stdin-cannot-read = cannot read standard input: { $reason }
stdin-too-large = standard input is longer than the limit of { $limit } per file; raise it with `--max-file-size`
stdin-not-utf8 = standard input is not UTF-8 text (invalid byte at offset { $offset })
size-bad = `{ $text }` is not a size: write a number of bytes, or one followed by K, M or G (`64M`, `1G`)
size-too-large = `{ $text }` is too large a size
size-bytes = { $bytes ->
    [one] 1 byte
   *[other] { $bytes } bytes
}
size-large = { $size } ({ $bytes } bytes)
cannot-write = cannot write `{ $name }`: { $reason }
cannot-write-output = cannot write the output: { $reason }

## edaran test

test-ok = test { $name } ({ $file }) ... ok
test-failed = test { $name } ({ $file }) ... FAILED
test-expected = expected { $expected }
test-summary = { $passed } passed, { $failed } failed

## edaran query

query-does-not-resolve = the workspace does not parse and resolve ({ n-errors }): fix them first (`edaran check`)
query-reading-stdin = reading questions from standard input, one per line; end with Ctrl-D (or give one with `-e QUERY`)
query-no-question = no question: give one with `-e QUERY`, or one per line on stdin

## edaran query: the answers

range = { $from } to { $to }
valid-from = from { $from }
answer-note = note: { $note }
answer-none-in-force = no circular is in force
answer-none-in-force-period = no circular is in force in this period
answer-in-force = { $id } ({ $level }, valid { $from } to { $to })
answer-revocation = revocation
answer-in-force-days = { $id } ({ $level }): { $windows }, { $days ->
    [one] 1 day
   *[other] { $days } days
}
answer-revoked-from = revoked by { $by } from { $from }
answer-no-conflict = no conflict
answer-case = case { $case } of { $cases }: { $condition }, { $days }
answer-rule-of = rule `{ $rule }` of { $circular }
answer-priority = WFH priority { $rank }
answer-no-priority = no WFH priority
answer-days-from-to = { $days } from { $from } to { $to }
answer-every-day-off = every day is a day off: { $days }
answer-otherwise = otherwise
answer-days-off = days off: { $days }
answer-answer = answer: { $answer }
answer-not-listed = not listed (`edaran query --all` lists every circular):
answer-no-rule-on-day-off = no rule applies on a day off
answer-baseline = { $reason }: the baseline is WFO { $wfo }
answer-exempt-no-rule = the subject is exempt and no rule applies
answer-no-rule = no rule applies
answer-duty = duty ({ $circular }): { $duty }
answer-applies = applies
answer-does-not-apply = does not apply: { $reason }
answer-circular = circular { $id } ({ $level }, signed { $signed }): { $why }
answer-rule-dropped = rule `{ $rule }`: dropped: { $reason }
answer-rule-decides = rule `{ $rule }`: decides: WFO { $wfo }
answer-circular-requires = the circular requires WFO { $wfo }
answer-circular-conflict = conflict: its deciding rules require disjoint shares
reason-not-yet = not yet in force (valid { $validity })
reason-outside-validity = outside its validity ({ $validity })
reason-revoked-by = revoked by { $by } from { $from }
reason-out-of-scope = the government is out of its scope
reason-exempt = the subject is exempt
dropped-outside-validity = outside the circular's validity
dropped-revoked = the circular is revoked by { $by }
dropped-out-of-scope = the government is out of the circular's scope
dropped-exempt = the circular exempts the subject
rule-no-match = its selector does not match
rule-excepted = its `except` removes the subject
rule-outside-during = outside its `during` period
rule-outside-every = not on the weekdays of its `every`
rule-when-holds = it applies only when `{ $name }` holds, and it does not
rule-when-not = it applies only when `{ $name }` does not hold, and it does
rule-no-condition = its condition does not hold
rule-overridden = overridden by { $rules } (lex specialis)
rule-otherwise = `otherwise`, and another rule applies
left-out-other-governments = { $circulars ->
    [one] 1 circular of another government: the government is out of its scope
   *[other] { $circulars } circulars of other governments: the government is out of their scope
}
left-out-ended = { $circulars ->
    [one] 1 earlier circular for this government: ended before { $date }
   *[other] { $circulars } earlier circulars for this government: ended before { $date }
}
left-out-revoked = { $circulars ->
    [one] 1 earlier circular for this government: revoked before { $date }
   *[other] { $circulars } earlier circulars for this government: revoked before { $date }
}
left-out-not-yet = { $circulars ->
    [one] 1 later circular for this government: not yet in force on { $date }
   *[other] { $circulars } later circulars for this government: not yet in force on { $date }
}

## edaran fmt

fmt-syntax-errors = `{ $name }` has syntax errors and was not formatted
fmt-read-only = `{ $name }` is read-only and was not formatted: make it writable (`chmod u+w { $name }`) to format it
fmt-not-a-file = `{ $name }` is not a regular file and was not formatted: `edaran fmt - < FILE` prints the layout
fmt-would-reformat = { n-files } would be reformatted
fmt-formatted = formatted { n-files }

## edaran holidays

holidays-not-covered = the national calendar has no list for { $year }: it covers { $years }
holidays-no-year = no year
holidays-years = { $first } to { $last }
holidays-heading = The national calendar of Indonesia, { $year }: { $libur } days of libur nasional, { $cuti } days of cuti bersama
holidays-set-by = Set by
holidays-amended-by = Amended by
holidays-keppres = With the Keputusan Presiden
holidays-taken-from = Taken from
holidays-notes = Notes
month = { $month ->
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
}
weekday = { $day ->
    [1] Monday
    [2] Tuesday
    [3] Wednesday
    [4] Thursday
    [5] Friday
    [6] Saturday
   *[7] Sunday
}

## edaran timeline

date-shape = write a date as YYYY-MM-DD, for example 2023-09-01
date-not-a-day = { $text } is not a day of the calendar
timeline-output-se = `{ $output }` is a name for circulars: the picture is SVG, name it FILE.svg
timeline-output-dir = `{ $output }` is a directory: give the name of the SVG file to write
timeline-output-is-read = `{ $output }` is one of the files read (`{ $source }`): name another file for the picture
timeline-cut = note: a timeline is at most five years: drawn from { $from } to { $to } (not to { $asked }); give --from and --to to draw another part
timeline-subject-date = --subject takes no date: the period drawn is --from and --to
timeline-subject-bad = --subject cannot be read: write a subject as in `wfo SUBJECT on DATE`, without the date: a unit in quotes, then any of function, domicile, office and gov (for example --subject '"BPKAD" gov "Pemprov Banten"')
timeline-wrote = wrote { $output }: { n-circulars } in force from { $from } to { $to }

timeline-title = Circulars in force, { $from } to { $to }
timeline-share-of = with the share of work from the office of { $subject }
timeline-legend = { $item ->
    [during] a rule's during window
    [revoked] revoked
    [holiday] holiday
    [weekend] weekend
    [ruled] WFO ruled
    [exempt] exempt
    [baseline] baseline
    [differ] cases differ
   *[conflict] conflict
}
timeline-none-in-force = no circular in force
timeline-valid = valid { $days }
timeline-valid-from = valid from { $from }
timeline-revoked-by = revoked by { $by }
timeline-wfo-share = WFO share
month-short = { $month ->
    [1] Jan
    [2] Feb
    [3] Mar
    [4] Apr
    [5] May
    [6] Jun
    [7] Jul
    [8] Aug
    [9] Sep
    [10] Oct
    [11] Nov
   *[12] Dec
}

## edaran repl

repl-banner = `:help` lists the questions and commands; Ctrl-D leaves
repl-loaded = loaded { n-files }, { n-circulars }
repl-loaded-errors = { $loaded } ({ n-errors }: see `:check`)
repl-load-path = `:load` takes a path
repl-given = given: { $given }
repl-given-none = given: none (`:given gov "Pemprov Banten"`, for example, gives one)
repl-given-cleared = given: cleared
repl-unknown-command = unknown command `:{ $command }` (`:help` lists them)
repl-no-workspace = no workspace is loaded
repl-no-workspace-load = no workspace is loaded: `:load PATH`
repl-does-not-resolve = the workspace does not parse and resolve ({ n-errors }): fix them and `:reload` (`:check` shows them)
repl-check-summary = { n-errors }, { n-warnings }
repl-no-history = { $problem }; no history is kept
repl-history-not-saved = cannot save the history to `{ $path }`: { $reason }
repl-no-editor = cannot start the line editor: { $reason }
repl-help =
    Questions (docs/language.md explains them):
      wfo "UNIT" [function F] [domicile "P"] [office "P"] [gov "G"] on DATE
      wfo "UNIT" ... from DATE to DATE
      explain "UNIT" ... on DATE
      wfh priority "UNIT" ... on DATE
      in force on DATE
      in force from DATE to DATE
      conflicts
    Commands:
      :load PATH     add a file or directory to the workspace
      :reload        read every file again
      :check         show the workspace's diagnostics
      :given DIMS    fill what the next questions leave out, for example
                     `:given gov "Pemprov Banten" function admin`
      :given         show the dimensions given
      :given clear   give none again
      :help          this text
      :quit          leave (also Ctrl-D)
    Tab completes what can come next; lines pasted at once are answered one by one.

## clap's own words, in Indonesian only (in English clap writes them itself: src/cli/help.rs)

clap-usage = Usage:
clap-commands = Commands
clap-arguments = Arguments
clap-options = Options
clap-help = Print help
clap-help-short = Print help (see more with '--help')
clap-help-long = Print help (see a summary with '-h')
clap-version = Print version
clap-help-command = Print this message or the help of the given subcommand(s)

## The help of the commands (clap)

help-about = Check and query Indonesian government circulars (Surat Edaran) on work arrangements
help-after = The language, the questions and every check: docs/language.md
help-max-file-size = The largest file edaran reads (`64M`, `1G`, or bytes): a bigger one is refused by name (docs/robustness.md)
help-lang = The language of the messages (default: from LC_ALL, LC_MESSAGES or LANG; `id_ID.UTF-8` is Indonesian); with `fmt`, also the language the keywords are converted to
help-paths = Files and directories (searched recursively for `*.se`); default: the current directory
help-format = Output format
help-color = When to use colour
help-color-auto = When stdout is a terminal and NO_COLOR is not set
help-color-always = Always
help-color-never = Never
help-check = Parse, resolve and lint `.se` files: every diagnostic of every file
help-check-after = Every check, with an example and the fix: docs/lints.md; the language: docs/language.md
help-check-deny = Exit 1 on warnings too
help-deny-warnings = Exit 1 when there is any warning
help-check-max-diagnostics = Print at most N diagnostics, then how many more there are (0: all); the counts stay exact (docs/robustness.md)
help-check-human = Each diagnostic with the lines it points at, then a summary line
help-check-json = One JSON document on stdout: {"{"}"diagnostics": [...], "errors": N, "warnings": N{"}"}; when the files cannot be read, {"{"}"input_errors": [...]{"}"}
help-query = Answer questions: `wfo "BPKAD" on 2023-09-01`, `explain ...`, `in force on DATE`, ...
help-query-expr = A question (repeatable); without any, one question per line is read from stdin
help-query-all = With `explain`: list every circular of the workspace, not only those that concern the subject and date (the others are otherwise counted in one line per group)
help-query-human = Each question, then its answer beneath it (its cases, rules and notes); a bad question is shown with what is wrong on stderr
help-query-json = One JSON document on stdout: {"{"}"answers": [...]{"}"}, one entry per question in order, with its cases (or circulars, or conflicts); a bad question gets {"{"}"query", "errors"{"}"} in its place; when the workspace cannot be read or does not resolve, {"{"}"input_errors": [...]{"}"}
help-query-after =
    Questions (one per `-e`, or one per line on standard input):
      wfo SUBJECT on DATE              the share of work from the office on that day
      wfo SUBJECT from DATE to DATE    the shares over a period, as a timeline
      explain SUBJECT on DATE          the answer and why: every rule, and why it applied or not
      wfh priority SUBJECT on DATE     the WFH priority rank, or none
      in force on DATE                 the circulars in force on that day
      in force from DATE to DATE       the circulars in force in that period, with their days
      conflicts                        every conflict and antinomy in the workspace

      SUBJECT := STRING [function IDENT] [domicile STRING] [office STRING] [gov STRING]

    A SUBJECT is a unit in quotes ("Dinas Kesehatan", "Bapenda/UPTD Samsat Serang"), then any of
    the other dimensions, each at most once, in any order; `on` or `from` may also come first.
    A dimension left out splits the answer into cases, each saying when it holds.
    Dates are written YYYY-MM-DD.

    Examples:
      edaran query examples/ -e 'wfo "BPKAD" gov "Pemprov Banten" on 2023-09-01'
      edaran query examples/ -e 'explain "Dinas Kesehatan" gov "Pemprov Banten" on 2022-02-10'
      echo 'in force on 2022-02-10' | edaran query examples/ --format json

    The full reference: docs/language.md
help-test = Run the `test` blocks of `.se` files
help-test-after = How to write `test` blocks and `expect` lines: docs/language.md
help-test-human = One line per test (ok or FAILED), each failed `expect` with the line it is on, then the counts
help-test-json = One JSON document on stdout: {"{"}"tests": [{"{"}"name", "file", "passed", "failures"{"}"}], "passed": N, "failed": N{"}"}; when the workspace cannot be read or does not resolve, {"{"}"input_errors": [...]{"}"}
help-repl = Ask questions interactively (reads plain lines from a pipe too)
help-repl-history = Where to keep the history (default: `$HOME/.edaran_history`)
help-fmt = Rewrite `.se` files in the canonical layout (comments kept; `-` for stdin to stdout; `--lang id` or `--lang en` converts their keywords)
help-fmt-paths = Files and directories (searched recursively for `*.se`), or `-` for standard input; default: the current directory
help-fmt-check = Change nothing; list the files that would change and exit 1 if any
help-holidays = List the national holidays and cuti bersama of a year, with the decree that sets them
help-holidays-year = The year, for example 2026
help-holidays-human = One line per day, by month, then the decrees and sources of the year
help-holidays-json = One JSON document on stdout: {"{"}"year", "source", "counts", "days": [{"{"}"date", "weekday", "kind", "name"{"}"}]{"}"}; for a year the calendar does not cover, {"{"}"input_errors": [...]{"}"}
help-holidays-after =
    The list edaran ships: libur nasional and cuti bersama as set by the SKB of the Minister of Religious Affairs, the Minister of Manpower and the Minister of PANRB, with its amendments, for 2020 to 2026.

    Example:
      edaran holidays 2026 --format json
help-timeline = Draw the circulars in force over time, by level, as an SVG picture (`-o FILE.svg`)
help-timeline-from = The first day drawn (YYYY-MM-DD); default: the first day any circular is valid
help-timeline-to = The last day drawn (YYYY-MM-DD); default: the last day any circular is in force (a year after the latest start when a validity has no end)
help-timeline-subject = Also draw the share of work from the office of this subject, day by day: a subject as in `wfo SUBJECT on DATE`, without the date, e.g. '"BPKAD" gov "Pemprov Banten"'
help-timeline-output = The SVG file to write
help-timeline-color = When to use colour in messages
help-timeline-after =
    The picture has three bands, national above provincial above local: each circular is a bar
    over the days it is in force (several bars for a validity of several windows, a darker strip
    where a rule has a `during` window), ended where a circular that revokes it takes effect (a red
    mark with the revoking circular's number). Holidays of the national calendar are shaded, and
    weekends lightly. With --subject, a chart beneath shows that subject's share of work from the
    office each working day (a band between the lowest and highest share when the answer is a
    range); weekends and holidays are left blank. The period is at most five years.

    Examples:
      edaran timeline examples/ -o timeline.svg
      edaran timeline examples/ --from 2023-08-01 --to 2023-10-31 \
          --subject '"BPKAD" gov "Pemprov Banten" function admin' -o banten.svg

    Exit status: 0 written; 2 bad arguments, unreadable files, files with errors, a subject that
    cannot be read, or the file cannot be written. The full reference: docs/language.md
