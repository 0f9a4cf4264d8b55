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

# Literal: teks, nama, angka, tingkat, hari, tanggal dan persentase.
string-line-break = teks dalam tanda kutip tidak boleh berisi pindah baris
string-line-break-help = tutup tanda kutipnya di baris tempat teks itu dibuka
keyword-as-name = di sini seharusnya ada nama, bukan `{ $word }`
keyword-as-name-label = seharusnya nama
keyword-as-name-help = `{ $word }` adalah kata kunci dan tidak bisa dipakai sebagai nama: pilih nama lain
keyword-as-name-other-help = `{ $word }` adalah kata kunci dalam bahasa { $lang ->
        [id] Indonesia
       *[en] Inggris
    } dan tidak bisa dipakai sebagai nama, supaya berkas dapat ditulis dalam kedua bahasa: pilih nama lain
number-too-large = angka `{ $number }` terlalu besar
did-you-mean = mungkin maksudnya `{ $word }`?
write = tulis `{ $text }`
unknown-level = tingkat `{ $word }` tidak dikenal
level-help = tingkat adalah `{ $national }`, `{ $provincial }` atau `{ $local }`
weekdays-empty = daftar hari kosong
weekdays-empty-help = sebutkan paling sedikit satu hari, misalnya `{ $example }`
not-a-weekday = `{ $word }` bukan nama hari
weekday-help = nama hari adalah salah satu dari { $names }
not-a-date = `{ $date }` bukan tanggal
implausible-date = `{ $date }` bukan tanggal yang masuk akal: tahun `{ $year }` di luar jangkauan
year-typo-help = edaran menerima tahun { $first } sampai { $last }, dan `{ $year }` tampaknya salah ketik: tulis tahunnya lengkap, misalnya `{ $full }`
year-range-help = edaran menerima tahun { $first } sampai { $last }: periksa tahunnya
date-form = tanggal ditulis `YYYY-MM-DD` (tahun-bulan-hari), bukan `{ $date }`
month-days = { $month ->
        [1] Januari
        [2] Februari
        [3] Maret
        [4] April
        [5] Mei
        [6] Juni
        [7] Juli
        [8] Agustus
        [9] September
        [10] Oktober
        [11] November
       *[12] Desember
    } { $year } memiliki { $days } hari
no-such-month = tidak ada bulan { $month }: bulan ditulis 01 sampai 12
empty-period = { $what ->
        [validity] masa berlaku
        [during] jangka waktu aturan
        [holiday] hari libur ini
       *[period] jangka waktu ini
    } berakhir pada { $to } sebelum dimulai pada { $from }
starts-on = dimulai pada { $date }
ends-on = berakhir pada { $date }
empty-period-help = tukar kedua tanggal itu
percent-decimals = `{ $percent }%` memiliki lebih dari dua angka di belakang titik
percent-above-100 = `{ $percent }%` lebih dari 100%
percent-above-100-help = bagian pegawai berada di antara 0% dan 100%

# Blok, pertanyaan, pemilih dan seluruh berkas.
unexpected = `{ $text }` tidak diharapkan di sini
put-in-quotes = beri tanda kutip: `"{ $text }"`
header-unquoted = { $what ->
        [test] nama uji
       *[circular] nomor surat edaran
    } harus ditulis dalam tanda kutip
missing-brace = seharusnya ada `{"{"}` sesudah { $what ->
        [test] nama uji
       *[circular] nomor surat edaran
    }
missing-brace-label = seharusnya `{"{"}`
unclosed-block = seharusnya ada `{"}"}` untuk menutup blok
unclosed-block-label = blok seharusnya ditutup sebelum titik ini
unclosed-block-here = blok ini tidak ditutup
empty-range = rentang `{ $from }..{ $to }` kosong: awalnya lebih besar dari akhirnya
two-dates = satu pertanyaan hanya memuat satu tanggal atau satu jangka waktu
second-date = tanggal kedua
first-date = tanggal pertama
two-dates-help = ajukan dua pertanyaan, atau pakai `{ $from } TANGGAL { $to } TANGGAL`
no-date = pertanyaan memerlukan tanggal
no-date-label = seharusnya ada `{ $on } TANGGAL` di sini
no-date-help = tambahkan `{ $on } YYYY-MM-DD`, atau `{ $from } YYYY-MM-DD { $to } YYYY-MM-DD`
given-twice = `{ $word }` disebut dua kali
second-time = kedua kalinya
first-time = pertama kalinya
given-twice-help = setiap dimensi, kondisi dan keadaan disebut paling banyak satu kali
selector-too-deep = pemilih bersarang lebih dari { $most } tingkat
selector-too-deep-help = pecah pemilih itu menjadi sektor bernama atau beberapa aturan
nots-in-a-row = ada { $count } `bukan`/`not` berturut-turut: sisakan satu atau tidak sama sekali
parentheses-too-deep = tanda kurung di sini bersarang lebih dari { $most } tingkat
parentheses-too-deep-help = tidak ada pemilih yang memerlukan lebih dari beberapa tingkat tanda kurung: beri nama bagian-bagiannya sebagai sektor
unclosed-comment = komentar blok ini tidak pernah ditutup
unclosed-comment-help = tutup dengan `*/`; semua teks sesudahnya terbaca sebagai komentar
file-too-much-work = berkas ini terlalu berat untuk dibaca
file-unreadable = berkas ini tidak dapat dibaca sebagai berkas `.se`
split-the-file = pecah menjadi beberapa berkas

# Yang diharapkan tata bahasa (src/syntax/errors.rs). Kata kunci datang sebagai argumen, dalam
# bahasa berkasnya.
quoted = `{ $text }`
or = atau
end-of-line = akhir baris
unexpected-found = { $found } tidak diharapkan di sini
expected-found = seharusnya { $expected }, bukan { $found }
not-expected-here = tidak diharapkan di sini
expected-label = seharusnya { $expected }
expect-string = teks dalam tanda kutip
expect-date = tanggal `YYYY-MM-DD`
expect-percent = persentase, misalnya `50%`
expect-integer = bilangan bulat
expect-name = nama
expect-level = tingkat (`{ $national }`, `{ $provincial }` atau `{ $local }`)
expect-duration-unit = `{ $days }`, `{ $weeks }` atau `{ $months }`
expect-mode = `wfo`, `wfh` atau `wfa`
expect-string-list = daftar `["...", ...]`
expect-ident-list = daftar `[nama, ...]`
expect-answer = jawaban seperti `50%`, `{ $at_most } 25%`, `{ $baseline }`, `{ $exempt }` atau `{ $none }`
group-item = bagian utama berkas ({ $list })
group-clause = ketentuan surat edaran
group-question = pertanyaan ({ $list })
group-selector = pemilih pegawai
group-modifier = keterangan aturan ({ $list })
help-percent-sign = persentase memakai tanda persen: `{ $word }%`
help-modifiers = sesudah pengaturan kerjanya, sebuah aturan hanya dapat diikuti `{ $except } PEMILIH`, `{ $overrides } ATURAN`, `{ $during } TANGGAL { $to } TANGGAL`, `{ $every } HARI` dan `{ $when } KONDISI`
help-clause-outside = ketentuan `{ $word }` harus berada di dalam blok `{ $circular } "NOMOR" {"{"} ... {"}"}`
help-expect-outside = `{ $expect }` harus berada di dalam blok `{ $test } "NAMA" {"{"} ... {"}"}`
help-clause-start = sebuah ketentuan dimulai dengan salah satu dari { $list }
help-names-lowercase-define = nama ditulis dengan huruf kecil: tulis `{ $name }`, di sini dan di tempat nama itu dipakai
help-names-lowercase = nama ditulis dengan huruf kecil (`{ $name }`); nama unit dan tempat ditulis dalam tanda kutip (`"{ $word }"`)
slip-unclosed-string = tanda kutip teks ini tidak ditutup
slip-string-opens = teksnya dibuka di sini
slip-close-string = tutup dengan `"` di baris yang sama
slip-dashed-name = nama tidak boleh memuat `-`: `{ $name }`
slip-dashed-name-label = kata-kata dalam nama disambung dengan `_`
slip-decimal-comma = angka desimal ditulis dengan titik: `{ $fixed }`
slip-date = { $how ->
        [year-first] tanggal ditulis dengan tahun lebih dulu, `YYYY-MM-DD`
       *[dashes] tanggal ditulis dengan `-`, `YYYY-MM-DD`
    }
slip-date-fixed = { $how ->
        [year-first] tanggal ditulis dengan tahun lebih dulu, `YYYY-MM-DD`
       *[dashes] tanggal ditulis dengan `-`, `YYYY-MM-DD`
    }: `{ $date }`
slip-duration-units = lama waktu dihitung dalam `{ $days }`, `{ $weeks }` atau `{ $months }`: `({ $example })`
slip-duration = lama waktu dihitung dalam hari, minggu atau bulan: `({ $example })`
amounts = `wfo 50%`, `wfo { $at_most } 25%`, `wfo { $at_least } 50%` atau `wfo 25%..50%` (atau sama dengan `wfh`, bagian yang bekerja dari rumah, atau `wfa`, dari mana saja)
slip-space-after = beri spasi sesudah `{ $mode }`: `{ $mode } { $rest }`
slip-mode-guess = mungkin maksudnya `{ $mode }`? tulis { $amounts }
slip-mode = tulis { $amounts }
