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
