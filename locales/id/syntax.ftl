# Diagnostik bagian depan (src/syntax): bahasa Indonesia. Setiap pesan di sini ada juga di
# locales/en/syntax.ftl, dengan variabel yang sama (src/msg/tests.rs).
# $lang dan $other adalah kode bahasa (`en`, `id`); $what adalah `file` atau `question`.

mixed-language = `{ $word }` adalah kata bahasa { $other ->
        [id] Indonesia
       *[en] Inggris
    }, padahal { $what ->
        [question] pertanyaan
       *[file] berkas
    } ini ditulis dalam bahasa { $lang ->
        [id] Indonesia
       *[en] Inggris
    }{ $more ->
        [0] {""}
       *[other] {" "}(dan { $more } kata bahasa { $other ->
            [id] Indonesia
           *[en] Inggris
        } lainnya)
    }
mixed-language-label = kata bahasa { $other ->
        [id] Indonesia
       *[en] Inggris
    }
mixed-language-from-here = bahasa { $lang ->
        [id] Indonesia
       *[en] Inggris
    } mulai dari sini
mixed-language-help = satu { $what ->
        [question] pertanyaan
       *[file] berkas
    } ditulis dalam satu bahasa; `edaran fmt --lang { $lang }` menulis seluruh berkas dalam bahasa { $lang ->
        [id] Indonesia
       *[en] Inggris
    }
mixed-language-help-word = tulis `{ $word }`: satu { $what ->
        [question] pertanyaan
       *[file] berkas
    } ditulis dalam satu bahasa; `edaran fmt --lang { $lang }` menulis seluruh berkas dalam bahasa { $lang ->
        [id] Indonesia
       *[en] Inggris
    }
